/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "vr-types.h"

G_BEGIN_DECLS

#define VR_TYPE_METADATA (vr_metadata_get_type ())
G_DECLARE_FINAL_TYPE (VrMetadata, vr_metadata, VR, METADATA, GObject)

/* String properties, each NULL when absent: "title", "date", "summary",
 * "repository", "archive", "archive-location", "translator",
 * "original-language", "classification".
 * "authors" and "recipients" are GStrv (NULL when absent).
 * vr_metadata_get_fields() is a GListModel of VrField, in order. */
VrMetadata         *vr_metadata_new                   (void);

const char         *vr_metadata_get_title             (VrMetadata         *self);
void                vr_metadata_set_title             (VrMetadata         *self,
                                                       const char         *title);
const char         *vr_metadata_get_date              (VrMetadata         *self);
void                vr_metadata_set_date              (VrMetadata         *self,
                                                       const char         *date);
const char         *vr_metadata_get_summary           (VrMetadata         *self);
void                vr_metadata_set_summary           (VrMetadata         *self,
                                                       const char         *summary);
const char         *vr_metadata_get_repository        (VrMetadata         *self);
void                vr_metadata_set_repository        (VrMetadata         *self,
                                                       const char         *repository);
const char         *vr_metadata_get_archive           (VrMetadata         *self);
void                vr_metadata_set_archive           (VrMetadata         *self,
                                                       const char         *archive);
const char         *vr_metadata_get_archive_location  (VrMetadata         *self);
void                vr_metadata_set_archive_location  (VrMetadata         *self,
                                                       const char         *archive_location);
const char         *vr_metadata_get_translator        (VrMetadata         *self);
void                vr_metadata_set_translator        (VrMetadata         *self,
                                                       const char         *translator);
const char         *vr_metadata_get_original_language (VrMetadata         *self);
void                vr_metadata_set_original_language (VrMetadata         *self,
                                                       const char         *original_language);
const char         *vr_metadata_get_classification    (VrMetadata         *self);
void                vr_metadata_set_classification    (VrMetadata         *self,
                                                       const char         *classification);
const char * const *vr_metadata_get_authors           (VrMetadata         *self);
void                vr_metadata_set_authors           (VrMetadata         *self,
                                                       const char * const *authors);
const char * const *vr_metadata_get_recipients        (VrMetadata         *self);
void                vr_metadata_set_recipients        (VrMetadata         *self,
                                                       const char * const *recipients);

GListModel         *vr_metadata_get_fields            (VrMetadata         *self);
void                vr_metadata_insert_field          (VrMetadata         *self,
                                                       guint               position,
                                                       VrField            *field);
void                vr_metadata_add_field             (VrMetadata         *self,
                                                       VrField            *field);
void                vr_metadata_remove_field          (VrMetadata         *self,
                                                       guint               position);
/* First field with this label (case-sensitive), or NULL. */
const char         *vr_metadata_lookup_field          (VrMetadata         *self,
                                                       const char         *label);

G_END_DECLS
