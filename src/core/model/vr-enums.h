/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every enum has a fixed string form used in the file format (also its
 * GEnum nick). A value the build does not know is kept by the object that
 * read it (see the *_raw getters) and written back unchanged; meanwhile the
 * enum getter shows a fallback: VR_ENTITY_KIND_OTHER, VR_NAME_SYSTEM_OTHER,
 * VR_VARIANT_STATUS_SUGGESTED, VR_PARAGRAPH_KIND_BODY, VR_VERDICT_SAME. */

typedef enum
{
  VR_ENTITY_KIND_PERSON,
  VR_ENTITY_KIND_ORGANIZATION,
  VR_ENTITY_KIND_PLACE,
  VR_ENTITY_KIND_EVENT,
  VR_ENTITY_KIND_OTHER,
} VrEntityKind;

typedef enum
{
  VR_NAME_SYSTEM_RR,
  VR_NAME_SYSTEM_MR,
  VR_NAME_SYSTEM_DPRK,
  VR_NAME_SYSTEM_RUSSIAN,
  VR_NAME_SYSTEM_TRANSLATOR,
  VR_NAME_SYSTEM_OTHER,
} VrNameSystem;

typedef enum
{
  VR_VARIANT_STATUS_CONFIRMED,
  VR_VARIANT_STATUS_SUGGESTED,
  VR_VARIANT_STATUS_REJECTED,
} VrVariantStatus;

typedef enum
{
  VR_PARAGRAPH_KIND_BODY,
  VR_PARAGRAPH_KIND_HEADING,
  VR_PARAGRAPH_KIND_CLOSING,
  VR_PARAGRAPH_KIND_NOTE,
} VrParagraphKind;

typedef enum
{
  VR_VERDICT_SAME,
  VR_VERDICT_DIFFERENT,
} VrVerdict;

#define VR_TYPE_ENTITY_KIND    (vr_entity_kind_get_type ())
#define VR_TYPE_NAME_SYSTEM    (vr_name_system_get_type ())
#define VR_TYPE_VARIANT_STATUS (vr_variant_status_get_type ())
#define VR_TYPE_PARAGRAPH_KIND (vr_paragraph_kind_get_type ())
#define VR_TYPE_VERDICT        (vr_verdict_get_type ())

GType vr_entity_kind_get_type    (void) G_GNUC_CONST;
GType vr_name_system_get_type    (void) G_GNUC_CONST;
GType vr_variant_status_get_type (void) G_GNUC_CONST;
GType vr_paragraph_kind_get_type (void) G_GNUC_CONST;
GType vr_verdict_get_type        (void) G_GNUC_CONST;

/* File-format strings ("person", "rr", "suggested", "body", "same").
 * from_string returns FALSE for an unknown string and leaves *out alone. */
const char *vr_entity_kind_to_string      (VrEntityKind     kind);
gboolean    vr_entity_kind_from_string    (const char      *str,
                                           VrEntityKind    *out);
const char *vr_name_system_to_string      (VrNameSystem     system);
gboolean    vr_name_system_from_string    (const char      *str,
                                           VrNameSystem    *out);
const char *vr_variant_status_to_string   (VrVariantStatus  status);
gboolean    vr_variant_status_from_string (const char      *str,
                                           VrVariantStatus *out);
const char *vr_paragraph_kind_to_string   (VrParagraphKind  kind);
gboolean    vr_paragraph_kind_from_string (const char      *str,
                                           VrParagraphKind *out);
const char *vr_verdict_to_string          (VrVerdict        verdict);
gboolean    vr_verdict_from_string        (const char      *str,
                                           VrVerdict       *out);

/* Human-readable, translated labels for the UI ("Person", "McCune–Reischauer"). */
const char *vr_entity_kind_get_label      (VrEntityKind     kind);
const char *vr_name_system_get_label      (VrNameSystem     system);
const char *vr_variant_status_get_label   (VrVariantStatus  status);

G_END_DECLS
