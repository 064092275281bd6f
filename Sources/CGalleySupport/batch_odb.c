#include <stdlib.h>
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include "CGalleySupport.h"

/* An object database for writing many objects in memory: libgit2's mempack in front of the
   repository's packs and loose objects. libgit2 rescans the pack folder whenever a lookup misses,
   and every write of a new object starts with such a lookup (to skip objects already stored), so
   each new object cost a directory scan. Here the packs are not rescanned by themselves; the owner
   rescans when it knows another writer may have added a pack (galley_batch_odb_refresh). */
struct galley_batch_odb {
    git_odb *odb;
    git_odb_backend *packs;
    int (*refresh)(git_odb_backend *);
};

int galley_batch_odb_new(galley_batch_odb **out, const char *objects_dir) {
    galley_batch_odb *b = calloc(1, sizeof(galley_batch_odb));
    git_odb_backend *mempack = NULL, *packs = NULL, *loose = NULL;
    int error;
    if (b == NULL) {
        return -1;
    }
    if ((error = git_odb_new(&b->odb)) < 0) {
        goto fail;
    }
    /* Priorities as libgit2 gives them (packs 2, loose objects 1), with memory first for writes. */
    if ((error = git_mempack_new(&mempack)) < 0 || (error = git_odb_add_backend(b->odb, mempack, 999)) < 0) {
        goto fail;
    }
    mempack = NULL;
    if ((error = git_odb_backend_pack(&packs, objects_dir)) < 0) {
        goto fail;
    }
    b->packs = packs;
    b->refresh = packs->refresh;
    packs->refresh = NULL;
    if ((error = git_odb_add_backend(b->odb, packs, 2)) < 0) {
        goto fail;
    }
    packs = NULL;
    if ((error = git_odb_backend_loose(&loose, objects_dir, -1, 0, 0, 0)) < 0 ||
        (error = git_odb_add_backend(b->odb, loose, 1)) < 0) {
        goto fail;
    }
    *out = b;
    return 0;
fail:
    if (mempack != NULL) {
        mempack->free(mempack);
    }
    if (packs != NULL) {
        packs->free(packs);
    }
    if (loose != NULL) {
        loose->free(loose);
    }
    git_odb_free(b->odb);
    free(b);
    return error < 0 ? error : -1;
}

void *galley_batch_odb_get(galley_batch_odb *b) {
    return b->odb;
}

int galley_batch_odb_refresh(galley_batch_odb *b) {
    return b->refresh != NULL ? b->refresh(b->packs) : 0;
}

void galley_batch_odb_free(galley_batch_odb *b) {
    if (b != NULL) {
        git_odb_free(b->odb);
        free(b);
    }
}
