/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-paragraph"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrParagraph, vr_paragraph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  N_PROPS
};

enum {
  TEXT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_text (gpointer data)
{
  VrParagraphText *text = data;

  g_clear_pointer (&text->text, g_free);
}

static VrParagraphText *
find_text (VrParagraph *self,
           const char  *version_id)
{
  if (version_id == NULL || self->texts == NULL)
    return NULL;

  /* Callers almost always pass an interned id: try pointers first. */
  for (guint i = 0; i < self->texts->len; i++)
    {
      VrParagraphText *text = &g_array_index (self->texts, VrParagraphText, i);

      if (text->version_id == version_id)
        return text;
    }

  for (guint i = 0; i < self->texts->len; i++)
    {
      VrParagraphText *text = &g_array_index (self->texts, VrParagraphText, i);

      if (strcmp (text->version_id, version_id) == 0)
        return text;
    }

  return NULL;
}

static void
vr_paragraph_finalize (GObject *object)
{
  VrParagraph *self = (VrParagraph *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_paragraph_parent_class)->finalize (object);
}

static void
vr_paragraph_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VrParagraph *self = VR_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_paragraph_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VrParagraph *self = VR_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_KIND:
      vr_paragraph_set_kind (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_paragraph_class_init (VrParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vr_paragraph_finalize;
  object_class->get_property = vr_paragraph_get_property;
  object_class->set_property = vr_paragraph_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       VR_TYPE_PARAGRAPH_KIND, VR_PARAGRAPH_KIND_BODY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VrParagraph::text-changed:
   * @version_id: the version whose text changed (also the detail)
   */
  signals[TEXT_CHANGED] =
    g_signal_new ("text-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
vr_paragraph_init (VrParagraph *self)
{
  self->kind = VR_PARAGRAPH_KIND_BODY;
  self->kind_raw = vr_paragraph_kind_to_string (VR_PARAGRAPH_KIND_BODY);
}

VrParagraph *
vr_paragraph_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (VR_TYPE_PARAGRAPH, "id", id, NULL);
}

const char *
vr_paragraph_get_id (VrParagraph *self)
{
  g_return_val_if_fail (VR_IS_PARAGRAPH (self), NULL);

  return self->id;
}

/* VR_PARAGRAPH_KIND_BODY when the file held a kind this build does not know. */
VrParagraphKind
vr_paragraph_get_kind (VrParagraph *self)
{
  g_return_val_if_fail (VR_IS_PARAGRAPH (self), VR_PARAGRAPH_KIND_BODY);

  return self->kind;
}

static void
set_kind_internal (VrParagraph     *self,
                   VrParagraphKind  kind,
                   const char      *raw)
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
vr_paragraph_set_kind (VrParagraph     *self,
                       VrParagraphKind  kind)
{
  g_return_if_fail (VR_IS_PARAGRAPH (self));
  g_return_if_fail (kind <= VR_PARAGRAPH_KIND_NOTE);

  set_kind_internal (self, kind, vr_paragraph_kind_to_string (kind));
}

const char *
vr_paragraph_get_kind_raw (VrParagraph *self)
{
  g_return_val_if_fail (VR_IS_PARAGRAPH (self), NULL);

  return self->kind_raw;
}

void
_vr_paragraph_set_kind_raw (VrParagraph *self,
                            const char  *kind)
{
  VrParagraphKind value = VR_PARAGRAPH_KIND_BODY;

  g_return_if_fail (VR_IS_PARAGRAPH (self));
  g_return_if_fail (kind != NULL);

  if (vr_paragraph_kind_from_string (kind, &value))
    set_kind_internal (self, value, vr_paragraph_kind_to_string (value));
  else
    set_kind_internal (self, value, g_intern_string (kind));
}

const char *
vr_paragraph_get_text (VrParagraph *self,
                       const char  *version_id)
{
  VrParagraphText *text;

  g_return_val_if_fail (VR_IS_PARAGRAPH (self), NULL);

  text = find_text (self, version_id);
  return text != NULL ? text->text : NULL;
}

static void
replace_text (VrParagraph *self,
              const char  *version_id,
              char        *new_text,
              gssize       n_chars)
{
  g_autoptr(GHashTable) deltas = NULL;
  VrParagraphText *text;
  const char *interned = g_intern_string (version_id);

  text = find_text (self, interned);

  if (text == NULL && new_text == NULL)
    return;
  if (text != NULL && g_strcmp0 (text->text, new_text) == 0)
    {
      g_free (new_text);
      return;
    }

  deltas = _vr_document_paragraph_text_will_change (self->document, self, interned);

  if (new_text == NULL)
    {
      guint index = text - &g_array_index (self->texts, VrParagraphText, 0);

      g_array_remove_index (self->texts, index);
    }
  else
    {
      if (text == NULL)
        {
          VrParagraphText empty = { interned, NULL, 0 };

          if (self->texts == NULL)
            {
              self->texts = g_array_sized_new (FALSE, FALSE, sizeof (VrParagraphText), 1);
              g_array_set_clear_func (self->texts, clear_text);
            }
          g_array_append_val (self->texts, empty);
          text = &g_array_index (self->texts, VrParagraphText, self->texts->len - 1);
        }

      g_free (text->text);
      text->text = new_text;
      text->n_chars = n_chars >= 0 ? (guint) n_chars : (guint) g_utf8_strlen (new_text, -1);
    }

  _vr_document_paragraph_text_did_change (self->document, self, interned, deltas);
  _vr_document_changed (self->document);
  g_signal_emit (self, signals[TEXT_CHANGED], g_quark_from_string (interned), interned);
}

/* @text NULL removes that version's text. */
void
vr_paragraph_set_text (VrParagraph *self,
                       const char  *version_id,
                       const char  *text)
{
  g_return_if_fail (VR_IS_PARAGRAPH (self));
  g_return_if_fail (version_id != NULL);
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  replace_text (self, version_id, g_strdup (text), -1);
}

void
_vr_paragraph_take_text (VrParagraph *self,
                         const char  *version_id,
                         char        *text,
                         gssize       n_chars)
{
  g_return_if_fail (VR_IS_PARAGRAPH (self));
  g_return_if_fail (version_id != NULL);

  replace_text (self, version_id, text, n_chars);
}

guint
vr_paragraph_get_n_chars (VrParagraph *self,
                          const char  *version_id)
{
  VrParagraphText *text;

  g_return_val_if_fail (VR_IS_PARAGRAPH (self), 0);

  text = find_text (self, version_id);
  return text != NULL ? text->n_chars : 0;
}

const char **
vr_paragraph_get_version_ids (VrParagraph *self)
{
  const char **ids;
  guint n;

  g_return_val_if_fail (VR_IS_PARAGRAPH (self), NULL);

  n = self->texts != NULL ? self->texts->len : 0;
  ids = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_array_index (self->texts, VrParagraphText, i).version_id;

  return ids;
}

JsonObject *
_vr_paragraph_get_extra (VrParagraph *self)
{
  g_return_val_if_fail (VR_IS_PARAGRAPH (self), NULL);

  return self->extra;
}

void
_vr_paragraph_set_extra (VrParagraph *self,
                         JsonObject  *extra)
{
  g_return_if_fail (VR_IS_PARAGRAPH (self));

  _vr_set_extra (&self->extra, extra);
}
