/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vr-name-key.h"

static gboolean
has_reason (GPtrArray  *reasons,
            const char *reason)
{
  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    if (g_strcmp0 (g_ptr_array_index (reasons, i), reason) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_same (const char *a,
             const char *b,
             VrNameTier  tier)
{
  if (!vr_name_match (a, b, tier))
    g_error ("“%s” and “%s” should match at tier %d", a, b, tier);
}

static void
assert_apart (const char *a,
              const char *b)
{
  if (vr_name_match (a, b, VR_NAME_TIER_1) || vr_name_match (a, b, VR_NAME_TIER_2))
    g_error ("“%s” and “%s” are different people and must not match", a, b);
}

static void
test_key_sandhi (void)
{
  /* RR without assimilation, MR with it, liaison: one tier-1 key */
  assert_same ("Jeong Il-lyong", "Jeong Il-ryong", VR_NAME_TIER_1);
  assert_same ("Jeong Il-lyong", "Jeong Illyong", VR_NAME_TIER_1);
  assert_same ("Jeong Il-ryong", "Jeong Il-yong", VR_NAME_TIER_1);
  assert_same ("Pak Ir-u", "Pak Il-u", VR_NAME_TIER_1);
  assert_same ("Kim Ch'ang-nyong", "Kim Chang-ryong", VR_NAME_TIER_1);
  assert_same ("Gi Seok-bok", "Ki Sŏk-pok", VR_NAME_TIER_1);
  assert_same ("Gi Seok-bok", "기석복", VR_NAME_TIER_1);
}

static void
test_key_systems (void)
{
  assert_same ("최창익", "Ch'oe Ch'ang-ik", VR_NAME_TIER_1);
  assert_same ("최창익", "Choe Chang Ik", VR_NAME_TIER_1);
  assert_same ("최창익", "Чхве Чхан Ик", VR_NAME_TIER_1);
  assert_same ("Ri Sang-jo", "Lee Sang-jo", VR_NAME_TIER_1);
  assert_same ("Ri Sang-jo", "Yi Sang-cho", VR_NAME_TIER_1);
  assert_same ("Ri Sang-jo", "이상조", VR_NAME_TIER_1);
  assert_same ("PAK Chongae", "Pak Jeong-ae", VR_NAME_TIER_1);
  assert_same ("CH'OE Yŏnggŏn", "Choe Yong-geon", VR_NAME_TIER_1);
  assert_same ("Kim Il Sung", "김일성", VR_NAME_TIER_1);
  assert_same ("Kim II Sung", "Kim Il-sŏng", VR_NAME_TIER_1);
  assert_same ("Yoon Gong-heum [Yun Kong Hum]", "Yun Kong-hum", VR_NAME_TIER_1);
  assert_same ("Yoon Gong-heum [Yun Kong Hum]", "윤공흠", VR_NAME_TIER_1);
  assert_same ("Ким Ир Сен", "Kim Il Song", VR_NAME_TIER_1);
  /* the telegram's brackets: an uncertain given name read into the name */
  assert_same ("Kim Chang [Hyp]", "Kim Chang-hup", VR_NAME_TIER_1);
  assert_same ("Ri [Yn Ho]", "Ri Ŭn-ho", VR_NAME_TIER_1);
  assert_same ("Kim [Gan]", "김강", VR_NAME_TIER_2);
  /* only loosely */
  g_assert_false (vr_name_match ("Yung Kong-hum", "Yun Gong-heum", VR_NAME_TIER_1));
  assert_same ("Yung Kong-hum", "Yun Gong-heum", VR_NAME_TIER_2);
  assert_same ("Zoi En Gen", "Choe Yong-geon", VR_NAME_TIER_2);
  assert_same ("Kim Sam-yong", "김삼룡", VR_NAME_TIER_2);
  assert_same ("Ko Hi Man", "Ko Hwi-man", VR_NAME_TIER_2);
  assert_same ("Aleksey Ivanovich Khegai", "Ho Ka-i", VR_NAME_TIER_2);
  g_assert_false (vr_name_match ("Zoi En Gen", "Choe Yong-geon", VR_NAME_TIER_1));
  g_assert_false (vr_name_match ("Kim Sam-yong", "김삼룡", VR_NAME_TIER_1));
}

static void
test_key_look_alikes (void)
{
  assert_apart ("Kim Il", "Kim Il Sung");
  assert_apart ("Kim Il", "Nam Il");
  assert_apart ("Kim Il Sung", "Nam Il");
  assert_apart ("KIM Il", "김일성");
  assert_apart ("Choe Chang-ik", "Choe Yong-geon");
  assert_apart ("Ch'oe Ch'ang-ik", "Ch'oe Yong-gŏn");
  assert_apart ("Pak Jeong-ae", "Pak Chang-ok");
  assert_apart ("Pak Chong-ae", "Pak Ch'ang-ok");
  assert_apart ("Pak Il-u", "Pak Ui-wan");
  assert_apart ("Kim Chang-man", "Kim Chang-il");
}

static void
test_key_explain (void)
{
  g_autoptr(GPtrArray) yung = vr_name_explain_match ("Yung Kong-hum", "Yun Gong-heum", VR_NAME_TIER_2);
  g_autoptr(GPtrArray) yung1 = vr_name_explain_match ("Yung Kong-hum", "Yun Gong-heum", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) ri = vr_name_explain_match ("Ri Sang-jo", "Yi Sang Jo", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) kum = vr_name_explain_match ("Pak Kŭm-ch'ŏl", "Pak Kum-chol", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) du = vr_name_explain_match ("Kim Du-bong", "Kim Tu-bong", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) ocr = vr_name_explain_match ("Kim II Sung", "Kim Il Sung", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) geon = vr_name_explain_match ("Choe Yong-gon", "Choe Yong-geon", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) same = vr_name_explain_match ("Nam Il", "Nam Il", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) none = vr_name_explain_match ("Kim Il", "Nam Il", VR_NAME_TIER_2);

  g_assert_null (yung1);
  g_assert_nonnull (yung);
  g_assert_true (has_reason (yung, "Russian н for ng"));
  g_assert_true (has_reason (yung, "k/g voicing"));
  g_assert_true (has_reason (yung, "eu/u"));
  g_assert_true (has_reason (ri, "Ri/Li/Yi surname"));
  g_assert_true (has_reason (ri, "hyphenation and spacing"));
  g_assert_true (has_reason (kum, "ŭ/u"));
  g_assert_true (has_reason (kum, "ŏ/o"));
  g_assert_true (has_reason (kum, "aspiration mark"));
  g_assert_true (has_reason (du, "t/d voicing"));
  g_assert_true (has_reason (ocr, "OCR II for Il"));
  g_assert_true (has_reason (geon, "eo/o"));
  g_assert_nonnull (same);
  g_assert_cmpuint (same->len, ==, 0);
  g_assert_null (none);
}

static void
test_key_format (void)
{
  g_autoptr(GPtrArray) t1 = vr_name_keys ("Jeong [Dyun Tkhyak]", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) many = vr_name_keys ("Чен Ен Ген Сен Тен Мен Лен Пен Кен Хен Ден", VR_NAME_TIER_2);
  g_autoptr(GPtrArray) empty = vr_name_keys ("", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) punct = vr_name_keys ("-- [] ''", VR_NAME_TIER_2);
  g_autoptr(GPtrArray) invalid = vr_name_keys ("Kim \xff\xfe", VR_NAME_TIER_1);
  g_autoptr(GPtrArray) hanja = vr_name_keys ("鄭準沢", VR_NAME_TIER_2);

  g_assert_cmpuint (t1->len, >, 0);
  for (guint i = 0; i < t1->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (t1, i), "CONG:"));
  g_assert_cmpuint (many->len, >, 0);
  g_assert_cmpuint (many->len, <=, VR_NAME_MAX_KEYS);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punct->len, ==, 0);
  g_assert_cmpuint (invalid->len, ==, 0);
  g_assert_cmpuint (hanja->len, ==, 0);
  /* sorted and distinct */
  for (guint i = 1; i < many->len; i++)
    g_assert_cmpstr (g_ptr_array_index (many, i - 1), <, g_ptr_array_index (many, i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/key/sandhi", test_key_sandhi);
  g_test_add_func ("/names/key/systems", test_key_systems);
  g_test_add_func ("/names/key/look-alikes", test_key_look_alikes);
  g_test_add_func ("/names/key/explain", test_key_explain);
  g_test_add_func ("/names/key/format", test_key_format);

  return g_test_run ();
}
