/* json.c — a string as JSON, for the diagnostics (run.c) and the query
 * (query.c). SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "cli.h"

/* s as a JSON string: UTF-8 as it is, quotes, backslashes and control
 * characters escaped. */
void cli_json_string(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}
