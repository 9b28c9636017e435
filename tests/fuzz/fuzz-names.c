/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-names"

#include "config.h"

#include <string.h>

#include "vr-names.h"
#include "fuzz-common.h"

/* The romanizers and the keys on arbitrary bytes: two spellings separated
 * by the first newline. Invalid UTF-8 is refused cleanly; valid input gives
 * valid UTF-8; matching is symmetric, tier 1 implies tier 2, and a match
 * always has an explanation. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

static void
check_keys (const char *spelling,
            VrNameTier  tier)
{
  g_autoptr(GPtrArray) keys = vr_name_keys (spelling, tier);

  if (keys == NULL)
    return;
  g_assert_cmpuint (keys->len, <=, VR_NAME_MAX_KEYS);
  for (guint i = 0; i < keys->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (keys, i), -1, NULL));
}

static void
check_romanize (const char *text)
{
  g_autoptr(VrRomanization) r = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = g_utf8_validate (text, -1, NULL);

  r = vr_romanize_hangul (text, &error);
  if (r == NULL)
    g_assert_nonnull (error);
  else
    {
      g_assert_true (valid);
      g_assert_true (r->rr == NULL || g_utf8_validate (r->rr, -1, NULL));
      g_assert_true (r->mr == NULL || g_utf8_validate (r->mr, -1, NULL));
      g_assert_true (r->mr_ascii == NULL || g_utf8_validate (r->mr_ascii, -1, NULL));
      g_assert_true (r->kontsevich == NULL || g_utf8_validate (r->kontsevich, -1, NULL));
      for (guint i = 0; r->rr_surname_alternatives && r->rr_surname_alternatives[i]; i++)
        g_assert_true (g_utf8_validate (r->rr_surname_alternatives[i], -1, NULL));
    }

  for (int style = VR_CYRILLIC_BGN; style <= VR_CYRILLIC_ISO; style++)
    {
      g_autoptr(GError) cerror = NULL;
      g_autofree char *latin = vr_romanize_cyrillic (text, style, &cerror);

      if (latin == NULL)
        g_assert_nonnull (cerror);
      else
        g_assert_true (g_utf8_validate (latin, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  const char *a = input;
  const char *b = "";
  char *nl = strchr (input, '\n');

  if (nl != NULL)
    {
      *nl = '\0';
      b = nl + 1;
    }

  check_romanize (a);
  check_keys (a, VR_NAME_TIER_1);
  check_keys (a, VR_NAME_TIER_2);

  for (VrNameTier tier = VR_NAME_TIER_1; tier <= VR_NAME_TIER_2; tier++)
    {
      gboolean ab = vr_name_match (a, b, tier);
      gboolean ba = vr_name_match (b, a, tier);
      g_autoptr(GPtrArray) why = vr_name_explain_match (a, b, tier);

      g_assert_cmpint (ab, ==, ba);
      g_assert_cmpint (ab, ==, why != NULL);
      for (guint i = 0; why != NULL && i < why->len; i++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (why, i), -1, NULL));
      if (tier == VR_NAME_TIER_1 && ab)
        g_assert_true (vr_name_match (a, b, VR_NAME_TIER_2));
    }
  return 0;
}
