import GalleyCore
