extension GitRepository {
    /// The notes tree for `notes` (annotated object, note blob, its zlib stream) on top of `base`,
    /// fanned out as git notes does it (`ab/cdef…`: 256 folders of notes named by the other 38 digits),
    /// stored with the notes as one pack. Nil, having stored nothing, when `base` is shaped otherwise
    /// (the general tree builder handles that). Built from sorted ids rather than path strings: the
    /// general builder's names and dictionaries took 60 ms of writing ten thousand notes.
    func fannedNotesTreeAsPack(base: ObjectID?, notes: [(annotated: ObjectID, note: PackObject, deflated: [UInt8])]) throws -> ObjectID? {
        var folders = [ObjectID?](repeating: nil, count: 256)
        if let base {
            for e in try rawEntries(base) {
                // Exactly the two lowercase digits git writes: `0a`, not `a`, `0A` or `+a`.
                guard e.isTree, let byte = UInt8(e.name, radix: 16), Array(e.name.utf8) == Self.folderName(byte) else { return nil }
                folders[Int(byte)] = e.id
            }
        }
        var buckets = [[Int]](repeating: [], count: 256)
        for (i, n) in notes.enumerated() { buckets[Int(n.annotated.firstByte)].append(i) }
        var objects = notes.map(\.note)
        var streams = notes.map(\.deflated)
        // Stored, not compressed: a tree of note ids is two-thirds hexadecimal digits and random id
        // bytes, which deflate spends 130 µs per folder (33 ms a run) to shrink by a third.
        let stored = try Deflater.stored()
        let mode = Array("100644 ".utf8)
        for byte in 0..<256 where !buckets[byte].isEmpty {
            var entries = buckets[byte].map { (annotated: notes[$0].annotated, note: notes[$0].note.id) }
            if let old = folders[byte] {
                // An object noted again keeps its new note.
                let renewed = Set(entries.map(\.annotated))
                var digits = Self.folderName(UInt8(byte))
                for e in try rawEntries(old) {
                    digits.removeSubrange(2...)
                    digits += e.name.utf8
                    guard !e.isTree, e.mode == "100644", e.name.utf8.count == 38,
                          let id = digits.withUnsafeBytes({ ObjectID(hexDigits: $0) })
                    else { return nil }
                    if !renewed.contains(id) { entries.append((id, e.id)) }
                }
            }
            entries.sort { $0.annotated < $1.annotated }
            var data: [UInt8] = []
            data.reserveCapacity(entries.count * 66)
            for e in entries {
                data += mode
                e.annotated.appendHex(to: &data, fromByte: 1)
                data.append(0)
                e.note.append(to: &data)
            }
            let tree = try PackObject(hashing: .tree, data)
            objects.append(tree)
            streams.append(try stored.deflate(tree.data))
            folders[byte] = tree.id
        }
        // Two-digit folder names sort as their bytes do.
        var data: [UInt8] = []
        for byte in 0..<256 {
            guard let id = folders[byte] else { continue }
            data += [0x34, 0x30, 0x30, 0x30, 0x30, 0x20]  // "40000 "
            data += Self.folderName(UInt8(byte))
            data.append(0)
            id.append(to: &data)
        }
        let root = try PackObject(hashing: .tree, data)
        if root.id != base {
            objects.append(root)
            streams.append(try stored.deflate(root.data))
        }
        try storeAsPackAndRefresh(objects, deflated: streams)
        return root.id
    }

    /// A notes folder's name: the first byte of the ids in it, as two lowercase digits.
    static func folderName(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
