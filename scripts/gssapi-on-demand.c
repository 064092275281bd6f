/* GSSAPI on demand, for release builds that link libgit2 statically (scripts/static-libgit2).
   libgit2 uses Kerberos' GSSAPI only to answer an HTTP server that asks for Negotiate, and Debian
   ships no static archive of it, so every galley start loaded and relocated its seven shared
   libraries (about 0.35 ms) for a remote operation a check-in never makes. These stand-ins for the
   calls libgit2 makes load libgssapi_krb5.so.2 at the first of them and forward to it; without the
   library each reports GSS_S_FAILURE, and a request that needs Negotiate fails as with a broken
   Kerberos set-up. They are hidden: linked into galley only, never interposed on the library's own.
   The types are MIT's (gssapi.h), written out because Debian's headers come with libkrb5-dev. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>

typedef uint32_t OM_uint32;
typedef struct { OM_uint32 length; void *elements; } gss_OID_desc;
typedef gss_OID_desc *gss_OID;

#define GALLEY_GSS_S_FAILURE (((OM_uint32)13) << 16)

/* 1.2.840.113554.1.2.1.4, the value MIT's library exports under this name; it compares name types
   by value, and gss_import_name hands it the library's own object all the same. */
static gss_OID_desc hostbased_service = {10, (void *)"\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04"};
__attribute__((visibility("hidden"))) gss_OID GSS_C_NT_HOSTBASED_SERVICE = &hostbased_service;

static void *library;
static pthread_once_t library_once = PTHREAD_ONCE_INIT;
static void load_library(void) { library = dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_LOCAL); }

static void *resolve(const char *name) {
    pthread_once(&library_once, load_library);
    return library ? dlsym(library, name) : NULL;
}

#define FORWARD(name, params, args)                                   \
    __attribute__((visibility("hidden"))) OM_uint32 name params {                                           \
        OM_uint32 (*real) params = (OM_uint32 (*) params)resolve(#name); \
        if (!real) {                                                  \
            if (minor) *minor = 0;                                    \
            return GALLEY_GSS_S_FAILURE;                              \
        }                                                             \
        return real args;                                             \
    }

__attribute__((visibility("hidden"))) OM_uint32 gss_import_name(OM_uint32 *minor, void *name_buffer, gss_OID name_type, void **output_name) {
    OM_uint32 (*real)(OM_uint32 *, void *, gss_OID, void **) = (OM_uint32 (*)(OM_uint32 *, void *, gss_OID, void **))resolve("gss_import_name");
    if (!real) {
        if (minor) *minor = 0;
        return GALLEY_GSS_S_FAILURE;
    }
    if (name_type == &hostbased_service) {
        gss_OID *theirs = (gss_OID *)resolve("GSS_C_NT_HOSTBASED_SERVICE");
        if (theirs && *theirs) name_type = *theirs;
    }
    return real(minor, name_buffer, name_type, output_name);
}

FORWARD(gss_init_sec_context,
        (OM_uint32 *minor, void *claimant, void **context, void *target, gss_OID mech, OM_uint32 flags, OM_uint32 time,
         void *bindings, void *input, gss_OID *actual_mech, void *output, OM_uint32 *returned_flags, OM_uint32 *time_received),
        (minor, claimant, context, target, mech, flags, time, bindings, input, actual_mech, output, returned_flags, time_received))
FORWARD(gss_delete_sec_context, (OM_uint32 *minor, void **context, void *output), (minor, context, output))
FORWARD(gss_display_status,
        (OM_uint32 *minor, OM_uint32 status, int status_type, gss_OID mech, OM_uint32 *message_context, void *text),
        (minor, status, status_type, mech, message_context, text))
FORWARD(gss_indicate_mechs, (OM_uint32 *minor, void **mechs), (minor, mechs))
FORWARD(gss_release_buffer, (OM_uint32 *minor, void *buffer), (minor, buffer))
FORWARD(gss_release_name, (OM_uint32 *minor, void **name), (minor, name))
FORWARD(gss_release_oid_set, (OM_uint32 *minor, void **set), (minor, set))
