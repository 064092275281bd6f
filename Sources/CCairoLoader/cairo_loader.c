/* cairo and fontconfig, opened when a PDF is first made rather than when galley starts: with
   their dependencies (FreeType, pixman, libpng, the X11 client libraries…) they are some twenty
   shared libraries, two milliseconds of every galley process, though only PDF export uses them.

   Each function the layout exporter calls is defined here under its own name and forwards to the
   library's, so the Swift code calls cairo as before, once galley_cairo_load() has succeeded. The
   table below has one line per function, as in cairo.h, cairo-pdf.h, cairo-ft.h and fontconfig.h;
   a function the exporter starts using needs a line too (until then the link fails). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include "CCairoLoader.h"

/* F(library, return type, name, parameters, arguments); V(...) for functions returning nothing. */
#define GALLEY_CAIRO_FUNCTIONS(F, V) \
    F(fontconfig, FcBool, FcCharSetHasChar, (const FcCharSet *fcs, FcChar32 ucs4), (fcs, ucs4)) \
    F(fontconfig, FcBool, FcConfigSubstitute, (FcConfig *config, FcPattern *p, FcMatchKind kind), (config, p, kind)) \
    V(fontconfig, FcDefaultSubstitute, (FcPattern *pattern), (pattern)) \
    F(fontconfig, FcPattern *, FcFontMatch, (FcConfig *config, FcPattern *p, FcResult *result), (config, p, result)) \
    F(fontconfig, FcPattern *, FcNameParse, (const FcChar8 *name), (name)) \
    F(fontconfig, FcBool, FcPatternAddInteger, (FcPattern *p, const char *object, int i), (p, object, i)) \
    F(fontconfig, FcBool, FcPatternAddString, (FcPattern *p, const char *object, const FcChar8 *s), (p, object, s)) \
    F(fontconfig, FcPattern *, FcPatternCreate, (void), ()) \
    V(fontconfig, FcPatternDestroy, (FcPattern *p), (p)) \
    F(fontconfig, FcResult, FcPatternGetCharSet, (const FcPattern *p, const char *object, int n, FcCharSet **c), (p, object, n, c)) \
    F(fontconfig, FcResult, FcPatternGetInteger, (const FcPattern *p, const char *object, int n, int *i), (p, object, n, i)) \
    F(fontconfig, FcResult, FcPatternGetString, (const FcPattern *p, const char *object, int n, FcChar8 ** s), (p, object, n, s)) \
    F(cairo, cairo_t *, cairo_create, (cairo_surface_t *target), (target)) \
    V(cairo, cairo_destroy, (cairo_t *cr), (cr)) \
    V(cairo, cairo_font_face_destroy, (cairo_font_face_t *font_face), (font_face)) \
    F(cairo, cairo_font_options_t *, cairo_font_options_create, (void), ()) \
    V(cairo, cairo_font_options_destroy, (cairo_font_options_t *options), (options)) \
    V(cairo, cairo_font_options_set_hint_metrics, (cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics), (options, hint_metrics)) \
    V(cairo, cairo_font_options_set_hint_style, (cairo_font_options_t *options, cairo_hint_style_t hint_style), (options, hint_style)) \
    F(cairo, cairo_font_face_t *, cairo_ft_font_face_create_for_pattern, (FcPattern *pattern), (pattern)) \
    V(cairo, cairo_glyph_free, (cairo_glyph_t *glyphs), (glyphs)) \
    V(cairo, cairo_identity_matrix, (cairo_t *cr), (cr)) \
    V(cairo, cairo_matrix_init_identity, (cairo_matrix_t *matrix), (matrix)) \
    V(cairo, cairo_matrix_init_scale, (cairo_matrix_t *matrix, double sx, double sy), (matrix, sx, sy)) \
    F(cairo, cairo_surface_t *, cairo_pdf_surface_create_for_stream, (cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points), (write_func, closure, width_in_points, height_in_points)) \
    V(cairo, cairo_pdf_surface_set_metadata, (cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8), (surface, metadata, utf8)) \
    V(cairo, cairo_rectangle, (cairo_t *cr, double x, double y, double width, double height), (cr, x, y, width, height)) \
    V(cairo, cairo_restore, (cairo_t *cr), (cr)) \
    V(cairo, cairo_save, (cairo_t *cr), (cr)) \
    V(cairo, cairo_scale, (cairo_t *cr, double sx, double sy), (cr, sx, sy)) \
    F(cairo, cairo_scaled_font_t *, cairo_scaled_font_create, (cairo_font_face_t *font_face, const cairo_matrix_t *font_matrix, const cairo_matrix_t *ctm, const cairo_font_options_t *options), (font_face, font_matrix, ctm, options)) \
    V(cairo, cairo_scaled_font_destroy, (cairo_scaled_font_t *scaled_font), (scaled_font)) \
    V(cairo, cairo_scaled_font_glyph_extents, (cairo_scaled_font_t *scaled_font, const cairo_glyph_t *glyphs, int num_glyphs, cairo_text_extents_t *extents), (scaled_font, glyphs, num_glyphs, extents)) \
    F(cairo, cairo_status_t, cairo_scaled_font_status, (cairo_scaled_font_t *scaled_font), (scaled_font)) \
    F(cairo, cairo_status_t, cairo_scaled_font_text_to_glyphs, (cairo_scaled_font_t *scaled_font, double x, double y, const char *utf8, int utf8_len, cairo_glyph_t **glyphs, int *num_glyphs, cairo_text_cluster_t **clusters, int *num_clusters, cairo_text_cluster_flags_t *cluster_flags), (scaled_font, x, y, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags)) \
    V(cairo, cairo_set_font_face, (cairo_t *cr, cairo_font_face_t *font_face), (cr, font_face)) \
    V(cairo, cairo_set_font_options, (cairo_t *cr, const cairo_font_options_t *options), (cr, options)) \
    V(cairo, cairo_set_font_size, (cairo_t *cr, double size), (cr, size)) \
    V(cairo, cairo_set_line_width, (cairo_t *cr, double width), (cr, width)) \
    V(cairo, cairo_set_source_rgb, (cairo_t *cr, double red, double green, double blue), (cr, red, green, blue)) \
    V(cairo, cairo_show_page, (cairo_t *cr), (cr)) \
    V(cairo, cairo_show_text_glyphs, (cairo_t *cr, const char *utf8, int utf8_len, const cairo_glyph_t *glyphs, int num_glyphs, const cairo_text_cluster_t *clusters, int num_clusters, cairo_text_cluster_flags_t cluster_flags), (cr, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags)) \
    F(cairo, cairo_status_t, cairo_status, (cairo_t *cr), (cr)) \
    F(cairo, const char *, cairo_status_to_string, (cairo_status_t status), (status)) \
    V(cairo, cairo_stroke, (cairo_t *cr), (cr)) \
    V(cairo, cairo_surface_destroy, (cairo_surface_t *surface), (surface)) \
    V(cairo, cairo_surface_finish, (cairo_surface_t *surface), (surface)) \
    F(cairo, cairo_status_t, cairo_surface_status, (cairo_surface_t *surface), (surface)) \
    V(cairo, cairo_translate, (cairo_t *cr, double tx, double ty), (cr, tx, ty))

#define POINTER(library, type, name, params, args) static type (*real_##name) params;
#define VOID_POINTER(library, name, params, args) static void (*real_##name) params;
GALLEY_CAIRO_FUNCTIONS(POINTER, VOID_POINTER)

static const char cairo_file[] = "libcairo.so.2";
static const char fontconfig_file[] = "libfontconfig.so.1";
static char load_error[512];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;

static void *open_library(const char *file) {
    void *library = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *problem = dlerror();
        snprintf(load_error, sizeof load_error, "%s", problem != NULL ? problem : file);
    }
    return library;
}

static int resolve(void *library, const char *file, const char *name, void **slot) {
    *slot = dlsym(library, name);
    if (*slot == NULL) {
        snprintf(load_error, sizeof load_error, "%s has no %s", file, name);
    }
    return *slot != NULL;
}

#define RESOLVE(library, type, name, params, args) \
    if (!resolve(library, library##_file, #name, (void **)&real_##name)) return;
#define VOID_RESOLVE(library, name, params, args) RESOLVE(library, void, name, params, args)

static void load(void) {
    void *cairo = open_library(cairo_file);
    if (cairo == NULL) {
        return;
    }
    void *fontconfig = open_library(fontconfig_file);
    if (fontconfig == NULL) {
        dlclose(cairo);
        return;
    }
    GALLEY_CAIRO_FUNCTIONS(RESOLVE, VOID_RESOLVE)
    loaded = 1;
}

int galley_cairo_load(char *error, size_t error_size) {
    pthread_once(&load_once, load);
    if (!loaded && error != NULL && error_size > 0) {
        snprintf(error, error_size, "%s", load_error);
    }
    return loaded;
}

/* A forwarder called before a successful galley_cairo_load() is a bug in galley, not bad input. */
static void galley_cairo_require(void) {
    if (!galley_cairo_load(NULL, 0)) {
        fprintf(stderr, "galley: the PDF libraries are not loaded: %s\n", load_error);
        abort();
    }
}

#define FORWARD(library, type, name, params, args) \
    type name params { \
        galley_cairo_require(); \
        return real_##name args; \
    }
#define VOID_FORWARD(library, name, params, args) \
    void name params { \
        galley_cairo_require(); \
        real_##name args; \
    }
GALLEY_CAIRO_FUNCTIONS(FORWARD, VOID_FORWARD)
