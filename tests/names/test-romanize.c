/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "vr-error.h"
#include "vr-romanize.h"

typedef struct
{
  const char *hangul;
  const char *rr;
  const char *mr;
  const char *mr_ascii;
} Case;

static void
test_romanize_known (void)
{
  /* Clear cases: ALA-LC / Wilson Center spellings of these people */
  const Case cases[] = {
    { "최창익", "Choe Chang-ik", "Ch'oe Ch'ang-ik", "Choe Chang-ik" },
    { "박정애", "Pak Jeong-ae", "Pak Chŏng-ae", "Pak Chong-ae" },
    { "남일", "Nam Il", "Nam Il", "Nam Il" },
    { "김두봉", "Kim Du-bong", "Kim Tu-bong", "Kim Tu-bong" },
    { "윤공흠", "Yun Gong-heum", "Yun Kong-hŭm", "Yun Kong-hum" },
    { "박금철", "Pak Geum-cheol", "Pak Kŭm-ch'ŏl", "Pak Kum-chol" },
    { "최용건", "Choe Yong-geon", "Ch'oe Yong-gŏn", "Choe Yong-gon" },
    { "박일우", "Pak Il-u", "Pak Ir-u", "Pak Ir-u" },
    { "김삼룡", "Kim Sam-ryong", "Kim Sam-nyong", "Kim Sam-nyong" },
    { "리상조", "Ri Sang-jo", "Yi Sang-jo", "Yi Sang-jo" },
    { "박헌영", "Pak Heon-yeong", "Pak Hŏn-yŏng", "Pak Hon-yong" },
    { "서휘", "Seo Hwi", "Sŏ Hwi", "So Hwi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VrRomanization) r = vr_romanize_hangul (cases[i].hangul, &error);

      g_assert_no_error (error);
      g_assert_nonnull (r);
      g_assert_cmpstr (r->hangul, ==, cases[i].hangul);
      g_assert_cmpstr (r->rr, ==, cases[i].rr);
      g_assert_cmpstr (r->mr, ==, cases[i].mr);
      g_assert_cmpstr (r->mr_ascii, ==, cases[i].mr_ascii);
    }
}

static void
test_romanize_surnames (void)
{
  g_autoptr(VrRomanization) ri = vr_romanize_hangul ("리필규", NULL);
  g_autoptr(VrRomanization) yi = vr_romanize_hangul ("이필규", NULL);
  g_autoptr(VrRomanization) park = vr_romanize_hangul ("박창옥", NULL);
  g_autoptr(VrRomanization) namgung = vr_romanize_hangul ("남궁민", NULL);
  g_autoptr(VrRomanization) spaced = vr_romanize_hangul ("김 일성", NULL);

  g_assert_cmpstr (ri->rr, ==, "Ri Pil-gyu");
  g_assert_cmpstr (ri->mr, ==, "Yi P'il-gyu");
  g_assert_true (g_strv_contains ((const char * const *) ri->rr_surname_alternatives, "Yi"));
  g_assert_true (g_strv_contains ((const char * const *) ri->rr_surname_alternatives, "Lee"));
  g_assert_true (g_strv_contains ((const char * const *) ri->rr_surname_alternatives, "Rhee"));
  g_assert_cmpstr (yi->rr, ==, "Ri Pil-gyu");
  g_assert_cmpstr (yi->mr, ==, "Yi P'il-gyu");
  g_assert_true (g_strv_contains ((const char * const *) park->rr_surname_alternatives, "Park"));
  /* two-syllable surname */
  g_assert_cmpstr (namgung->rr, ==, "Namgung Min");
  g_assert_cmpstr (namgung->mr, ==, "Namgung Min");
  g_assert_cmpstr (spaced->rr, ==, "Kim Il-seong");

  {
    g_autoptr(VrRomanization) copy = g_boxed_copy (VR_TYPE_ROMANIZATION, ri);
    g_assert_cmpstr (copy->mr, ==, ri->mr);
    g_assert_cmpuint (g_strv_length (copy->rr_surname_alternatives), ==,
                      g_strv_length (ri->rr_surname_alternatives));
  }
}

static void
test_romanize_kontsevich (void)
{
  g_autoptr(VrRomanization) kim = vr_romanize_hangul ("김일성", NULL);
  g_autoptr(VrRomanization) choe = vr_romanize_hangul ("최용건", NULL);
  g_autoptr(VrRomanization) yun = vr_romanize_hangul ("윤공흠", NULL);
  g_autoptr(VrRomanization) ri = vr_romanize_hangul ("리상조", NULL);

  g_assert_cmpstr (kim->kontsevich, ==, "Ким Ильсон");
  g_assert_cmpstr (choe->kontsevich, ==, "Чхве Ёнгон");
  g_assert_cmpstr (yun->kontsevich, ==, "Юн Конхым");
  g_assert_cmpstr (ri->kontsevich, ==, "Ли Санджо");
}

static void
test_romanize_cyrillic (void)
{
  g_autofree char *bgn = vr_romanize_cyrillic ("Юн Гон Хым", VR_CYRILLIC_BGN, NULL);
  g_autofree char *iso = vr_romanize_cyrillic ("Ли Ын Хо", VR_CYRILLIC_ISO, NULL);
  g_autofree char *tkhyak = vr_romanize_cyrillic ("Дюн Тхяк", VR_CYRILLIC_BGN, NULL);

  g_assert_cmpstr (bgn, ==, "Yun Gon Khym");
  g_assert_cmpstr (iso, ==, "Li Yn Ho");
  g_assert_cmpstr (tkhyak, ==, "Dyun Tkhyak");
}

static void
test_romanize_errors (void)
{
  const char *bad[] = { "Kim Il Sung", "", "   ", "김일성!", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VrRomanization) r = vr_romanize_hangul (bad[i], &error);

      g_assert_null (r);
      g_assert_nonnull (error);
      g_assert_true (error->domain == VR_ERROR);
    }
}

/* Agreement with attested forms over name-variants.json: a figure, with
 * a floor so that a regression shows. */
static void
test_romanize_agreement (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "names", "name-variants.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *groups;
  guint n = 0, rr_hits = 0, mr_hits = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  groups = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "groups");

  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *g = json_array_get_object_element (groups, i);
      JsonArray *att = json_object_get_array_member (g, "attested");
      const char *hangul = json_object_get_string_member_with_default (g, "hangul", NULL);
      g_autoptr(VrRomanization) r = NULL;
      gboolean rr = FALSE, mr = FALSE;

      if (hangul == NULL)
        continue;
      r = vr_romanize_hangul (hangul, NULL);
      g_assert_nonnull (r);
      n++;
      for (guint k = 0; k < json_array_get_length (att); k++)
        {
          const char *form = json_object_get_string_member (json_array_get_object_element (att, k), "form");
          rr |= g_ascii_strcasecmp (form, r->rr) == 0;
          mr |= g_ascii_strcasecmp (form, r->mr) == 0 || g_ascii_strcasecmp (form, r->mr_ascii) == 0;
          for (guint a = 0; r->rr_surname_alternatives[a] != NULL; a++)
            {
              const char *space = strchr (r->rr, ' ');
              g_autofree char *alt = space ? g_strconcat (r->rr_surname_alternatives[a], space, NULL) : NULL;
              rr |= alt != NULL && g_ascii_strcasecmp (form, alt) == 0;
            }
        }
      rr_hits += rr;
      mr_hits += mr;
    }
  g_test_message ("romanize: %u names with Hangul; RR attested for %u, MR for %u", n, rr_hits, mr_hits);
  g_assert_cmpuint (n, ==, 35);
  g_assert_cmpuint (rr_hits, >=, 17);
  g_assert_cmpuint (mr_hits, >=, 22);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/romanize/known", test_romanize_known);
  g_test_add_func ("/names/romanize/surnames", test_romanize_surnames);
  g_test_add_func ("/names/romanize/kontsevich", test_romanize_kontsevich);
  g_test_add_func ("/names/romanize/cyrillic", test_romanize_cyrillic);
  g_test_add_func ("/names/romanize/errors", test_romanize_errors);
  g_test_add_func ("/names/romanize/agreement", test_romanize_agreement);

  return g_test_run ();
}
