/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-mention"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrMention, vr_mention, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_PARAGRAPH,
  PROP_VERSION_ID,
  PROP_START,
  PROP_END,
  PROP_SHORT,
  PROP_UNCERTAIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static VrDocument *
get_document (VrMention *self)
{
  if (!self->in_document || self->entity == NULL)
    return NULL;

  return self->entity->document;
}

static void
vr_mention_dispose (GObject *object)
{
  VrMention *self = (VrMention *)object;

  g_clear_object (&self->entity);
  g_clear_object (&self->paragraph);

  G_OBJECT_CLASS (vr_mention_parent_class)->dispose (object);
}

static void
vr_mention_finalize (GObject *object)
{
  VrMention *self = (VrMention *)object;

  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_mention_parent_class)->finalize (object);
}

static void
vr_mention_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VrMention *self = VR_MENTION (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
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

    case PROP_SHORT:
      g_value_set_boolean (value, self->is_short);
      break;

    case PROP_UNCERTAIN:
      g_value_set_boolean (value, self->uncertain);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_mention_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VrMention *self = VR_MENTION (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      vr_mention_set_entity (self, g_value_get_object (value));
      break;

    case PROP_SHORT:
      vr_mention_set_short (self, g_value_get_boolean (value));
      break;

    case PROP_UNCERTAIN:
      vr_mention_set_uncertain (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_mention_class_init (VrMentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vr_mention_dispose;
  object_class->finalize = vr_mention_finalize;
  object_class->get_property = vr_mention_get_property;
  object_class->set_property = vr_mention_set_property;

  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, VR_TYPE_ENTITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARAGRAPH] =
    g_param_spec_object ("paragraph", NULL, NULL, VR_TYPE_PARAGRAPH,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION_ID] =
    g_param_spec_string ("version-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHORT] =
    g_param_spec_boolean ("short", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNCERTAIN] =
    g_param_spec_boolean ("uncertain", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_mention_init (VrMention *self)
{
}

VrMention *
_vr_mention_new_interned (VrEntity    *entity,
                          VrParagraph *paragraph,
                          const char  *version_id,
                          guint        start,
                          guint        end)
{
  VrMention *self;

  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);
  g_return_val_if_fail (version_id != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (VR_TYPE_MENTION, NULL);
  self->entity = g_object_ref (entity);
  self->paragraph = g_object_ref (paragraph);
  self->version_id = version_id;
  self->start = start;
  self->end = end;

  return self;
}

VrMention *
vr_mention_new (VrEntity    *entity,
                VrParagraph *paragraph,
                const char  *version_id,
                guint        start,
                guint        end)
{
  g_return_val_if_fail (version_id != NULL, NULL);

  return _vr_mention_new_interned (entity, paragraph, g_intern_string (version_id), start, end);
}

VrEntity *
vr_mention_get_entity (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), NULL);

  return self->entity;
}

/* Within a document this is vr_document_retarget_mention(). */
void
vr_mention_set_entity (VrMention *self,
                       VrEntity  *entity)
{
  VrDocument *document;

  g_return_if_fail (VR_IS_MENTION (self));
  g_return_if_fail (VR_IS_ENTITY (entity));

  if (self->entity == entity)
    return;

  document = get_document (self);
  if (document != NULL)
    {
      vr_document_retarget_mention (document, self, entity);
      return;
    }

  g_set_object (&self->entity, entity);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
}

/* Called by the document once its indexes are updated. */
void
_vr_mention_notify_entity (VrMention *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
}

VrParagraph *
vr_mention_get_paragraph (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), NULL);

  return self->paragraph;
}

const char *
vr_mention_get_version_id (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), NULL);

  return self->version_id;
}

guint
vr_mention_get_start (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), 0);

  return self->start;
}

guint
vr_mention_get_end (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), 0);

  return self->end;
}

gboolean
vr_mention_get_short (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), FALSE);

  return self->is_short;
}

void
vr_mention_set_short (VrMention *self,
                      gboolean   is_short)
{
  VrDocument *document;

  g_return_if_fail (VR_IS_MENTION (self));

  is_short = !!is_short;
  if (self->is_short == (guint) is_short)
    return;

  self->is_short = is_short;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT]);

  /* Short references do not count towards a variant. */
  document = get_document (self);
  _vr_document_recount_variants (document, self->entity);
  _vr_document_changed (document);
}

gboolean
vr_mention_get_uncertain (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), FALSE);

  return self->uncertain;
}

void
vr_mention_set_uncertain (VrMention *self,
                          gboolean   uncertain)
{
  g_return_if_fail (VR_IS_MENTION (self));

  uncertain = !!uncertain;
  if (self->uncertain == (guint) uncertain)
    return;

  self->uncertain = uncertain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNCERTAIN]);
  _vr_document_changed (get_document (self));
}

gboolean
_vr_mention_get_byte_range (VrMention   *self,
                            const char **begin,
                            gsize       *len)
{
  const char *text;
  const char *start;
  const char *end;

  text = vr_paragraph_get_text (self->paragraph, self->version_id);
  if (text == NULL)
    return FALSE;
  if (self->end > vr_paragraph_get_n_chars (self->paragraph, self->version_id))
    return FALSE;

  start = g_utf8_offset_to_pointer (text, self->start);
  end = g_utf8_offset_to_pointer (start, self->end - self->start);
  *begin = start;
  *len = end - start;

  return TRUE;
}

char *
vr_mention_dup_text (VrMention *self)
{
  const char *begin;
  gsize len;

  g_return_val_if_fail (VR_IS_MENTION (self), NULL);

  if (!_vr_mention_get_byte_range (self, &begin, &len))
    return NULL;

  return g_strndup (begin, len);
}

JsonObject *
_vr_mention_get_extra (VrMention *self)
{
  g_return_val_if_fail (VR_IS_MENTION (self), NULL);

  return self->extra;
}

void
_vr_mention_set_extra (VrMention  *self,
                       JsonObject *extra)
{
  g_return_if_fail (VR_IS_MENTION (self));

  _vr_set_extra (&self->extra, extra);
}
