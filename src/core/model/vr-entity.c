/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-entity"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrEntity, vr_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_HANGUL,
  PROP_HANJA,
  PROP_CYRILLIC,
  PROP_DESCRIPTION,
  PROP_MENTION_COUNT,
  PROP_VARIANTS,
  PROP_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const gsize string_offsets[] = {
  [PROP_NAME] = G_STRUCT_OFFSET (VrEntity, name),
  [PROP_HANGUL] = G_STRUCT_OFFSET (VrEntity, hangul),
  [PROP_HANJA] = G_STRUCT_OFFSET (VrEntity, hanja),
  [PROP_CYRILLIC] = G_STRUCT_OFFSET (VrEntity, cyrillic),
  [PROP_DESCRIPTION] = G_STRUCT_OFFSET (VrEntity, description),
};

static inline char **
string_field (VrEntity *self,
              guint     prop_id)
{
  return G_STRUCT_MEMBER_P (self, string_offsets[prop_id]);
}

static void
set_string_prop (VrEntity   *self,
                 guint       prop_id,
                 const char *value)
{
  g_return_if_fail (VR_IS_ENTITY (self));

  if (_vr_set_string (string_field (self, prop_id), value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      _vr_document_changed (self->document);
    }
}

static void
vr_entity_dispose (GObject *object)
{
  VrEntity *self = (VrEntity *)object;
  GPtrArray *variants = _vr_object_list_get_array (self->variants);

  for (guint i = 0; i < variants->len; i++)
    ((VrVariant *) g_ptr_array_index (variants, i))->entity = NULL;
  _vr_object_list_clear (self->variants);
  _vr_object_list_clear (self->mentions);

  G_OBJECT_CLASS (vr_entity_parent_class)->dispose (object);
}

static void
vr_entity_finalize (GObject *object)
{
  VrEntity *self = (VrEntity *)object;

  g_clear_pointer (&self->id, g_free);
  for (guint i = PROP_NAME; i <= PROP_DESCRIPTION; i++)
    g_clear_pointer (string_field (self, i), g_free);
  g_clear_object (&self->variants);
  g_clear_object (&self->mentions);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_entity_parent_class)->finalize (object);
}

static void
vr_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VrEntity *self = VR_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
    case PROP_HANGUL:
    case PROP_HANJA:
    case PROP_CYRILLIC:
    case PROP_DESCRIPTION:
      g_value_set_string (value, *string_field (self, prop_id));
      break;

    case PROP_MENTION_COUNT:
      g_value_set_uint (value, self->mention_count);
      break;

    case PROP_VARIANTS:
      g_value_set_object (value, self->variants);
      break;

    case PROP_MENTIONS:
      g_value_set_object (value, self->mentions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VrEntity *self = VR_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_KIND:
      vr_entity_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
    case PROP_HANGUL:
    case PROP_HANJA:
    case PROP_CYRILLIC:
    case PROP_DESCRIPTION:
      set_string_prop (self, prop_id, g_value_get_string (value));
      break;

    case PROP_MENTION_COUNT:
    case PROP_VARIANTS:
    case PROP_MENTIONS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_entity_class_init (VrEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vr_entity_dispose;
  object_class->finalize = vr_entity_finalize;
  object_class->get_property = vr_entity_get_property;
  object_class->set_property = vr_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       VR_TYPE_ENTITY_KIND, VR_ENTITY_KIND_PERSON,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HANGUL] =
    g_param_spec_string ("hangul", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HANJA] =
    g_param_spec_string ("hanja", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CYRILLIC] =
    g_param_spec_string ("cyrillic", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MENTION_COUNT] =
    g_param_spec_uint ("mention-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VARIANTS] =
    g_param_spec_object ("variants", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MENTIONS] =
    g_param_spec_object ("mentions", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_entity_init (VrEntity *self)
{
  self->kind = VR_ENTITY_KIND_PERSON;
  self->kind_raw = vr_entity_kind_to_string (VR_ENTITY_KIND_PERSON);
  self->variants = _vr_object_list_new (VR_TYPE_VARIANT, TRUE);
  self->mentions = _vr_object_list_new (VR_TYPE_MENTION, FALSE);
}

VrEntity *
vr_entity_new (const char   *id,
               VrEntityKind  kind,
               const char   *name)
{
  VrEntity *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (kind <= VR_ENTITY_KIND_OTHER, NULL);

  self = g_object_new (VR_TYPE_ENTITY, "id", id, NULL);
  self->kind = kind;
  self->kind_raw = vr_entity_kind_to_string (kind);
  self->name = g_strdup (name);

  return self;
}

const char *
vr_entity_get_id (VrEntity *self)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), NULL);

  return self->id;
}

/* VR_ENTITY_KIND_OTHER when the file held a kind this build does not know. */
VrEntityKind
vr_entity_get_kind (VrEntity *self)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), VR_ENTITY_KIND_OTHER);

  return self->kind;
}

static void
set_kind_internal (VrEntity     *self,
                   VrEntityKind  kind,
                   const char   *raw)
{
  gboolean changed = (self->kind_raw != raw);

  self->kind_raw = raw;
  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
      changed = TRUE;
    }

  if (changed)
    _vr_document_changed (self->document);
}

void
vr_entity_set_kind (VrEntity     *self,
                    VrEntityKind  kind)
{
  g_return_if_fail (VR_IS_ENTITY (self));
  g_return_if_fail (kind <= VR_ENTITY_KIND_OTHER);

  set_kind_internal (self, kind, vr_entity_kind_to_string (kind));
}

const char *
vr_entity_get_kind_raw (VrEntity *self)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), NULL);

  return self->kind_raw;
}

void
_vr_entity_set_kind_raw (VrEntity   *self,
                         const char *kind)
{
  VrEntityKind value = VR_ENTITY_KIND_OTHER;

  g_return_if_fail (VR_IS_ENTITY (self));
  g_return_if_fail (kind != NULL);

  if (vr_entity_kind_from_string (kind, &value))
    set_kind_internal (self, value, vr_entity_kind_to_string (value));
  else
    set_kind_internal (self, value, g_intern_string (kind));
}

#define DEFINE_STRING_PROPERTY(field, PROP)                                   \
const char *                                                                  \
vr_entity_get_##field (VrEntity *self)                                        \
{                                                                             \
  g_return_val_if_fail (VR_IS_ENTITY (self), NULL);                           \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
vr_entity_set_##field (VrEntity   *self,                                      \
                       const char *field)                                     \
{                                                                             \
  set_string_prop (self, PROP, field);                                        \
}

DEFINE_STRING_PROPERTY (name, PROP_NAME)
DEFINE_STRING_PROPERTY (hangul, PROP_HANGUL)
DEFINE_STRING_PROPERTY (hanja, PROP_HANJA)
DEFINE_STRING_PROPERTY (cyrillic, PROP_CYRILLIC)
DEFINE_STRING_PROPERTY (description, PROP_DESCRIPTION)

GListModel *
vr_entity_get_variants (VrEntity *self)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), NULL);

  return G_LIST_MODEL (self->variants);
}

void
vr_entity_insert_variant (VrEntity  *self,
                          guint      position,
                          VrVariant *variant)
{
  g_return_if_fail (VR_IS_ENTITY (self));
  g_return_if_fail (VR_IS_VARIANT (variant));
  g_return_if_fail (variant->entity == NULL);

  position = MIN (position, _vr_object_list_get_length (self->variants));
  _vr_object_list_insert (self->variants, position, variant);
  _vr_variant_set_entity (variant, self);
  _vr_document_recount_variants (self->document, self);
  _vr_document_changed (self->document);
}

void
vr_entity_add_variant (VrEntity  *self,
                       VrVariant *variant)
{
  g_return_if_fail (VR_IS_ENTITY (self));

  vr_entity_insert_variant (self, _vr_object_list_get_length (self->variants), variant);
}

void
vr_entity_remove_variant (VrEntity  *self,
                          VrVariant *variant)
{
  g_autoptr(VrVariant) hold = NULL;
  int position;

  g_return_if_fail (VR_IS_ENTITY (self));
  g_return_if_fail (VR_IS_VARIANT (variant));

  position = _vr_object_list_find (self->variants, variant);
  g_return_if_fail (position >= 0);

  hold = g_object_ref (variant);
  _vr_object_list_remove_index (self->variants, position);
  _vr_variant_set_entity (variant, NULL);
  _vr_variant_set_count (variant, 0);
  _vr_document_recount_variants (self->document, self);
  _vr_document_changed (self->document);
}

VrVariant *
vr_entity_lookup_variant (VrEntity   *self,
                          const char *form)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), NULL);
  g_return_val_if_fail (form != NULL, NULL);

  return _vr_entity_match_variant (self, form, strlen (form));
}

VrVariant *
_vr_entity_match_variant (VrEntity   *self,
                          const char *text,
                          gsize       len)
{
  GPtrArray *variants = _vr_object_list_get_array (self->variants);

  for (guint i = 0; i < variants->len; i++)
    {
      VrVariant *variant = g_ptr_array_index (variants, i);

      if (strncmp (variant->form, text, len) == 0 && variant->form[len] == '\0')
        return variant;
    }

  return NULL;
}

GListModel *
vr_entity_get_mentions (VrEntity *self)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), NULL);

  return G_LIST_MODEL (self->mentions);
}

guint
vr_entity_get_mention_count (VrEntity *self)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), 0);

  return self->mention_count;
}

void
_vr_entity_set_mention_count (VrEntity *self,
                              guint     count)
{
  if (self->mention_count != count)
    {
      self->mention_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTION_COUNT]);
    }
}

JsonObject *
_vr_entity_get_extra (VrEntity *self)
{
  g_return_val_if_fail (VR_IS_ENTITY (self), NULL);

  return self->extra;
}

void
_vr_entity_set_extra (VrEntity   *self,
                      JsonObject *extra)
{
  g_return_if_fail (VR_IS_ENTITY (self));

  _vr_set_extra (&self->extra, extra);
}
