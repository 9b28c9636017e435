/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-enums"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vr-enums.h"

G_DEFINE_ENUM_TYPE (VrEntityKind, vr_entity_kind,
  G_DEFINE_ENUM_VALUE (VR_ENTITY_KIND_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (VR_ENTITY_KIND_ORGANIZATION, "organization"),
  G_DEFINE_ENUM_VALUE (VR_ENTITY_KIND_PLACE, "place"),
  G_DEFINE_ENUM_VALUE (VR_ENTITY_KIND_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (VR_ENTITY_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (VrNameSystem, vr_name_system,
  G_DEFINE_ENUM_VALUE (VR_NAME_SYSTEM_RR, "rr"),
  G_DEFINE_ENUM_VALUE (VR_NAME_SYSTEM_MR, "mr"),
  G_DEFINE_ENUM_VALUE (VR_NAME_SYSTEM_DPRK, "dprk"),
  G_DEFINE_ENUM_VALUE (VR_NAME_SYSTEM_RUSSIAN, "russian"),
  G_DEFINE_ENUM_VALUE (VR_NAME_SYSTEM_TRANSLATOR, "translator"),
  G_DEFINE_ENUM_VALUE (VR_NAME_SYSTEM_OTHER, "other"))

G_DEFINE_ENUM_TYPE (VrVariantStatus, vr_variant_status,
  G_DEFINE_ENUM_VALUE (VR_VARIANT_STATUS_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (VR_VARIANT_STATUS_SUGGESTED, "suggested"),
  G_DEFINE_ENUM_VALUE (VR_VARIANT_STATUS_REJECTED, "rejected"))

G_DEFINE_ENUM_TYPE (VrParagraphKind, vr_paragraph_kind,
  G_DEFINE_ENUM_VALUE (VR_PARAGRAPH_KIND_BODY, "body"),
  G_DEFINE_ENUM_VALUE (VR_PARAGRAPH_KIND_HEADING, "heading"),
  G_DEFINE_ENUM_VALUE (VR_PARAGRAPH_KIND_CLOSING, "closing"),
  G_DEFINE_ENUM_VALUE (VR_PARAGRAPH_KIND_NOTE, "note"))

G_DEFINE_ENUM_TYPE (VrVerdict, vr_verdict,
  G_DEFINE_ENUM_VALUE (VR_VERDICT_SAME, "same"),
  G_DEFINE_ENUM_VALUE (VR_VERDICT_DIFFERENT, "different"))

/* The file-format strings, indexed by enum value. They are also the GEnum
 * nicks above, but a plain table keeps the hot path free of GEnumClass. */
static const char * const entity_kinds[] = {
  "person", "organization", "place", "event", "other",
};
static const char * const name_systems[] = {
  "rr", "mr", "dprk", "russian", "translator", "other",
};
static const char * const variant_statuses[] = {
  "confirmed", "suggested", "rejected",
};
static const char * const paragraph_kinds[] = {
  "body", "heading", "closing", "note",
};
static const char * const verdicts[] = {
  "same", "different",
};

static gboolean
lookup_string (const char * const *table,
               guint               n_items,
               const char         *str,
               guint              *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (strcmp (table[i], str) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_STRING_FUNCS(TypeName, type_name, table)                       \
const char *                                                                  \
type_name##_to_string (TypeName value)                                        \
{                                                                             \
  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);          \
  return table[value];                                                        \
}                                                                             \
                                                                              \
gboolean                                                                      \
type_name##_from_string (const char *str,                                     \
                         TypeName   *out)                                     \
{                                                                             \
  guint value;                                                                \
                                                                              \
  if (!lookup_string (table, G_N_ELEMENTS (table), str, &value))              \
    return FALSE;                                                             \
  if (out != NULL)                                                            \
    *out = (TypeName) value;                                                  \
  return TRUE;                                                                \
}

DEFINE_STRING_FUNCS (VrEntityKind, vr_entity_kind, entity_kinds)
DEFINE_STRING_FUNCS (VrNameSystem, vr_name_system, name_systems)
DEFINE_STRING_FUNCS (VrVariantStatus, vr_variant_status, variant_statuses)
DEFINE_STRING_FUNCS (VrParagraphKind, vr_paragraph_kind, paragraph_kinds)
DEFINE_STRING_FUNCS (VrVerdict, vr_verdict, verdicts)

const char *
vr_entity_kind_get_label (VrEntityKind kind)
{
  switch (kind)
    {
    case VR_ENTITY_KIND_PERSON:
      return _("Person");
    case VR_ENTITY_KIND_ORGANIZATION:
      return _("Organization");
    case VR_ENTITY_KIND_PLACE:
      return _("Place");
    case VR_ENTITY_KIND_EVENT:
      return _("Event");
    case VR_ENTITY_KIND_OTHER:
    default:
      return _("Other");
    }
}

const char *
vr_name_system_get_label (VrNameSystem system)
{
  switch (system)
    {
    case VR_NAME_SYSTEM_RR:
      return _("Revised Romanization");
    case VR_NAME_SYSTEM_MR:
      return _("McCune–Reischauer");
    case VR_NAME_SYSTEM_DPRK:
      return _("North Korean practice");
    case VR_NAME_SYSTEM_RUSSIAN:
      return _("Russian-mediated");
    case VR_NAME_SYSTEM_TRANSLATOR:
      return _("Translator’s gloss");
    case VR_NAME_SYSTEM_OTHER:
    default:
      return _("Other");
    }
}

const char *
vr_variant_status_get_label (VrVariantStatus status)
{
  switch (status)
    {
    case VR_VARIANT_STATUS_CONFIRMED:
      return _("Confirmed");
    case VR_VARIANT_STATUS_SUGGESTED:
      return _("Suggested");
    case VR_VARIANT_STATUS_REJECTED:
      return _("Rejected");
    default:
      return _("Suggested");
    }
}
