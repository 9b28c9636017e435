/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-metadata"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrMetadata, vr_metadata, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_SUMMARY,
  PROP_REPOSITORY,
  PROP_ARCHIVE,
  PROP_ARCHIVE_LOCATION,
  PROP_TRANSLATOR,
  PROP_ORIGINAL_LANGUAGE,
  PROP_CLASSIFICATION,
  PROP_AUTHORS,
  PROP_RECIPIENTS,
  PROP_FIELDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The string properties, PROP_TITLE … PROP_CLASSIFICATION, as offsets. */
static const gsize string_offsets[] = {
  [PROP_TITLE] = G_STRUCT_OFFSET (VrMetadata, title),
  [PROP_DATE] = G_STRUCT_OFFSET (VrMetadata, date),
  [PROP_SUMMARY] = G_STRUCT_OFFSET (VrMetadata, summary),
  [PROP_REPOSITORY] = G_STRUCT_OFFSET (VrMetadata, repository),
  [PROP_ARCHIVE] = G_STRUCT_OFFSET (VrMetadata, archive),
  [PROP_ARCHIVE_LOCATION] = G_STRUCT_OFFSET (VrMetadata, archive_location),
  [PROP_TRANSLATOR] = G_STRUCT_OFFSET (VrMetadata, translator),
  [PROP_ORIGINAL_LANGUAGE] = G_STRUCT_OFFSET (VrMetadata, original_language),
  [PROP_CLASSIFICATION] = G_STRUCT_OFFSET (VrMetadata, classification),
};

static inline char **
string_field (VrMetadata *self,
              guint       prop_id)
{
  return G_STRUCT_MEMBER_P (self, string_offsets[prop_id]);
}

static void
set_string_prop (VrMetadata *self,
                 guint       prop_id,
                 const char *value)
{
  g_return_if_fail (VR_IS_METADATA (self));

  if (!_vr_set_string (string_field (self, prop_id), value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _vr_document_changed (self->document);
  if (prop_id == PROP_TITLE)
    _vr_document_metadata_title_changed (self->document);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

static void
set_strv_prop (VrMetadata         *self,
               char             ***dest,
               guint               prop_id,
               const char * const *value)
{
  g_return_if_fail (VR_IS_METADATA (self));

  if (strv_equal0 ((const char * const *) *dest, value))
    return;

  g_strfreev (*dest);
  *dest = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _vr_document_changed (self->document);
}

static void
vr_metadata_dispose (GObject *object)
{
  VrMetadata *self = (VrMetadata *)object;
  GPtrArray *fields = _vr_object_list_get_array (self->fields);

  for (guint i = 0; i < fields->len; i++)
    ((VrField *) g_ptr_array_index (fields, i))->metadata = NULL;
  _vr_object_list_clear (self->fields);

  G_OBJECT_CLASS (vr_metadata_parent_class)->dispose (object);
}

static void
vr_metadata_finalize (GObject *object)
{
  VrMetadata *self = (VrMetadata *)object;

  for (guint i = PROP_TITLE; i <= PROP_CLASSIFICATION; i++)
    g_clear_pointer (string_field (self, i), g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->recipients, g_strfreev);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_metadata_parent_class)->finalize (object);
}

static void
vr_metadata_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VrMetadata *self = VR_METADATA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
    case PROP_DATE:
    case PROP_SUMMARY:
    case PROP_REPOSITORY:
    case PROP_ARCHIVE:
    case PROP_ARCHIVE_LOCATION:
    case PROP_TRANSLATOR:
    case PROP_ORIGINAL_LANGUAGE:
    case PROP_CLASSIFICATION:
      g_value_set_string (value, *string_field (self, prop_id));
      break;

    case PROP_AUTHORS:
      g_value_set_boxed (value, self->authors);
      break;

    case PROP_RECIPIENTS:
      g_value_set_boxed (value, self->recipients);
      break;

    case PROP_FIELDS:
      g_value_set_object (value, self->fields);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_metadata_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VrMetadata *self = VR_METADATA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
    case PROP_DATE:
    case PROP_SUMMARY:
    case PROP_REPOSITORY:
    case PROP_ARCHIVE:
    case PROP_ARCHIVE_LOCATION:
    case PROP_TRANSLATOR:
    case PROP_ORIGINAL_LANGUAGE:
    case PROP_CLASSIFICATION:
      set_string_prop (self, prop_id, g_value_get_string (value));
      break;

    case PROP_AUTHORS:
      vr_metadata_set_authors (self, g_value_get_boxed (value));
      break;

    case PROP_RECIPIENTS:
      vr_metadata_set_recipients (self, g_value_get_boxed (value));
      break;

    case PROP_FIELDS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_metadata_class_init (VrMetadataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[] = {
    [PROP_TITLE] = "title",
    [PROP_DATE] = "date",
    [PROP_SUMMARY] = "summary",
    [PROP_REPOSITORY] = "repository",
    [PROP_ARCHIVE] = "archive",
    [PROP_ARCHIVE_LOCATION] = "archive-location",
    [PROP_TRANSLATOR] = "translator",
    [PROP_ORIGINAL_LANGUAGE] = "original-language",
    [PROP_CLASSIFICATION] = "classification",
  };

  object_class->dispose = vr_metadata_dispose;
  object_class->finalize = vr_metadata_finalize;
  object_class->get_property = vr_metadata_get_property;
  object_class->set_property = vr_metadata_set_property;

  for (guint i = PROP_TITLE; i <= PROP_CLASSIFICATION; i++)
    properties[i] =
      g_param_spec_string (names[i], NULL, NULL, NULL,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHORS] =
    g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECIPIENTS] =
    g_param_spec_boxed ("recipients", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIELDS] =
    g_param_spec_object ("fields", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_metadata_init (VrMetadata *self)
{
  self->fields = _vr_object_list_new (VR_TYPE_FIELD, TRUE);
}

VrMetadata *
vr_metadata_new (void)
{
  return g_object_new (VR_TYPE_METADATA, NULL);
}

#define DEFINE_STRING_PROPERTY(field, PROP)                                   \
const char *                                                                  \
vr_metadata_get_##field (VrMetadata *self)                                    \
{                                                                             \
  g_return_val_if_fail (VR_IS_METADATA (self), NULL);                         \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
vr_metadata_set_##field (VrMetadata *self,                                    \
                         const char *field)                                   \
{                                                                             \
  set_string_prop (self, PROP, field);                                        \
}

DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (date, PROP_DATE)
DEFINE_STRING_PROPERTY (summary, PROP_SUMMARY)
DEFINE_STRING_PROPERTY (repository, PROP_REPOSITORY)
DEFINE_STRING_PROPERTY (archive, PROP_ARCHIVE)
DEFINE_STRING_PROPERTY (archive_location, PROP_ARCHIVE_LOCATION)
DEFINE_STRING_PROPERTY (translator, PROP_TRANSLATOR)
DEFINE_STRING_PROPERTY (original_language, PROP_ORIGINAL_LANGUAGE)
DEFINE_STRING_PROPERTY (classification, PROP_CLASSIFICATION)

const char * const *
vr_metadata_get_authors (VrMetadata *self)
{
  g_return_val_if_fail (VR_IS_METADATA (self), NULL);

  return (const char * const *) self->authors;
}

void
vr_metadata_set_authors (VrMetadata         *self,
                         const char * const *authors)
{
  set_strv_prop (self, &self->authors, PROP_AUTHORS, authors);
}

const char * const *
vr_metadata_get_recipients (VrMetadata *self)
{
  g_return_val_if_fail (VR_IS_METADATA (self), NULL);

  return (const char * const *) self->recipients;
}

void
vr_metadata_set_recipients (VrMetadata         *self,
                            const char * const *recipients)
{
  set_strv_prop (self, &self->recipients, PROP_RECIPIENTS, recipients);
}

GListModel *
vr_metadata_get_fields (VrMetadata *self)
{
  g_return_val_if_fail (VR_IS_METADATA (self), NULL);

  return G_LIST_MODEL (self->fields);
}

void
vr_metadata_insert_field (VrMetadata *self,
                          guint       position,
                          VrField    *field)
{
  g_return_if_fail (VR_IS_METADATA (self));
  g_return_if_fail (VR_IS_FIELD (field));
  g_return_if_fail (field->metadata == NULL);

  position = MIN (position, _vr_object_list_get_length (self->fields));
  field->metadata = self;
  _vr_object_list_insert (self->fields, position, field);
  _vr_document_changed (self->document);
}

/* Appends @field; the same as inserting at the end. */
void
vr_metadata_add_field (VrMetadata *self,
                       VrField    *field)
{
  g_return_if_fail (VR_IS_METADATA (self));

  vr_metadata_insert_field (self, _vr_object_list_get_length (self->fields), field);
}

void
vr_metadata_remove_field (VrMetadata *self,
                          guint       position)
{
  VrField *field;

  g_return_if_fail (VR_IS_METADATA (self));
  g_return_if_fail (position < _vr_object_list_get_length (self->fields));

  field = _vr_object_list_peek (self->fields, position);
  field->metadata = NULL;
  _vr_object_list_remove_index (self->fields, position);
  _vr_document_changed (self->document);
}

const char *
vr_metadata_lookup_field (VrMetadata *self,
                          const char *label)
{
  GPtrArray *fields;

  g_return_val_if_fail (VR_IS_METADATA (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  fields = _vr_object_list_get_array (self->fields);
  for (guint i = 0; i < fields->len; i++)
    {
      VrField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->label, label) == 0)
        return field->value;
    }

  return NULL;
}

JsonObject *
_vr_metadata_get_extra (VrMetadata *self)
{
  g_return_val_if_fail (VR_IS_METADATA (self), NULL);

  return self->extra;
}

void
_vr_metadata_set_extra (VrMetadata *self,
                        JsonObject *extra)
{
  g_return_if_fail (VR_IS_METADATA (self));

  _vr_set_extra (&self->extra, extra);
}
