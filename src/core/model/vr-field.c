/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-field"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrField, vr_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vr_field_finalize (GObject *object)
{
  VrField *self = (VrField *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_field_parent_class)->finalize (object);
}

static void
vr_field_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VrField *self = VR_FIELD (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_field_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VrField *self = VR_FIELD (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      vr_field_set_label (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      vr_field_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_field_class_init (VrFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vr_field_finalize;
  object_class->get_property = vr_field_get_property;
  object_class->set_property = vr_field_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_field_init (VrField *self)
{
}

VrField *
vr_field_new (const char *label,
              const char *value)
{
  VrField *self = g_object_new (VR_TYPE_FIELD, NULL);

  self->label = g_strdup (label);
  self->value = g_strdup (value);

  return self;
}

const char *
vr_field_get_label (VrField *self)
{
  g_return_val_if_fail (VR_IS_FIELD (self), NULL);

  return self->label;
}

void
vr_field_set_label (VrField    *self,
                    const char *label)
{
  g_return_if_fail (VR_IS_FIELD (self));

  if (_vr_set_string (&self->label, label))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
      if (self->metadata != NULL)
        _vr_document_changed (self->metadata->document);
    }
}

const char *
vr_field_get_value (VrField *self)
{
  g_return_val_if_fail (VR_IS_FIELD (self), NULL);

  return self->value;
}

void
vr_field_set_value (VrField    *self,
                    const char *value)
{
  g_return_if_fail (VR_IS_FIELD (self));

  if (_vr_set_string (&self->value, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
      if (self->metadata != NULL)
        _vr_document_changed (self->metadata->document);
    }
}

JsonObject *
_vr_field_get_extra (VrField *self)
{
  g_return_val_if_fail (VR_IS_FIELD (self), NULL);

  return self->extra;
}

void
_vr_field_set_extra (VrField    *self,
                     JsonObject *extra)
{
  g_return_if_fail (VR_IS_FIELD (self));

  _vr_set_extra (&self->extra, extra);
}
