/* cairo and fontconfig, opened when a PDF is first made rather than when galley starts: with
   their dependencies (FreeType, pixman, libpng, the X11 client libraries…) they are some twenty
   shared libraries, two milliseconds of every galley process, though only PDF export uses them.

   Each function the layout exporter calls is defined here under its own name and forwards to the
   library's, so the Swift code calls cairo as before, once galley_cairo_load() has succeeded. The
   forwarders follow the prototypes in cairo.h, cairo-pdf.h, cairo-ft.h and fontconfig.h; a
   function the exporter starts using needs one here too (until then the link fails). */
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

static char load_error[512];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;

static FcBool (*real_FcCharSetHasChar)(const FcCharSet *fcs, FcChar32 ucs4);
static FcBool (*real_FcConfigSubstitute)(FcConfig *config, FcPattern *p, FcMatchKind kind);
static void (*real_FcDefaultSubstitute)(FcPattern *pattern);
static FcPattern * (*real_FcFontMatch)(FcConfig *config, FcPattern *p, FcResult *result);
static FcPattern * (*real_FcNameParse)(const FcChar8 *name);
static FcBool (*real_FcPatternAddInteger)(FcPattern *p, const char *object, int i);
static FcBool (*real_FcPatternAddString)(FcPattern *p, const char *object, const FcChar8 *s);
static FcPattern * (*real_FcPatternCreate)(void);
static void (*real_FcPatternDestroy)(FcPattern *p);
static FcResult (*real_FcPatternGetCharSet)(const FcPattern *p, const char *object, int n, FcCharSet **c);
static FcResult (*real_FcPatternGetInteger)(const FcPattern *p, const char *object, int n, int *i);
static FcResult (*real_FcPatternGetString)(const FcPattern *p, const char *object, int n, FcChar8 ** s);
static cairo_t * (*real_cairo_create)(cairo_surface_t *target);
static void (*real_cairo_destroy)(cairo_t *cr);
static void (*real_cairo_font_face_destroy)(cairo_font_face_t *font_face);
static cairo_font_options_t * (*real_cairo_font_options_create)(void);
static void (*real_cairo_font_options_destroy)(cairo_font_options_t *options);
static void (*real_cairo_font_options_set_hint_metrics)(cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics);
static void (*real_cairo_font_options_set_hint_style)(cairo_font_options_t *options, cairo_hint_style_t hint_style);
static cairo_font_face_t * (*real_cairo_ft_font_face_create_for_pattern)(FcPattern *pattern);
static void (*real_cairo_glyph_free)(cairo_glyph_t *glyphs);
static void (*real_cairo_identity_matrix)(cairo_t *cr);
static void (*real_cairo_matrix_init_identity)(cairo_matrix_t *matrix);
static void (*real_cairo_matrix_init_scale)(cairo_matrix_t *matrix, double sx, double sy);
static cairo_surface_t * (*real_cairo_pdf_surface_create_for_stream)(cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points);
static void (*real_cairo_pdf_surface_set_metadata)(cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8);
static void (*real_cairo_rectangle)(cairo_t *cr, double x, double y, double width, double height);
static void (*real_cairo_restore)(cairo_t *cr);
static void (*real_cairo_save)(cairo_t *cr);
static void (*real_cairo_scale)(cairo_t *cr, double sx, double sy);
static cairo_scaled_font_t * (*real_cairo_scaled_font_create)(cairo_font_face_t *font_face, const cairo_matrix_t *font_matrix, const cairo_matrix_t *ctm, const cairo_font_options_t *options);
static void (*real_cairo_scaled_font_destroy)(cairo_scaled_font_t *scaled_font);
static void (*real_cairo_scaled_font_glyph_extents)(cairo_scaled_font_t *scaled_font, const cairo_glyph_t *glyphs, int num_glyphs, cairo_text_extents_t *extents);
static cairo_status_t (*real_cairo_scaled_font_status)(cairo_scaled_font_t *scaled_font);
static cairo_status_t (*real_cairo_scaled_font_text_to_glyphs)(cairo_scaled_font_t *scaled_font, double x, double y, const char *utf8, int utf8_len, cairo_glyph_t **glyphs, int *num_glyphs, cairo_text_cluster_t **clusters, int *num_clusters, cairo_text_cluster_flags_t *cluster_flags);
static void (*real_cairo_set_font_face)(cairo_t *cr, cairo_font_face_t *font_face);
static void (*real_cairo_set_font_options)(cairo_t *cr, const cairo_font_options_t *options);
static void (*real_cairo_set_font_size)(cairo_t *cr, double size);
static void (*real_cairo_set_line_width)(cairo_t *cr, double width);
static void (*real_cairo_set_source_rgb)(cairo_t *cr, double red, double green, double blue);
static void (*real_cairo_show_page)(cairo_t *cr);
static void (*real_cairo_show_text_glyphs)(cairo_t *cr, const char *utf8, int utf8_len, const cairo_glyph_t *glyphs, int num_glyphs, const cairo_text_cluster_t *clusters, int num_clusters, cairo_text_cluster_flags_t cluster_flags);
static cairo_status_t (*real_cairo_status)(cairo_t *cr);
static const char * (*real_cairo_status_to_string)(cairo_status_t status);
static void (*real_cairo_stroke)(cairo_t *cr);
static void (*real_cairo_surface_destroy)(cairo_surface_t *surface);
static void (*real_cairo_surface_finish)(cairo_surface_t *surface);
static cairo_status_t (*real_cairo_surface_status)(cairo_surface_t *surface);
static void (*real_cairo_translate)(cairo_t *cr, double tx, double ty);

#define RESOLVE(library, name) \
    if ((*(void **)&real_##name = dlsym(library, #name)) == NULL) { \
        snprintf(load_error, sizeof load_error, "%s has no %s", library == cairo ? "libcairo.so.2" : "libfontconfig.so.1", #name); \
        return; \
    }

static void load(void) {
    void *cairo = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    if (cairo == NULL) {
        const char *problem = dlerror();
        snprintf(load_error, sizeof load_error, "%s", problem != NULL ? problem : "cannot open libcairo.so.2");
        return;
    }
    void *fontconfig = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
    if (fontconfig == NULL) {
        const char *problem = dlerror();
        snprintf(load_error, sizeof load_error, "%s", problem != NULL ? problem : "cannot open libfontconfig.so.1");
        dlclose(cairo);
        return;
    }
    RESOLVE(fontconfig, FcCharSetHasChar);
    RESOLVE(fontconfig, FcConfigSubstitute);
    RESOLVE(fontconfig, FcDefaultSubstitute);
    RESOLVE(fontconfig, FcFontMatch);
    RESOLVE(fontconfig, FcNameParse);
    RESOLVE(fontconfig, FcPatternAddInteger);
    RESOLVE(fontconfig, FcPatternAddString);
    RESOLVE(fontconfig, FcPatternCreate);
    RESOLVE(fontconfig, FcPatternDestroy);
    RESOLVE(fontconfig, FcPatternGetCharSet);
    RESOLVE(fontconfig, FcPatternGetInteger);
    RESOLVE(fontconfig, FcPatternGetString);
    RESOLVE(cairo, cairo_create);
    RESOLVE(cairo, cairo_destroy);
    RESOLVE(cairo, cairo_font_face_destroy);
    RESOLVE(cairo, cairo_font_options_create);
    RESOLVE(cairo, cairo_font_options_destroy);
    RESOLVE(cairo, cairo_font_options_set_hint_metrics);
    RESOLVE(cairo, cairo_font_options_set_hint_style);
    RESOLVE(cairo, cairo_ft_font_face_create_for_pattern);
    RESOLVE(cairo, cairo_glyph_free);
    RESOLVE(cairo, cairo_identity_matrix);
    RESOLVE(cairo, cairo_matrix_init_identity);
    RESOLVE(cairo, cairo_matrix_init_scale);
    RESOLVE(cairo, cairo_pdf_surface_create_for_stream);
    RESOLVE(cairo, cairo_pdf_surface_set_metadata);
    RESOLVE(cairo, cairo_rectangle);
    RESOLVE(cairo, cairo_restore);
    RESOLVE(cairo, cairo_save);
    RESOLVE(cairo, cairo_scale);
    RESOLVE(cairo, cairo_scaled_font_create);
    RESOLVE(cairo, cairo_scaled_font_destroy);
    RESOLVE(cairo, cairo_scaled_font_glyph_extents);
    RESOLVE(cairo, cairo_scaled_font_status);
    RESOLVE(cairo, cairo_scaled_font_text_to_glyphs);
    RESOLVE(cairo, cairo_set_font_face);
    RESOLVE(cairo, cairo_set_font_options);
    RESOLVE(cairo, cairo_set_font_size);
    RESOLVE(cairo, cairo_set_line_width);
    RESOLVE(cairo, cairo_set_source_rgb);
    RESOLVE(cairo, cairo_show_page);
    RESOLVE(cairo, cairo_show_text_glyphs);
    RESOLVE(cairo, cairo_status);
    RESOLVE(cairo, cairo_status_to_string);
    RESOLVE(cairo, cairo_stroke);
    RESOLVE(cairo, cairo_surface_destroy);
    RESOLVE(cairo, cairo_surface_finish);
    RESOLVE(cairo, cairo_surface_status);
    RESOLVE(cairo, cairo_translate);
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

FcBool FcCharSetHasChar(const FcCharSet *fcs, FcChar32 ucs4) {
    galley_cairo_require();
    return real_FcCharSetHasChar(fcs, ucs4);
}
FcBool FcConfigSubstitute(FcConfig *config, FcPattern *p, FcMatchKind kind) {
    galley_cairo_require();
    return real_FcConfigSubstitute(config, p, kind);
}
void FcDefaultSubstitute(FcPattern *pattern) {
    galley_cairo_require();
    real_FcDefaultSubstitute(pattern);
}
FcPattern * FcFontMatch(FcConfig *config, FcPattern *p, FcResult *result) {
    galley_cairo_require();
    return real_FcFontMatch(config, p, result);
}
FcPattern * FcNameParse(const FcChar8 *name) {
    galley_cairo_require();
    return real_FcNameParse(name);
}
FcBool FcPatternAddInteger(FcPattern *p, const char *object, int i) {
    galley_cairo_require();
    return real_FcPatternAddInteger(p, object, i);
}
FcBool FcPatternAddString(FcPattern *p, const char *object, const FcChar8 *s) {
    galley_cairo_require();
    return real_FcPatternAddString(p, object, s);
}
FcPattern * FcPatternCreate(void) {
    galley_cairo_require();
    return real_FcPatternCreate();
}
void FcPatternDestroy(FcPattern *p) {
    galley_cairo_require();
    real_FcPatternDestroy(p);
}
FcResult FcPatternGetCharSet(const FcPattern *p, const char *object, int n, FcCharSet **c) {
    galley_cairo_require();
    return real_FcPatternGetCharSet(p, object, n, c);
}
FcResult FcPatternGetInteger(const FcPattern *p, const char *object, int n, int *i) {
    galley_cairo_require();
    return real_FcPatternGetInteger(p, object, n, i);
}
FcResult FcPatternGetString(const FcPattern *p, const char *object, int n, FcChar8 ** s) {
    galley_cairo_require();
    return real_FcPatternGetString(p, object, n, s);
}
cairo_t * cairo_create(cairo_surface_t *target) {
    galley_cairo_require();
    return real_cairo_create(target);
}
void cairo_destroy(cairo_t *cr) {
    galley_cairo_require();
    real_cairo_destroy(cr);
}
void cairo_font_face_destroy(cairo_font_face_t *font_face) {
    galley_cairo_require();
    real_cairo_font_face_destroy(font_face);
}
cairo_font_options_t * cairo_font_options_create(void) {
    galley_cairo_require();
    return real_cairo_font_options_create();
}
void cairo_font_options_destroy(cairo_font_options_t *options) {
    galley_cairo_require();
    real_cairo_font_options_destroy(options);
}
void cairo_font_options_set_hint_metrics(cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics) {
    galley_cairo_require();
    real_cairo_font_options_set_hint_metrics(options, hint_metrics);
}
void cairo_font_options_set_hint_style(cairo_font_options_t *options, cairo_hint_style_t hint_style) {
    galley_cairo_require();
    real_cairo_font_options_set_hint_style(options, hint_style);
}
cairo_font_face_t * cairo_ft_font_face_create_for_pattern(FcPattern *pattern) {
    galley_cairo_require();
    return real_cairo_ft_font_face_create_for_pattern(pattern);
}
void cairo_glyph_free(cairo_glyph_t *glyphs) {
    galley_cairo_require();
    real_cairo_glyph_free(glyphs);
}
void cairo_identity_matrix(cairo_t *cr) {
    galley_cairo_require();
    real_cairo_identity_matrix(cr);
}
void cairo_matrix_init_identity(cairo_matrix_t *matrix) {
    galley_cairo_require();
    real_cairo_matrix_init_identity(matrix);
}
void cairo_matrix_init_scale(cairo_matrix_t *matrix, double sx, double sy) {
    galley_cairo_require();
    real_cairo_matrix_init_scale(matrix, sx, sy);
}
cairo_surface_t * cairo_pdf_surface_create_for_stream(cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points) {
    galley_cairo_require();
    return real_cairo_pdf_surface_create_for_stream(write_func, closure, width_in_points, height_in_points);
}
void cairo_pdf_surface_set_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8) {
    galley_cairo_require();
    real_cairo_pdf_surface_set_metadata(surface, metadata, utf8);
}
void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height) {
    galley_cairo_require();
    real_cairo_rectangle(cr, x, y, width, height);
}
void cairo_restore(cairo_t *cr) {
    galley_cairo_require();
    real_cairo_restore(cr);
}
void cairo_save(cairo_t *cr) {
    galley_cairo_require();
    real_cairo_save(cr);
}
void cairo_scale(cairo_t *cr, double sx, double sy) {
    galley_cairo_require();
    real_cairo_scale(cr, sx, sy);
}
cairo_scaled_font_t * cairo_scaled_font_create(cairo_font_face_t *font_face, const cairo_matrix_t *font_matrix, const cairo_matrix_t *ctm, const cairo_font_options_t *options) {
    galley_cairo_require();
    return real_cairo_scaled_font_create(font_face, font_matrix, ctm, options);
}
void cairo_scaled_font_destroy(cairo_scaled_font_t *scaled_font) {
    galley_cairo_require();
    real_cairo_scaled_font_destroy(scaled_font);
}
void cairo_scaled_font_glyph_extents(cairo_scaled_font_t *scaled_font, const cairo_glyph_t *glyphs, int num_glyphs, cairo_text_extents_t *extents) {
    galley_cairo_require();
    real_cairo_scaled_font_glyph_extents(scaled_font, glyphs, num_glyphs, extents);
}
cairo_status_t cairo_scaled_font_status(cairo_scaled_font_t *scaled_font) {
    galley_cairo_require();
    return real_cairo_scaled_font_status(scaled_font);
}
cairo_status_t cairo_scaled_font_text_to_glyphs(cairo_scaled_font_t *scaled_font, double x, double y, const char *utf8, int utf8_len, cairo_glyph_t **glyphs, int *num_glyphs, cairo_text_cluster_t **clusters, int *num_clusters, cairo_text_cluster_flags_t *cluster_flags) {
    galley_cairo_require();
    return real_cairo_scaled_font_text_to_glyphs(scaled_font, x, y, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags);
}
void cairo_set_font_face(cairo_t *cr, cairo_font_face_t *font_face) {
    galley_cairo_require();
    real_cairo_set_font_face(cr, font_face);
}
void cairo_set_font_options(cairo_t *cr, const cairo_font_options_t *options) {
    galley_cairo_require();
    real_cairo_set_font_options(cr, options);
}
void cairo_set_font_size(cairo_t *cr, double size) {
    galley_cairo_require();
    real_cairo_set_font_size(cr, size);
}
void cairo_set_line_width(cairo_t *cr, double width) {
    galley_cairo_require();
    real_cairo_set_line_width(cr, width);
}
void cairo_set_source_rgb(cairo_t *cr, double red, double green, double blue) {
    galley_cairo_require();
    real_cairo_set_source_rgb(cr, red, green, blue);
}
void cairo_show_page(cairo_t *cr) {
    galley_cairo_require();
    real_cairo_show_page(cr);
}
void cairo_show_text_glyphs(cairo_t *cr, const char *utf8, int utf8_len, const cairo_glyph_t *glyphs, int num_glyphs, const cairo_text_cluster_t *clusters, int num_clusters, cairo_text_cluster_flags_t cluster_flags) {
    galley_cairo_require();
    real_cairo_show_text_glyphs(cr, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags);
}
cairo_status_t cairo_status(cairo_t *cr) {
    galley_cairo_require();
    return real_cairo_status(cr);
}
const char * cairo_status_to_string(cairo_status_t status) {
    galley_cairo_require();
    return real_cairo_status_to_string(status);
}
void cairo_stroke(cairo_t *cr) {
    galley_cairo_require();
    real_cairo_stroke(cr);
}
void cairo_surface_destroy(cairo_surface_t *surface) {
    galley_cairo_require();
    real_cairo_surface_destroy(surface);
}
void cairo_surface_finish(cairo_surface_t *surface) {
    galley_cairo_require();
    real_cairo_surface_finish(surface);
}
cairo_status_t cairo_surface_status(cairo_surface_t *surface) {
    galley_cairo_require();
    return real_cairo_surface_status(surface);
}
void cairo_translate(cairo_t *cr, double tx, double ty) {
    galley_cairo_require();
    real_cairo_translate(cr, tx, ty);
}
