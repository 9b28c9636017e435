/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-variant"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrVariant, vr_variant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORM,
  PROP_SYSTEM,
  PROP_STATUS,
  PROP_NOTE,
  PROP_COUNT,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static VrDocument *
get_document (VrVariant *self)
{
  return self->entity != NULL ? self->entity->document : NULL;
}

static void
vr_variant_finalize (GObject *object)
{
  VrVariant *self = (VrVariant *)object;

  g_clear_pointer (&self->form, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_variant_parent_class)->finalize (object);
}

static void
vr_variant_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VrVariant *self = VR_VARIANT (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_string (value, self->form);
      break;

    case PROP_SYSTEM:
      g_value_set_enum (value, self->system);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_variant_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VrVariant *self = VR_VARIANT (object);

  switch (prop_id)
    {
    case PROP_FORM:
      vr_variant_set_form (self, g_value_get_string (value));
      break;

    case PROP_SYSTEM:
      vr_variant_set_system (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      vr_variant_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTE:
      vr_variant_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_variant_class_init (VrVariantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vr_variant_finalize;
  object_class->get_property = vr_variant_get_property;
  object_class->set_property = vr_variant_set_property;

  properties[PROP_FORM] =
    g_param_spec_string ("form", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SYSTEM] =
    g_param_spec_enum ("system", NULL, NULL,
                       VR_TYPE_NAME_SYSTEM, VR_NAME_SYSTEM_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       VR_TYPE_VARIANT_STATUS, VR_VARIANT_STATUS_CONFIRMED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, VR_TYPE_ENTITY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_variant_init (VrVariant *self)
{
  self->system = VR_NAME_SYSTEM_OTHER;
  self->system_raw = vr_name_system_to_string (VR_NAME_SYSTEM_OTHER);
  self->status = VR_VARIANT_STATUS_CONFIRMED;
}

VrVariant *
vr_variant_new (const char   *form,
                VrNameSystem  system)
{
  VrVariant *self;

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (system <= VR_NAME_SYSTEM_OTHER, NULL);

  self = g_object_new (VR_TYPE_VARIANT, NULL);
  self->form = g_strdup (form);
  self->system = system;
  self->system_raw = vr_name_system_to_string (system);

  return self;
}

const char *
vr_variant_get_form (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), NULL);

  return self->form;
}

void
vr_variant_set_form (VrVariant  *self,
                     const char *form)
{
  g_return_if_fail (VR_IS_VARIANT (self));
  g_return_if_fail (form != NULL);

  if (!_vr_set_string (&self->form, form))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
  _vr_document_recount_variants (get_document (self), self->entity);
  _vr_document_changed (get_document (self));
}

/* VR_NAME_SYSTEM_OTHER when the file held a system this build does not know. */
VrNameSystem
vr_variant_get_system (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), VR_NAME_SYSTEM_OTHER);

  return self->system;
}

static void
set_system_internal (VrVariant    *self,
                     VrNameSystem  system,
                     const char   *raw)
{
  gboolean changed = (self->system_raw != raw);

  self->system_raw = raw;
  if (self->system != system)
    {
      self->system = system;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYSTEM]);
      changed = TRUE;
    }

  if (changed)
    _vr_document_changed (get_document (self));
}

void
vr_variant_set_system (VrVariant    *self,
                       VrNameSystem  system)
{
  g_return_if_fail (VR_IS_VARIANT (self));
  g_return_if_fail (system <= VR_NAME_SYSTEM_OTHER);

  set_system_internal (self, system, vr_name_system_to_string (system));
}

const char *
vr_variant_get_system_raw (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), NULL);

  return self->system_raw;
}

void
_vr_variant_set_system_raw (VrVariant  *self,
                            const char *system)
{
  VrNameSystem value = VR_NAME_SYSTEM_OTHER;

  g_return_if_fail (VR_IS_VARIANT (self));
  g_return_if_fail (system != NULL);

  if (vr_name_system_from_string (system, &value))
    set_system_internal (self, value, vr_name_system_to_string (value));
  else
    set_system_internal (self, value, g_intern_string (system));
}

/* VR_VARIANT_STATUS_CONFIRMED when the file gave no status;
 * VR_VARIANT_STATUS_SUGGESTED when it gave one this build does not know. */
VrVariantStatus
vr_variant_get_status (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), VR_VARIANT_STATUS_CONFIRMED);

  return self->status;
}

static void
set_status_internal (VrVariant       *self,
                     VrVariantStatus  status,
                     const char      *raw)
{
  gboolean changed = FALSE;

  /* Giving the status it already shows only makes it explicit. */
  if (self->status_raw != NULL && self->status_raw != raw)
    changed = TRUE;
  self->status_raw = raw;

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      changed = TRUE;
    }

  if (changed)
    _vr_document_changed (get_document (self));
}

void
vr_variant_set_status (VrVariant       *self,
                       VrVariantStatus  status)
{
  g_return_if_fail (VR_IS_VARIANT (self));
  g_return_if_fail (status <= VR_VARIANT_STATUS_REJECTED);

  set_status_internal (self, status, vr_variant_status_to_string (status));
}

/* The status string as read or set, or NULL when there never was one. */
const char *
vr_variant_get_status_raw (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), NULL);

  return self->status_raw;
}

gboolean
_vr_variant_has_status (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), FALSE);

  return self->status_raw != NULL;
}

void
_vr_variant_set_status_raw (VrVariant  *self,
                            const char *status)
{
  VrVariantStatus value = VR_VARIANT_STATUS_SUGGESTED;

  g_return_if_fail (VR_IS_VARIANT (self));

  if (status == NULL)
    set_status_internal (self, VR_VARIANT_STATUS_CONFIRMED, NULL);
  else if (vr_variant_status_from_string (status, &value))
    set_status_internal (self, value, vr_variant_status_to_string (value));
  else
    set_status_internal (self, value, g_intern_string (status));
}

const char *
vr_variant_get_note (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), NULL);

  return self->note;
}

void
vr_variant_set_note (VrVariant  *self,
                     const char *note)
{
  g_return_if_fail (VR_IS_VARIANT (self));

  if (_vr_set_string (&self->note, note))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
      _vr_document_changed (get_document (self));
    }
}

guint
vr_variant_get_count (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), 0);

  return self->count;
}

void
_vr_variant_set_count (VrVariant *self,
                       guint      count)
{
  if (self->count != count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

VrEntity *
vr_variant_get_entity (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), NULL);

  return self->entity;
}

void
_vr_variant_set_entity (VrVariant *self,
                        VrEntity  *entity)
{
  if (self->entity != entity)
    {
      self->entity = entity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
    }
}

JsonObject *
_vr_variant_get_extra (VrVariant *self)
{
  g_return_val_if_fail (VR_IS_VARIANT (self), NULL);

  return self->extra;
}

void
_vr_variant_set_extra (VrVariant  *self,
                       JsonObject *extra)
{
  g_return_if_fail (VR_IS_VARIANT (self));

  _vr_set_extra (&self->extra, extra);
}
