/* Private to the corpus layer: where a window of a big article ends. */
#ifndef QUOTH_STREAM_CUT_H
#define QUOTH_STREAM_CUT_H

#include <stddef.h>
#include "text.h"

/* A boundary in s[0..n) at or before want (want < n), found at most 64 KiB
 * back: after a blank line, else after a line end, else after a space, else
 * at the start of a UTF-8 sequence. Never 0. */
size_t stream_cut(const char *s, size_t n, size_t want);

/* A window's raw bytes as display-safe text (converted from enc first when
 * it is Windows-1252). Returns 0 or Q_ENOMEM. */
int stream_window_text(const char *s, size_t n, enum text_encoding enc, char **out, size_t *outlen);

#endif
