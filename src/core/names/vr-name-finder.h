/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * VrNameFinderFlags:
 * @VR_NAME_FINDER_DEFAULT: a word character is a Unicode letter, digit,
 *   mark or underscore
 * @VR_NAME_FINDER_ASCII_WORDS: a word character is [A-Za-z0-9_], as
 *   `grep -w` has it in the C locale
 * @VR_NAME_FINDER_GREP_COMPAT: reproduce a quirk of `grep -o -w`: a match
 *   that starts exactly where the previous match ended is not checked for
 *   a word boundary before it (grep restarts its search there and does not
 *   look back). Only for comparing with grep; readers want the default.
 */
typedef enum
{
  VR_NAME_FINDER_DEFAULT     = 0,
  VR_NAME_FINDER_ASCII_WORDS = 1 << 0,
  VR_NAME_FINDER_GREP_COMPAT = 1 << 1,
} VrNameFinderFlags;

/**
 * VrNameMatch:
 * @start: byte offset of the first byte of the match in the text
 * @end: byte offset just past the match
 * @char_start: the same in Unicode characters (code points)
 * @char_end: the same in Unicode characters, exclusive
 * @pattern: index of the pattern that matched (the first listed, when
 *   several fold to the same string)
 * @user_data: that pattern's user data
 */
typedef struct
{
  gsize    start;
  gsize    end;
  gsize    char_start;
  gsize    char_end;
  guint    pattern;
  gpointer user_data;
} VrNameMatch;

typedef struct _VrNameFinder VrNameFinder;

#define VR_TYPE_NAME_FINDER (vr_name_finder_get_type ())

GType         vr_name_finder_get_type        (void) G_GNUC_CONST;

VrNameFinder *vr_name_finder_new             (const char * const *patterns,
                                              gpointer const     *user_data,
                                              guint               n_patterns,
                                              VrNameFinderFlags   flags);
VrNameFinder *vr_name_finder_ref             (VrNameFinder       *self);
void          vr_name_finder_unref           (VrNameFinder       *self);
guint         vr_name_finder_get_n_patterns  (VrNameFinder       *self);
const char   *vr_name_finder_get_pattern     (VrNameFinder       *self,
                                              guint               index);
GArray       *vr_name_finder_scan            (VrNameFinder       *self,
                                              const char         *text,
                                              gssize              length);
gsize         vr_name_finder_count           (VrNameFinder       *self,
                                              const char         *text,
                                              gssize              length);

void          vr_name_finder_scan_async      (VrNameFinder       *self,
                                              GBytes             *text,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GArray       *vr_name_finder_scan_finish     (VrNameFinder       *self,
                                              GAsyncResult       *result,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VrNameFinder, vr_name_finder_unref)

G_END_DECLS
