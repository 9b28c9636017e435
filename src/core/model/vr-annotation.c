/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-annotation"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrAnnotation, vr_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARAGRAPH,
  PROP_VERSION_ID,
  PROP_START,
  PROP_END,
  PROP_NOTE,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vr_annotation_dispose (GObject *object)
{
  VrAnnotation *self = (VrAnnotation *)object;

  g_clear_object (&self->paragraph);

  G_OBJECT_CLASS (vr_annotation_parent_class)->dispose (object);
}

static void
vr_annotation_finalize (GObject *object)
{
  VrAnnotation *self = (VrAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_annotation_parent_class)->finalize (object);
}

static void
vr_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VrAnnotation *self = VR_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PARAGRAPH:
      g_value_set_object (value, self->paragraph);
      break;

    case PROP_VERSION_ID:
      g_value_set_static_string (value, self->version_id);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VrAnnotation *self = VR_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      vr_annotation_set_note (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      vr_annotation_set_created (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_annotation_class_init (VrAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vr_annotation_dispose;
  object_class->finalize = vr_annotation_finalize;
  object_class->get_property = vr_annotation_get_property;
  object_class->set_property = vr_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARAGRAPH] =
    g_param_spec_object ("paragraph", NULL, NULL, VR_TYPE_PARAGRAPH,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION_ID] =
    g_param_spec_string ("version-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_annotation_init (VrAnnotation *self)
{
}

VrAnnotation *
vr_annotation_new (const char  *id,
                   VrParagraph *paragraph,
                   const char  *version_id,
                   guint        start,
                   guint        end,
                   const char  *note)
{
  VrAnnotation *self;

  /* @id may be NULL: the format makes an annotation's id optional. */
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);
  g_return_val_if_fail (version_id != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (VR_TYPE_ANNOTATION, NULL);
  self->id = g_strdup (id);
  self->paragraph = g_object_ref (paragraph);
  self->version_id = g_intern_string (version_id);
  self->start = start;
  self->end = end;
  self->note = g_strdup (note);

  return self;
}

const char *
vr_annotation_get_id (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), NULL);

  return self->id;
}

VrParagraph *
vr_annotation_get_paragraph (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), NULL);

  return self->paragraph;
}

const char *
vr_annotation_get_version_id (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), NULL);

  return self->version_id;
}

guint
vr_annotation_get_start (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), 0);

  return self->start;
}

guint
vr_annotation_get_end (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), 0);

  return self->end;
}

void
vr_annotation_set_range (VrAnnotation *self,
                         guint         start,
                         guint         end)
{
  gboolean changed = FALSE;

  g_return_if_fail (VR_IS_ANNOTATION (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
      changed = TRUE;
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    _vr_document_changed (self->document);
}

const char *
vr_annotation_get_note (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), NULL);

  return self->note;
}

void
vr_annotation_set_note (VrAnnotation *self,
                        const char   *note)
{
  g_return_if_fail (VR_IS_ANNOTATION (self));

  if (_vr_set_string (&self->note, note))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
      _vr_document_changed (self->document);
    }
}

const char *
vr_annotation_get_created (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), NULL);

  return self->created;
}

void
vr_annotation_set_created (VrAnnotation *self,
                           const char   *created)
{
  g_return_if_fail (VR_IS_ANNOTATION (self));

  if (_vr_set_string (&self->created, created))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
      _vr_document_changed (self->document);
    }
}

JsonObject *
_vr_annotation_get_extra (VrAnnotation *self)
{
  g_return_val_if_fail (VR_IS_ANNOTATION (self), NULL);

  return self->extra;
}

void
_vr_annotation_set_extra (VrAnnotation *self,
                          JsonObject   *extra)
{
  g_return_if_fail (VR_IS_ANNOTATION (self));

  _vr_set_extra (&self->extra, extra);
}
