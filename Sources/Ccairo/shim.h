#ifndef CCAIRO_SHIM_H
#define CCAIRO_SHIM_H
/* cairo's PDF surface and FreeType font backend; cairo-ft.h brings <fontconfig/fontconfig.h> too,
   so font lookup and drawing share one module (two modules would each own the fontconfig types). */
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#endif
