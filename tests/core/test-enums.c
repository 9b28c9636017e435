/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-enums"

#include "config.h"

#include "vr-document.h"
#include "vr-model-private.h"

/* Every value's string survives to_string → from_string, the GEnum nick is
 * the file string, and an unknown string is refused without touching *out. */
#define CHECK_ROUND_TRIP(Type, prefix, n_expected, gtype)                       \
  G_STMT_START {                                                              \
    g_autoptr(GEnumClass) klass = g_type_class_ref (gtype);                   \
    g_assert_cmpuint (klass->n_values, ==, n_expected);                         \
    for (guint i = 0; i < n_expected; i++)                                    \
      {                                                                       \
        const char *str = prefix##_to_string ((Type) i);                      \
        Type back = (Type) 99;                                                \
        g_assert_nonnull (str);                                               \
        g_assert_true (prefix##_from_string (str, &back));                    \
        g_assert_cmpint (back, ==, i);                                        \
        g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==, str);   \
      }                                                                       \
    {                                                                         \
      Type untouched = (Type) 1;                                              \
      g_assert_false (prefix##_from_string ("no-such-value", &untouched));    \
      g_assert_cmpint (untouched, ==, 1);                                     \
      g_assert_false (prefix##_from_string (NULL, &untouched));               \
      g_assert_false (prefix##_from_string ("", &untouched));                 \
      g_assert_false (prefix##_from_string ("PERSON", &untouched));           \
    }                                                                         \
  } G_STMT_END

static void
test_enums_round_trip (void)
{
  CHECK_ROUND_TRIP (VrEntityKind, vr_entity_kind, 5, VR_TYPE_ENTITY_KIND);
  CHECK_ROUND_TRIP (VrNameSystem, vr_name_system, 6, VR_TYPE_NAME_SYSTEM);
  CHECK_ROUND_TRIP (VrVariantStatus, vr_variant_status, 3, VR_TYPE_VARIANT_STATUS);
  CHECK_ROUND_TRIP (VrParagraphKind, vr_paragraph_kind, 4, VR_TYPE_PARAGRAPH_KIND);
  CHECK_ROUND_TRIP (VrVerdict, vr_verdict, 2, VR_TYPE_VERDICT);
}

static void
test_enums_file_strings (void)
{
  /* The format's contract (DESIGN.md, "The file format"). */
  g_assert_cmpstr (vr_entity_kind_to_string (VR_ENTITY_KIND_ORGANIZATION), ==, "organization");
  g_assert_cmpstr (vr_name_system_to_string (VR_NAME_SYSTEM_DPRK), ==, "dprk");
  g_assert_cmpstr (vr_name_system_to_string (VR_NAME_SYSTEM_RUSSIAN), ==, "russian");
  g_assert_cmpstr (vr_name_system_to_string (VR_NAME_SYSTEM_TRANSLATOR), ==, "translator");
  g_assert_cmpstr (vr_variant_status_to_string (VR_VARIANT_STATUS_SUGGESTED), ==, "suggested");
  g_assert_cmpstr (vr_paragraph_kind_to_string (VR_PARAGRAPH_KIND_CLOSING), ==, "closing");
  g_assert_cmpstr (vr_verdict_to_string (VR_VERDICT_DIFFERENT), ==, "different");
}

static void
test_enums_labels (void)
{
  g_assert_cmpstr (vr_name_system_get_label (VR_NAME_SYSTEM_MR), ==, "McCune–Reischauer");
  g_assert_cmpstr (vr_name_system_get_label (VR_NAME_SYSTEM_RR), ==, "Revised Romanization");
  g_assert_cmpstr (vr_name_system_get_label (VR_NAME_SYSTEM_DPRK), ==, "North Korean practice");
  g_assert_cmpstr (vr_name_system_get_label (VR_NAME_SYSTEM_RUSSIAN), ==, "Russian-mediated");
  g_assert_cmpstr (vr_name_system_get_label (VR_NAME_SYSTEM_TRANSLATOR), ==, "Translator’s gloss");
  g_assert_cmpstr (vr_name_system_get_label (VR_NAME_SYSTEM_OTHER), ==, "Other");
  g_assert_cmpstr (vr_entity_kind_get_label (VR_ENTITY_KIND_PERSON), ==, "Person");
  g_assert_cmpstr (vr_entity_kind_get_label (VR_ENTITY_KIND_ORGANIZATION), ==, "Organization");
  g_assert_cmpstr (vr_entity_kind_get_label (VR_ENTITY_KIND_PLACE), ==, "Place");
  g_assert_cmpstr (vr_entity_kind_get_label (VR_ENTITY_KIND_EVENT), ==, "Event");
  g_assert_cmpstr (vr_entity_kind_get_label (VR_ENTITY_KIND_OTHER), ==, "Other");
  g_assert_cmpstr (vr_variant_status_get_label (VR_VARIANT_STATUS_CONFIRMED), ==, "Confirmed");
  g_assert_cmpstr (vr_variant_status_get_label (VR_VARIANT_STATUS_SUGGESTED), ==, "Suggested");
  g_assert_cmpstr (vr_variant_status_get_label (VR_VARIANT_STATUS_REJECTED), ==, "Rejected");
}

static void
test_raw_entity_kind (void)
{
  g_autoptr(VrEntity) entity = vr_entity_new ("e", VR_ENTITY_KIND_PERSON, "E");

  g_assert_cmpstr (vr_entity_get_kind_raw (entity), ==, "person");

  _vr_entity_set_kind_raw (entity, "dynasty");
  g_assert_cmpint (vr_entity_get_kind (entity), ==, VR_ENTITY_KIND_OTHER);
  g_assert_cmpstr (vr_entity_get_kind_raw (entity), ==, "dynasty");

  _vr_entity_set_kind_raw (entity, "place");
  g_assert_cmpint (vr_entity_get_kind (entity), ==, VR_ENTITY_KIND_PLACE);
  g_assert_cmpstr (vr_entity_get_kind_raw (entity), ==, "place");

  /* The public setter replaces an unknown string. */
  _vr_entity_set_kind_raw (entity, "dynasty");
  vr_entity_set_kind (entity, VR_ENTITY_KIND_OTHER);
  g_assert_cmpstr (vr_entity_get_kind_raw (entity), ==, "other");
}

static void
test_raw_variant_system_and_status (void)
{
  g_autoptr(VrVariant) variant = vr_variant_new ("Seo Hwi", VR_NAME_SYSTEM_RR);

  g_assert_cmpstr (vr_variant_get_system_raw (variant), ==, "rr");
  _vr_variant_set_system_raw (variant, "yale");
  g_assert_cmpint (vr_variant_get_system (variant), ==, VR_NAME_SYSTEM_OTHER);
  g_assert_cmpstr (vr_variant_get_system_raw (variant), ==, "yale");
  vr_variant_set_system (variant, VR_NAME_SYSTEM_MR);
  g_assert_cmpstr (vr_variant_get_system_raw (variant), ==, "mr");

  /* A new variant has no status of its own: shown confirmed, not written. */
  g_assert_cmpint (vr_variant_get_status (variant), ==, VR_VARIANT_STATUS_CONFIRMED);
  g_assert_null (vr_variant_get_status_raw (variant));
  g_assert_false (_vr_variant_has_status (variant));

  _vr_variant_set_status_raw (variant, "disputed");
  g_assert_cmpint (vr_variant_get_status (variant), ==, VR_VARIANT_STATUS_SUGGESTED);
  g_assert_cmpstr (vr_variant_get_status_raw (variant), ==, "disputed");
  g_assert_true (_vr_variant_has_status (variant));

  _vr_variant_set_status_raw (variant, NULL);
  g_assert_false (_vr_variant_has_status (variant));
  g_assert_cmpint (vr_variant_get_status (variant), ==, VR_VARIANT_STATUS_CONFIRMED);

  vr_variant_set_status (variant, VR_VARIANT_STATUS_CONFIRMED);
  g_assert_true (_vr_variant_has_status (variant));
  g_assert_cmpstr (vr_variant_get_status_raw (variant), ==, "confirmed");

  _vr_variant_set_status_raw (variant, "rejected");
  g_assert_cmpint (vr_variant_get_status (variant), ==, VR_VARIANT_STATUS_REJECTED);
}

static void
test_raw_paragraph_kind (void)
{
  g_autoptr(VrParagraph) paragraph = vr_paragraph_new ("p1");

  g_assert_cmpint (vr_paragraph_get_kind (paragraph), ==, VR_PARAGRAPH_KIND_BODY);
  g_assert_cmpstr (vr_paragraph_get_kind_raw (paragraph), ==, "body");
  _vr_paragraph_set_kind_raw (paragraph, "marginalia");
  g_assert_cmpint (vr_paragraph_get_kind (paragraph), ==, VR_PARAGRAPH_KIND_BODY);
  g_assert_cmpstr (vr_paragraph_get_kind_raw (paragraph), ==, "marginalia");
  _vr_paragraph_set_kind_raw (paragraph, "heading");
  g_assert_cmpint (vr_paragraph_get_kind (paragraph), ==, VR_PARAGRAPH_KIND_HEADING);
  g_assert_cmpstr (vr_paragraph_get_kind_raw (paragraph), ==, "heading");
}

static void
test_raw_verdict (void)
{
  g_autoptr(VrDecision) decision = vr_decision_new ("Seo Hwi", "So Hwi", VR_VERDICT_DIFFERENT);

  g_assert_cmpstr (vr_decision_get_verdict_raw (decision), ==, "different");
  _vr_decision_set_verdict_raw (decision, "probably");
  g_assert_cmpint (vr_decision_get_verdict (decision), ==, VR_VERDICT_SAME);
  g_assert_cmpstr (vr_decision_get_verdict_raw (decision), ==, "probably");
  _vr_decision_set_verdict_raw (decision, "different");
  g_assert_cmpint (vr_decision_get_verdict (decision), ==, VR_VERDICT_DIFFERENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums/round-trip", test_enums_round_trip);
  g_test_add_func ("/model/enums/file-strings", test_enums_file_strings);
  g_test_add_func ("/model/enums/labels", test_enums_labels);
  g_test_add_func ("/model/enums/raw/entity-kind", test_raw_entity_kind);
  g_test_add_func ("/model/enums/raw/variant", test_raw_variant_system_and_status);
  g_test_add_func ("/model/enums/raw/paragraph-kind", test_raw_paragraph_kind);
  g_test_add_func ("/model/enums/raw/verdict", test_raw_verdict);

  return g_test_run ();
}
