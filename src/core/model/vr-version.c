/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-version"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrVersion, vr_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LANGUAGE,
  PROP_LABEL,
  PROP_TRANSLATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vr_version_finalize (GObject *object)
{
  VrVersion *self = (VrVersion *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->translator, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_version_parent_class)->finalize (object);
}

static void
vr_version_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VrVersion *self = VR_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_static_string (value, self->id);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_TRANSLATOR:
      g_value_set_string (value, self->translator);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_version_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VrVersion *self = VR_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_intern_string (g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      vr_version_set_language (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      vr_version_set_label (self, g_value_get_string (value));
      break;

    case PROP_TRANSLATOR:
      vr_version_set_translator (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_version_class_init (VrVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vr_version_finalize;
  object_class->get_property = vr_version_get_property;
  object_class->set_property = vr_version_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRANSLATOR] =
    g_param_spec_string ("translator", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_version_init (VrVersion *self)
{
}

VrVersion *
vr_version_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (VR_TYPE_VERSION, "id", id, NULL);
}

/* Interned: equal ids are the same pointer. */
const char *
vr_version_get_id (VrVersion *self)
{
  g_return_val_if_fail (VR_IS_VERSION (self), NULL);

  return self->id;
}

#define DEFINE_STRING_PROPERTY(field, PROP)                                   \
const char *                                                                  \
vr_version_get_##field (VrVersion *self)                                      \
{                                                                             \
  g_return_val_if_fail (VR_IS_VERSION (self), NULL);                          \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
vr_version_set_##field (VrVersion  *self,                                     \
                        const char *field)                                    \
{                                                                             \
  g_return_if_fail (VR_IS_VERSION (self));                                    \
                                                                              \
  if (_vr_set_string (&self->field, field))                                   \
    {                                                                         \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
      _vr_document_changed (self->document);                                  \
    }                                                                         \
}

DEFINE_STRING_PROPERTY (language, PROP_LANGUAGE)
DEFINE_STRING_PROPERTY (label, PROP_LABEL)
DEFINE_STRING_PROPERTY (translator, PROP_TRANSLATOR)

JsonObject *
_vr_version_get_extra (VrVersion *self)
{
  g_return_val_if_fail (VR_IS_VERSION (self), NULL);

  return self->extra;
}

void
_vr_version_set_extra (VrVersion  *self,
                       JsonObject *extra)
{
  g_return_if_fail (VR_IS_VERSION (self));

  _vr_set_extra (&self->extra, extra);
}
