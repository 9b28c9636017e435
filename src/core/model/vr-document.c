/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vr-model-internal.h"
#include "vr-utf8-private.h"

G_DEFINE_FINAL_TYPE (VrDocument, vr_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FILE,
  PROP_TITLE,
  PROP_METADATA,
  PROP_MODIFIED,
  PROP_VERSIONS,
  PROP_PARAGRAPHS,
  PROP_ENTITIES,
  PROP_MENTIONS,
  PROP_ANNOTATIONS,
  PROP_DECISIONS,
  N_PROPS
};

enum {
  MENTIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Removing more separate runs of mentions than this at once is reported as
 * one change covering them all rather than one items-changed per run. */
#define MAX_REMOVAL_RUNS 32

/* A place in document order. A NULL version sorts before every version of
 * the paragraph. */
typedef struct
{
  guint       paragraph;
  const char *version;
  guint       start;
  guint       end;
} MentionKey;

static inline MentionKey
mention_key (const VrMention *mention)
{
  MentionKey key = {
    mention->paragraph->index, mention->version_id, mention->start, mention->end
  };

  return key;
}

static inline int
compare_key (const MentionKey *key,
             const VrMention  *mention)
{
  guint paragraph = mention->paragraph->index;
  int cmp;

  if (key->paragraph != paragraph)
    return key->paragraph < paragraph ? -1 : 1;
  if (key->version != mention->version_id)
    {
      if (key->version == NULL)
        return -1;
      cmp = strcmp (key->version, mention->version_id);
      if (cmp != 0)
        return cmp;
    }
  if (key->start != mention->start)
    return key->start < mention->start ? -1 : 1;
  if (key->end != mention->end)
    return key->end < mention->end ? -1 : 1;

  return 0;
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  MentionKey key = mention_key (*(VrMention **) a);

  return compare_key (&key, *(VrMention **) b);
}

/* First index whose mention is >= @key (@or_equal) or > @key. */
static guint
bound (GPtrArray        *mentions,
       const MentionKey *key,
       gboolean          or_equal)
{
  guint lo = 0;
  guint hi = mentions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = compare_key (key, g_ptr_array_index (mentions, mid));

      if (cmp > 0 || (cmp == 0 && !or_equal))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static int
find_mention (GPtrArray *mentions,
              VrMention *mention)
{
  MentionKey key = mention_key (mention);

  for (guint i = bound (mentions, &key, TRUE); i < mentions->len; i++)
    {
      VrMention *other = g_ptr_array_index (mentions, i);

      if (other == mention)
        return (int)i;
      if (compare_key (&key, other) != 0)
        break;
    }

  return -1;
}

/* The range of @mentions in @paragraph (and @version_id unless NULL). */
static void
paragraph_range (GPtrArray   *mentions,
                 VrParagraph *paragraph,
                 const char  *version_id,
                 guint       *begin,
                 guint       *end)
{
  MentionKey first = { paragraph->index, version_id, 0, 0 };
  MentionKey last = { paragraph->index + 1, NULL, 0, 0 };

  if (version_id != NULL)
    {
      last.paragraph = paragraph->index;
      last.version = version_id;
      last.start = G_MAXUINT;
      last.end = G_MAXUINT;
    }

  *begin = bound (mentions, &first, TRUE);
  *end = bound (mentions, &last, FALSE);
}

/* The variant a mention counts towards, or NULL. */
static VrVariant *
mention_variant (VrMention *mention)
{
  const char *text;
  gsize len;

  if (mention->is_short)
    return NULL;
  if (!_vr_mention_get_byte_range (mention, &text, &len))
    return NULL;

  return _vr_entity_match_variant (mention->entity, text, len);
}

static void
update_title (VrDocument *self)
{
  g_autofree char *title = NULL;
  const char *meta_title = vr_metadata_get_title (self->metadata);

  if (meta_title != NULL && meta_title[0] != '\0')
    title = g_strdup (meta_title);
  else if (self->file != NULL)
    title = g_file_get_basename (self->file);
  if (title == NULL)
    title = g_strdup (_("Untitled"));

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

static void
vr_document_dispose (GObject *object)
{
  VrDocument *self = (VrDocument *)object;
  GPtrArray *array;

  /* Break every back-pointer before the lists let go of the objects. */
  g_clear_pointer (&self->versions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->paragraphs_by_id, g_hash_table_unref);
  g_clear_pointer (&self->entities_by_id, g_hash_table_unref);

  if (self->entities != NULL)
    {
      array = _vr_object_list_get_array (self->entities);
      for (guint i = 0; i < array->len; i++)
        {
          VrEntity *entity = g_ptr_array_index (array, i);

          entity->document = NULL;
          _vr_object_list_clear (entity->mentions);
        }
    }
  if (self->mentions != NULL)
    {
      array = _vr_object_list_get_array (self->mentions);
      for (guint i = 0; i < array->len; i++)
        ((VrMention *) g_ptr_array_index (array, i))->in_document = FALSE;
    }
  if (self->paragraphs != NULL)
    {
      array = _vr_object_list_get_array (self->paragraphs);
      for (guint i = 0; i < array->len; i++)
        ((VrParagraph *) g_ptr_array_index (array, i))->document = NULL;
    }
  if (self->versions != NULL)
    {
      array = _vr_object_list_get_array (self->versions);
      for (guint i = 0; i < array->len; i++)
        ((VrVersion *) g_ptr_array_index (array, i))->document = NULL;
    }
  if (self->annotations != NULL)
    {
      array = _vr_object_list_get_array (self->annotations);
      for (guint i = 0; i < array->len; i++)
        ((VrAnnotation *) g_ptr_array_index (array, i))->document = NULL;
    }
  if (self->metadata != NULL)
    self->metadata->document = NULL;

  g_clear_object (&self->mentions);
  g_clear_object (&self->annotations);
  g_clear_object (&self->decisions);
  g_clear_object (&self->entities);
  g_clear_object (&self->paragraphs);
  g_clear_object (&self->versions);
  g_clear_object (&self->metadata);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (vr_document_parent_class)->dispose (object);
}

static void
vr_document_finalize (GObject *object)
{
  VrDocument *self = (VrDocument *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_document_parent_class)->finalize (object);
}

static void
vr_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VrDocument *self = VR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_METADATA:
      g_value_set_object (value, self->metadata);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_VERSIONS:
      g_value_set_object (value, self->versions);
      break;

    case PROP_PARAGRAPHS:
      g_value_set_object (value, self->paragraphs);
      break;

    case PROP_ENTITIES:
      g_value_set_object (value, self->entities);
      break;

    case PROP_MENTIONS:
      g_value_set_object (value, self->mentions);
      break;

    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;

    case PROP_DECISIONS:
      g_value_set_object (value, self->decisions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VrDocument *self = VR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      vr_document_set_id (self, g_value_get_string (value));
      break;

    case PROP_FILE:
      vr_document_set_file (self, g_value_get_object (value));
      break;

    case PROP_MODIFIED:
      vr_document_set_modified (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_document_class_init (VrDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vr_document_dispose;
  object_class->finalize = vr_document_finalize;
  object_class->get_property = vr_document_get_property;
  object_class->set_property = vr_document_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_METADATA] =
    g_param_spec_object ("metadata", NULL, NULL, VR_TYPE_METADATA,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The lists, for GtkBuilder and expressions; they never change. */
  properties[PROP_VERSIONS] =
    g_param_spec_object ("versions", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARAGRAPHS] =
    g_param_spec_object ("paragraphs", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTITIES] =
    g_param_spec_object ("entities", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MENTIONS] =
    g_param_spec_object ("mentions", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DECISIONS] =
    g_param_spec_object ("decisions", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VrDocument::mentions-changed:
   * @paragraph: the paragraph whose mentions changed
   * @version_id: the version of its text
   *
   * A mention of @paragraph in @version_id was added, removed or given to
   * another entity, so that a view can redecorate just that paragraph.
   * Not emitted for bulk loading (the "mentions" list says it all).
   */
  signals[MENTIONS_CHANGED] =
    g_signal_new ("mentions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  VR_TYPE_PARAGRAPH,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
vr_document_init (VrDocument *self)
{
  self->metadata = vr_metadata_new ();
  self->metadata->document = self;

  self->versions = _vr_object_list_new (VR_TYPE_VERSION, TRUE);
  self->paragraphs = _vr_object_list_new (VR_TYPE_PARAGRAPH, TRUE);
  self->entities = _vr_object_list_new (VR_TYPE_ENTITY, TRUE);
  self->mentions = _vr_object_list_new (VR_TYPE_MENTION, TRUE);
  self->annotations = _vr_object_list_new (VR_TYPE_ANNOTATION, TRUE);
  self->decisions = _vr_object_list_new (VR_TYPE_DECISION, TRUE);

  self->versions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->paragraphs_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->entities_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  self->title = g_strdup (_("Untitled"));
}

VrDocument *
vr_document_new (void)
{
  return g_object_new (VR_TYPE_DOCUMENT, NULL);
}

const char *
vr_document_get_id (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return self->id;
}

void
vr_document_set_id (VrDocument *self,
                    const char *id)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));

  if (_vr_set_string (&self->id, id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      _vr_document_changed (self);
    }
}

GFile *
vr_document_get_file (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return self->file;
}

/* Where the document lives is not an edit: "modified" stays as it is. */
void
vr_document_set_file (VrDocument *self,
                      GFile      *file)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_title (self);
}

const char *
vr_document_get_title (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return self->title;
}

VrMetadata *
vr_document_get_metadata (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return self->metadata;
}

gboolean
vr_document_get_modified (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

void
vr_document_set_modified (VrDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));

  modified = !!modified;
  if (self->modified != (guint) modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

void
_vr_document_changed (VrDocument *self)
{
  if (self == NULL || self->in_bulk)
    return;

  vr_document_set_modified (self, TRUE);
}

void
_vr_document_metadata_title_changed (VrDocument *self)
{
  if (self != NULL)
    update_title (self);
}

GListModel *
vr_document_get_versions (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->versions);
}

GListModel *
vr_document_get_paragraphs (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->paragraphs);
}

GListModel *
vr_document_get_entities (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->entities);
}

GListModel *
vr_document_get_mentions (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->mentions);
}

GListModel *
vr_document_get_annotations (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->annotations);
}

GListModel *
vr_document_get_decisions (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->decisions);
}

VrVersion *
vr_document_lookup_version (VrDocument *self,
                            const char *id)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->versions_by_id, id) : NULL;
}

VrParagraph *
vr_document_lookup_paragraph (VrDocument *self,
                              const char *id)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->paragraphs_by_id, id) : NULL;
}

VrEntity *
vr_document_lookup_entity (VrDocument *self,
                           const char *id)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->entities_by_id, id) : NULL;
}

int
vr_document_get_paragraph_index (VrDocument  *self,
                                 VrParagraph *paragraph)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), -1);

  if (paragraph->document != self)
    return -1;

  return (int) paragraph->index;
}

VrVersion *
vr_document_get_default_version (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  if (_vr_object_list_get_length (self->versions) == 0)
    return NULL;

  return _vr_object_list_peek (self->versions, 0);
}

void
vr_document_add_version (VrDocument *self,
                         VrVersion  *version)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_VERSION (version));
  g_return_if_fail (version->document == NULL);
  g_return_if_fail (!g_hash_table_contains (self->versions_by_id, version->id));

  version->document = self;
  g_hash_table_insert (self->versions_by_id, (char *) version->id, version);
  if (self->in_bulk)
    g_ptr_array_add (_vr_object_list_get_array (self->versions), g_object_ref (version));
  else
    _vr_object_list_append (self->versions, version);
  _vr_document_changed (self);
}

void
vr_document_add_paragraph (VrDocument  *self,
                           VrParagraph *paragraph)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_PARAGRAPH (paragraph));
  g_return_if_fail (paragraph->document == NULL);
  g_return_if_fail (!g_hash_table_contains (self->paragraphs_by_id, paragraph->id));

  paragraph->document = self;
  paragraph->index = _vr_object_list_get_length (self->paragraphs);
  g_hash_table_insert (self->paragraphs_by_id, paragraph->id, paragraph);
  if (self->in_bulk)
    g_ptr_array_add (_vr_object_list_get_array (self->paragraphs), g_object_ref (paragraph));
  else
    _vr_object_list_append (self->paragraphs, paragraph);
  _vr_document_changed (self);
}

void
vr_document_insert_entity (VrDocument *self,
                           guint       position,
                           VrEntity   *entity)
{
  GPtrArray *array;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_ENTITY (entity));
  g_return_if_fail (entity->document == NULL);
  g_return_if_fail (!g_hash_table_contains (self->entities_by_id, entity->id));

  array = _vr_object_list_get_array (self->entities);
  position = MIN (position, array->len);

  entity->document = self;
  g_hash_table_insert (self->entities_by_id, entity->id, entity);
  if (self->in_bulk)
    g_ptr_array_insert (array, position, g_object_ref (entity));
  else
    _vr_object_list_insert (self->entities, position, entity);
  _vr_document_changed (self);
}

void
vr_document_add_entity (VrDocument *self,
                        VrEntity   *entity)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));

  vr_document_insert_entity (self, G_MAXUINT, entity);
}

static void
zero_entity_counts (VrEntity *entity)
{
  GPtrArray *variants = _vr_object_list_get_array (entity->variants);

  _vr_entity_set_mention_count (entity, 0);
  for (guint i = 0; i < variants->len; i++)
    _vr_variant_set_count (g_ptr_array_index (variants, i), 0);
}

/* Drops every mention of @entity from the document's list. */
static void
remove_mentions_of (VrDocument *self,
                    VrEntity   *entity)
{
  GPtrArray *array = _vr_object_list_get_array (self->mentions);
  guint n_runs = 0;
  guint first = G_MAXUINT;
  gboolean in_run = FALSE;

  for (guint i = 0; i < array->len; i++)
    {
      gboolean match = ((VrMention *) g_ptr_array_index (array, i))->entity == entity;

      if (match && first == G_MAXUINT)
        first = i;
      if (match && !in_run)
        n_runs++;
      in_run = match;
    }

  if (n_runs == 0)
    return;

  if (n_runs <= MAX_REMOVAL_RUNS)
    {
      /* One items-changed per run, from the end so indexes stay valid. */
      for (guint i = array->len; i > first; )
        {
          guint end;

          i--;
          if (((VrMention *) g_ptr_array_index (array, i))->entity != entity)
            continue;

          end = i + 1;
          while (i > first && ((VrMention *) g_ptr_array_index (array, i - 1))->entity == entity)
            i--;

          for (guint j = i; j < end; j++)
            ((VrMention *) g_ptr_array_index (array, j))->in_document = FALSE;
          g_ptr_array_remove_range (array, i, end - i);
          _vr_object_list_emit (self->mentions, i, end - i, 0);
        }
    }
  else
    {
      guint old_len = array->len;
      guint kept = first;

      for (guint i = first; i < old_len; i++)
        {
          VrMention *mention = g_ptr_array_index (array, i);

          if (mention->entity == entity)
            {
              mention->in_document = FALSE;
              g_object_unref (mention);
            }
          else
            array->pdata[kept++] = mention;
        }
      array->len = kept;
      _vr_object_list_emit (self->mentions, first, old_len - first, kept - first);
    }
}

void
vr_document_remove_entity (VrDocument *self,
                           VrEntity   *entity)
{
  g_autoptr(VrEntity) hold = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) variants = NULL;
  GPtrArray *own;
  guint n_own;
  int position;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_ENTITY (entity));
  g_return_if_fail (entity->document == self);
  g_return_if_fail (!self->in_bulk);

  position = _vr_object_list_find (self->entities, entity);
  g_return_if_fail (position >= 0);

  hold = g_object_ref (entity);

  /* The entity's own list only borrows the mentions: keep them alive until
   * both lists have let go. */
  own = _vr_object_list_get_array (entity->mentions);
  n_own = own->len;
  gone = g_ptr_array_new_full (n_own, g_object_unref);
  for (guint i = 0; i < n_own; i++)
    g_ptr_array_add (gone, g_object_ref (g_ptr_array_index (own, i)));

  /* Empty the entity and zero its counts first, announce after. */
  variants = g_ptr_array_new_with_free_func (g_object_unref);
  g_object_freeze_notify (G_OBJECT (entity));
  for (guint i = 0; i < _vr_object_list_get_length (entity->variants); i++)
    {
      GObject *variant = _vr_object_list_peek (entity->variants, i);

      g_ptr_array_add (variants, g_object_ref (variant));
      g_object_freeze_notify (variant);
    }
  g_ptr_array_set_size (own, 0);
  zero_entity_counts (entity);

  remove_mentions_of (self, entity);
  _vr_object_list_emit (entity->mentions, 0, n_own, 0);

  g_hash_table_remove (self->entities_by_id, entity->id);
  entity->document = NULL;
  _vr_object_list_remove_index (self->entities, position);

  for (guint i = 0; i < variants->len; i++)
    g_object_thaw_notify (g_ptr_array_index (variants, i));
  g_object_thaw_notify (G_OBJECT (entity));

  /* In document order, so each paragraph and version comes in one run. */
  for (guint i = 0; i < gone->len; i++)
    {
      VrMention *mention = g_ptr_array_index (gone, i);
      VrMention *next = i + 1 < gone->len ? g_ptr_array_index (gone, i + 1) : NULL;

      if (next == NULL ||
          next->paragraph != mention->paragraph ||
          next->version_id != mention->version_id)
        g_signal_emit (self, signals[MENTIONS_CHANGED], 0,
                       mention->paragraph, mention->version_id);
    }

  _vr_document_changed (self);
}

/* Links @mention into its entity's list and counts it. Notifications on
 * the entity and @variant (the one the mention counts for) are frozen by
 * the caller, who emits items-changed at the returned position once every
 * list and count is in step. */
static guint
count_in (VrMention *mention,
          VrVariant *variant,
          GPtrArray *document_order)
{
  VrEntity *entity = mention->entity;
  GPtrArray *array = _vr_object_list_get_array (entity->mentions);
  MentionKey key = mention_key (mention);
  guint position = bound (array, &key, FALSE);

  /* A mention that was already in the document (retargeted) goes among
   * equal spans where the document's list has it, so both lists agree. */
  if (document_order != NULL)
    {
      guint first = bound (array, &key, TRUE);
      guint last = position;

      if (first < last)
        {
          int mine = find_mention (document_order, mention);

          position = first;
          for (guint i = first; i < last; i++)
            if (find_mention (document_order, g_ptr_array_index (array, i)) < mine)
              position = i + 1;
        }
    }

  g_ptr_array_insert (array, position, mention);
  _vr_entity_set_mention_count (entity, array->len);
  if (variant != NULL)
    _vr_variant_set_count (variant, variant->count + 1);

  return position;
}

static guint
count_out (VrMention *mention,
           VrVariant *variant)
{
  VrEntity *entity = mention->entity;
  GPtrArray *array = _vr_object_list_get_array (entity->mentions);
  int position = find_mention (array, mention);

  g_assert (position >= 0);

  g_ptr_array_remove_index (array, position);
  _vr_entity_set_mention_count (entity, array->len);
  if (variant != NULL && variant->count > 0)
    _vr_variant_set_count (variant, variant->count - 1);

  return position;
}

static void
freeze (VrEntity  *entity,
        VrVariant *variant)
{
  g_object_freeze_notify (G_OBJECT (entity));
  if (variant != NULL)
    g_object_freeze_notify (G_OBJECT (variant));
}

static void
thaw (VrEntity  *entity,
      VrVariant *variant)
{
  if (variant != NULL)
    g_object_thaw_notify (G_OBJECT (variant));
  g_object_thaw_notify (G_OBJECT (entity));
}

void
vr_document_add_mention (VrDocument *self,
                         VrMention  *mention)
{
  g_autoptr(VrEntity) entity = NULL;
  g_autoptr(VrVariant) variant = NULL;
  GPtrArray *array;
  MentionKey key;
  guint position;
  guint entity_position;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_MENTION (mention));
  g_return_if_fail (!mention->in_document);
  g_return_if_fail (mention->entity->document == self);
  g_return_if_fail (mention->paragraph->document == self);

  array = _vr_object_list_get_array (self->mentions);
  mention->in_document = TRUE;

  if (self->in_bulk)
    {
      g_ptr_array_add (array, g_object_ref (mention));
      return;
    }

  entity = g_object_ref (mention->entity);
  variant = mention_variant (mention);
  if (variant != NULL)
    g_object_ref (variant);
  freeze (entity, variant);

  key = mention_key (mention);
  position = bound (array, &key, FALSE);
  g_ptr_array_insert (array, position, g_object_ref (mention));
  entity_position = count_in (mention, variant, NULL);

  _vr_object_list_emit (self->mentions, position, 0, 1);
  _vr_object_list_emit (entity->mentions, entity_position, 0, 1);
  thaw (entity, variant);

  _vr_document_changed (self);
  g_signal_emit (self, signals[MENTIONS_CHANGED], 0, mention->paragraph, mention->version_id);
}

void
vr_document_remove_mention (VrDocument *self,
                            VrMention  *mention)
{
  g_autoptr(VrMention) hold = NULL;
  g_autoptr(VrEntity) entity = NULL;
  g_autoptr(VrVariant) variant = NULL;
  GPtrArray *array;
  guint entity_position;
  int position;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_MENTION (mention));
  g_return_if_fail (mention->in_document && mention->entity->document == self);
  g_return_if_fail (!self->in_bulk);

  array = _vr_object_list_get_array (self->mentions);
  position = find_mention (array, mention);
  g_return_if_fail (position >= 0);

  entity = g_object_ref (mention->entity);
  variant = mention_variant (mention);
  if (variant != NULL)
    g_object_ref (variant);
  freeze (entity, variant);

  hold = g_ptr_array_steal_index (array, position);
  mention->in_document = FALSE;
  entity_position = count_out (mention, variant);

  _vr_object_list_emit (self->mentions, position, 1, 0);
  _vr_object_list_emit (entity->mentions, entity_position, 1, 0);
  thaw (entity, variant);

  _vr_document_changed (self);
  g_signal_emit (self, signals[MENTIONS_CHANGED], 0, mention->paragraph, mention->version_id);
}

void
vr_document_retarget_mention (VrDocument *self,
                              VrMention  *mention,
                              VrEntity   *entity)
{
  g_autoptr(VrEntity) old = NULL;
  g_autoptr(VrVariant) old_variant = NULL;
  g_autoptr(VrVariant) new_variant = NULL;
  guint old_position;
  guint new_position;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_MENTION (mention));
  g_return_if_fail (VR_IS_ENTITY (entity));
  g_return_if_fail (mention->in_document && mention->entity->document == self);
  g_return_if_fail (entity->document == self);
  g_return_if_fail (!self->in_bulk);

  if (mention->entity == entity)
    return;

  old = g_object_ref (mention->entity);
  old_variant = mention_variant (mention);
  if (old_variant != NULL)
    g_object_ref (old_variant);
  freeze (old, old_variant);
  old_position = count_out (mention, old_variant);

  /* The mention's reference moves from the old entity to the new one. */
  g_set_object (&mention->entity, entity);
  new_variant = mention_variant (mention);
  if (new_variant != NULL)
    g_object_ref (new_variant);
  freeze (entity, new_variant);
  new_position = count_in (mention, new_variant, _vr_object_list_get_array (self->mentions));

  g_object_freeze_notify (G_OBJECT (mention));
  _vr_mention_notify_entity (mention);
  _vr_object_list_emit (old->mentions, old_position, 1, 0);
  _vr_object_list_emit (entity->mentions, new_position, 0, 1);
  thaw (entity, new_variant);
  thaw (old, old_variant);
  g_object_thaw_notify (G_OBJECT (mention));

  _vr_document_changed (self);
  g_signal_emit (self, signals[MENTIONS_CHANGED], 0, mention->paragraph, mention->version_id);
}

/* Merges the sorted @added into the sorted @array (both of mentions);
 * returns the first position whose item changed, or G_MAXUINT. @array
 * takes a reference on each added item when @ref is TRUE. */
static guint
merge_sorted (GPtrArray *array,
              GPtrArray *added,
              gboolean   ref)
{
  guint n_old = array->len;
  guint first = G_MAXUINT;
  guint i, j, k;

  if (added->len == 0)
    return G_MAXUINT;

  g_ptr_array_set_size (array, n_old + added->len);

  /* From the back, so that nothing is overwritten before it is moved. An
   * old item equal to a new one stays before it. */
  i = n_old;
  j = added->len;
  k = array->len;
  while (j > 0)
    {
      VrMention *next = g_ptr_array_index (added, j - 1);

      if (i > 0 && compare_mentions (&array->pdata[i - 1], &next) > 0)
        array->pdata[--k] = array->pdata[--i];
      else
        {
          array->pdata[--k] = ref ? g_object_ref (next) : next;
          j--;
          first = k;
        }
    }

  return first;
}

void
vr_document_add_mentions (VrDocument *self,
                          GPtrArray  *mentions)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) frozen = NULL;
  g_autoptr(GHashTable) per_entity = NULL;
  GPtrArray *array;
  guint n_old;
  guint first;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (mentions != NULL);

  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < mentions->len; i++)
      {
        VrMention *mention = g_ptr_array_index (mentions, i);

        g_return_if_fail (VR_IS_MENTION (mention));
        g_return_if_fail (!mention->in_document);
        g_return_if_fail (mention->entity->document == self);
        g_return_if_fail (mention->paragraph->document == self);
        g_return_if_fail (g_hash_table_add (seen, mention));
      }
  }

  if (self->in_bulk || mentions->len == 0)
    {
      for (guint i = 0; i < mentions->len; i++)
        vr_document_add_mention (self, g_ptr_array_index (mentions, i));
      return;
    }

  sorted = g_ptr_array_new_full (mentions->len, NULL);
  for (guint i = 0; i < mentions->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (mentions, i));
  g_ptr_array_sort (sorted, compare_mentions);

  /* Group by entity, keeping document order, and freeze each entity and
   * its variants until every list and count is in step. */
  entities = g_ptr_array_new ();
  frozen = g_ptr_array_new_with_free_func (g_object_unref);
  per_entity = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < sorted->len; i++)
    {
      VrMention *mention = g_ptr_array_index (sorted, i);
      GPtrArray *group = g_hash_table_lookup (per_entity, mention->entity);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (per_entity, mention->entity, group);
          g_ptr_array_add (entities, mention->entity);

          g_ptr_array_add (frozen, g_object_ref (mention->entity));
          for (guint v = 0; v < _vr_object_list_get_length (mention->entity->variants); v++)
            g_ptr_array_add (frozen, g_object_ref (_vr_object_list_peek (mention->entity->variants, v)));
        }
      g_ptr_array_add (group, mention);
      mention->in_document = TRUE;
    }
  for (guint i = 0; i < frozen->len; i++)
    g_object_freeze_notify (g_ptr_array_index (frozen, i));

  array = _vr_object_list_get_array (self->mentions);
  n_old = array->len;
  first = merge_sorted (array, sorted, TRUE);

  {
    g_autofree guint *entity_first = g_new (guint, entities->len + 1);
    g_autofree guint *entity_n_old = g_new (guint, entities->len + 1);

    for (guint e = 0; e < entities->len; e++)
      {
        VrEntity *entity = g_ptr_array_index (entities, e);
        GPtrArray *group = g_hash_table_lookup (per_entity, entity);
        GPtrArray *own = _vr_object_list_get_array (entity->mentions);

        entity_n_old[e] = own->len;
        entity_first[e] = merge_sorted (own, group, FALSE);
        _vr_entity_set_mention_count (entity, own->len);
        for (guint i = 0; i < group->len; i++)
          {
            VrVariant *variant = mention_variant (g_ptr_array_index (group, i));

            if (variant != NULL)
              _vr_variant_set_count (variant, variant->count + 1);
          }
      }

    _vr_object_list_emit (self->mentions, first, n_old - first, array->len - first);
    for (guint e = 0; e < entities->len; e++)
      {
        VrEntity *entity = g_ptr_array_index (entities, e);
        guint n = _vr_object_list_get_length (entity->mentions);

        _vr_object_list_emit (entity->mentions, entity_first[e],
                              entity_n_old[e] - entity_first[e], n - entity_first[e]);
      }
  }

  for (guint i = frozen->len; i > 0; i--)
    g_object_thaw_notify (g_ptr_array_index (frozen, i - 1));

  _vr_document_changed (self);

  for (guint i = 0; i < sorted->len; i++)
    {
      VrMention *mention = g_ptr_array_index (sorted, i);
      VrMention *next = i + 1 < sorted->len ? g_ptr_array_index (sorted, i + 1) : NULL;

      if (next == NULL ||
          next->paragraph != mention->paragraph ||
          next->version_id != mention->version_id)
        g_signal_emit (self, signals[MENTIONS_CHANGED], 0,
                       mention->paragraph, mention->version_id);
    }
}

GPtrArray *
vr_document_get_paragraph_mentions (VrDocument  *self,
                                    VrParagraph *paragraph,
                                    const char  *version_id)
{
  GPtrArray *result;
  GPtrArray *array;
  guint begin;
  guint end;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);

  if (paragraph->document != self)
    return g_ptr_array_new_with_free_func (g_object_unref);

  array = _vr_object_list_get_array (self->mentions);
  paragraph_range (array, paragraph, version_id, &begin, &end);

  result = g_ptr_array_new_full (end - begin, g_object_unref);
  for (guint i = begin; i < end; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (array, i)));

  return result;
}

VrVariant *
vr_document_get_mention_variant (VrDocument *self,
                                 VrMention  *mention)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_MENTION (mention), NULL);

  return mention_variant (mention);
}

void
_vr_document_recount_variants (VrDocument *self,
                               VrEntity   *entity)
{
  GPtrArray *variants;
  GPtrArray *mentions;
  g_autofree guint *counts = NULL;

  if (self == NULL || entity == NULL || entity->document != self || self->in_bulk)
    return;

  variants = _vr_object_list_get_array (entity->variants);
  mentions = _vr_object_list_get_array (entity->mentions);
  counts = g_new0 (guint, variants->len + 1);

  for (guint i = 0; i < mentions->len; i++)
    {
      VrVariant *variant = mention_variant (g_ptr_array_index (mentions, i));

      if (variant == NULL)
        continue;
      for (guint j = 0; j < variants->len; j++)
        {
          if (g_ptr_array_index (variants, j) == variant)
            {
              counts[j]++;
              break;
            }
        }
    }

  for (guint j = 0; j < variants->len; j++)
    _vr_variant_set_count (g_ptr_array_index (variants, j), counts[j]);
}

/* A paragraph's text is about to change: returns what its mentions count
 * for now (variant → -n), to be settled by _did_change. */
GHashTable *
_vr_document_paragraph_text_will_change (VrDocument  *self,
                                         VrParagraph *paragraph,
                                         const char  *version_id)
{
  GHashTable *deltas;
  GPtrArray *array;
  guint begin;
  guint end;

  if (self == NULL || self->in_bulk)
    return NULL;

  array = _vr_object_list_get_array (self->mentions);
  paragraph_range (array, paragraph, version_id, &begin, &end);

  deltas = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  for (guint i = begin; i < end; i++)
    {
      VrVariant *variant = mention_variant (g_ptr_array_index (array, i));

      if (variant != NULL)
        {
          int delta = GPOINTER_TO_INT (g_hash_table_lookup (deltas, variant));

          g_hash_table_replace (deltas, g_object_ref (variant), GINT_TO_POINTER (delta - 1));
        }
    }

  return deltas;
}

/* Counts the paragraph's mentions against the new text and changes only
 * the variants whose count really moved: O(mentions in the paragraph). */
void
_vr_document_paragraph_text_did_change (VrDocument  *self,
                                        VrParagraph *paragraph,
                                        const char  *version_id,
                                        GHashTable  *deltas)
{
  GHashTableIter iter;
  GPtrArray *array;
  gpointer key;
  gpointer value;
  guint begin;
  guint end;

  if (self == NULL || deltas == NULL)
    return;

  array = _vr_object_list_get_array (self->mentions);
  paragraph_range (array, paragraph, version_id, &begin, &end);

  for (guint i = begin; i < end; i++)
    {
      VrVariant *variant = mention_variant (g_ptr_array_index (array, i));

      if (variant != NULL)
        {
          int delta = GPOINTER_TO_INT (g_hash_table_lookup (deltas, variant));

          g_hash_table_replace (deltas, g_object_ref (variant), GINT_TO_POINTER (delta + 1));
        }
    }

  g_hash_table_iter_init (&iter, deltas);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VrVariant *variant = key;
      int delta = GPOINTER_TO_INT (value);

      if (delta != 0)
        _vr_variant_set_count (variant, (guint) MAX (0, (int) variant->count + delta));
    }
}

void
vr_document_insert_annotation (VrDocument   *self,
                               guint         position,
                               VrAnnotation *annotation)
{
  GPtrArray *array;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_ANNOTATION (annotation));
  g_return_if_fail (annotation->document == NULL);

  array = _vr_object_list_get_array (self->annotations);
  position = MIN (position, array->len);

  annotation->document = self;
  if (self->in_bulk)
    g_ptr_array_insert (array, position, g_object_ref (annotation));
  else
    _vr_object_list_insert (self->annotations, position, annotation);
  _vr_document_changed (self);
}

void
vr_document_add_annotation (VrDocument   *self,
                            VrAnnotation *annotation)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));

  vr_document_insert_annotation (self, G_MAXUINT, annotation);
}

void
vr_document_remove_annotation (VrDocument   *self,
                               VrAnnotation *annotation)
{
  int position;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_ANNOTATION (annotation));
  g_return_if_fail (!self->in_bulk);

  position = _vr_object_list_find (self->annotations, annotation);
  g_return_if_fail (position >= 0);

  annotation->document = NULL;
  _vr_object_list_remove_index (self->annotations, position);
  _vr_document_changed (self);
}

void
vr_document_insert_decision (VrDocument *self,
                             guint       position,
                             VrDecision *decision)
{
  GPtrArray *array;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_DECISION (decision));
  g_return_if_fail (self->in_bulk || _vr_object_list_find (self->decisions, decision) < 0);

  array = _vr_object_list_get_array (self->decisions);
  position = MIN (position, array->len);

  if (self->in_bulk)
    g_ptr_array_insert (array, position, g_object_ref (decision));
  else
    _vr_object_list_insert (self->decisions, position, decision);
  _vr_document_changed (self);
}

void
vr_document_add_decision (VrDocument *self,
                          VrDecision *decision)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));

  vr_document_insert_decision (self, G_MAXUINT, decision);
}

void
vr_document_remove_decision (VrDocument *self,
                             VrDecision *decision)
{
  int position;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (VR_IS_DECISION (decision));
  g_return_if_fail (!self->in_bulk);

  position = _vr_object_list_find (self->decisions, decision);
  g_return_if_fail (position >= 0);

  _vr_object_list_remove_index (self->decisions, position);
  _vr_document_changed (self);
}

/* Additions for the reading window. */

GPtrArray *
vr_document_get_variant_mentions (VrDocument *self,
                                  VrVariant  *variant)
{
  GPtrArray *result;
  GPtrArray *mentions;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (variant->entity == NULL || variant->entity->document != self)
    return result;

  mentions = _vr_object_list_get_array (variant->entity->mentions);
  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);

      if (mention_variant (mention) == variant)
        g_ptr_array_add (result, g_object_ref (mention));
    }

  return result;
}

VrParagraph *
vr_document_get_variant_first_paragraph (VrDocument *self,
                                         VrVariant  *variant)
{
  GPtrArray *mentions;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  if (variant->entity == NULL || variant->entity->document != self)
    return NULL;

  mentions = _vr_object_list_get_array (variant->entity->mentions);
  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);

      if (mention_variant (mention) == variant)
        return mention->paragraph;
    }

  return NULL;
}

VrMention *
vr_document_find_mention_at (VrDocument  *self,
                             VrParagraph *paragraph,
                             const char  *version_id,
                             guint        offset)
{
  GPtrArray *array;
  guint begin;
  guint end;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);
  g_return_val_if_fail (version_id != NULL, NULL);

  if (paragraph->document != self)
    return NULL;

  array = _vr_object_list_get_array (self->mentions);
  paragraph_range (array, paragraph, version_id, &begin, &end);

  for (guint i = begin; i < end; i++)
    {
      VrMention *mention = g_ptr_array_index (array, i);

      if (mention->start > offset)
        break;
      if (offset < mention->end)
        return mention;
    }

  return NULL;
}

char *
vr_document_dup_new_entity_id (VrDocument *self,
                               const char *name)
{
  g_autofree char *ascii = NULL;
  GString *slug;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "entity");

  if (g_hash_table_contains (self->entities_by_id, slug->str))
    {
      gsize base_len = slug->len;

      for (guint n = 2; ; n++)
        {
          g_string_truncate (slug, base_len);
          g_string_append_printf (slug, "-%u", n);
          if (!g_hash_table_contains (self->entities_by_id, slug->str))
            break;
        }
    }

  return g_string_free (slug, FALSE);
}

char *
vr_document_dup_new_annotation_id (VrDocument *self)
{
  g_autoptr(GHashTable) taken = NULL;
  GPtrArray *annotations;
  guint next = 1;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  annotations = _vr_object_list_get_array (self->annotations);
  taken = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < annotations->len; i++)
    {
      VrAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *id = annotation->id;
      guint64 n;

      if (id == NULL)
        continue;
      g_hash_table_add (taken, (char *) id);
      if (id[0] == 'n' && g_ascii_string_to_unsigned (id + 1, 10, 1, G_MAXUINT - 1, &n, NULL))
        next = MAX (next, (guint) n + 1);
    }

  for (;; next++)
    {
      char *id = g_strdup_printf ("n%u", next);

      if (!g_hash_table_contains (taken, id))
        return id;
      g_free (id);
    }
}

GPtrArray *
vr_document_get_paragraph_annotations (VrDocument  *self,
                                       VrParagraph *paragraph,
                                       const char  *version_id)
{
  GPtrArray *result;
  GPtrArray *annotations;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  annotations = _vr_object_list_get_array (self->annotations);
  for (guint i = 0; i < annotations->len; i++)
    {
      VrAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->paragraph == paragraph &&
          (version_id == NULL || strcmp (annotation->version_id, version_id) == 0))
        g_ptr_array_add (result, g_object_ref (annotation));
    }

  return result;
}

VrMention *
vr_document_lookup_mention (VrDocument  *self,
                            VrParagraph *paragraph,
                            const char  *version_id,
                            guint        start,
                            guint        end)
{
  GPtrArray *array;
  MentionKey key;
  guint position;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);
  g_return_val_if_fail (version_id != NULL, NULL);

  if (paragraph->document != self)
    return NULL;

  array = _vr_object_list_get_array (self->mentions);
  key.paragraph = paragraph->index;
  key.version = version_id;
  key.start = start;
  key.end = end;
  position = bound (array, &key, TRUE);

  if (position < array->len && compare_key (&key, g_ptr_array_index (array, position)) == 0)
    return g_ptr_array_index (array, position);

  return NULL;
}

/* Bulk loading */

void
_vr_document_begin_bulk (VrDocument *self)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (!self->in_bulk);

  self->in_bulk = TRUE;
  self->bulk_n_versions = _vr_object_list_get_length (self->versions);
  self->bulk_n_paragraphs = _vr_object_list_get_length (self->paragraphs);
  self->bulk_n_entities = _vr_object_list_get_length (self->entities);
  self->bulk_n_mentions = _vr_object_list_get_length (self->mentions);
  self->bulk_n_annotations = _vr_object_list_get_length (self->annotations);
  self->bulk_n_decisions = _vr_object_list_get_length (self->decisions);
}

static void
emit_appended (VrObjectList *list,
               guint         old_len)
{
  _vr_object_list_emit (list, old_len, 0, _vr_object_list_get_length (list) - old_len);
}

void
_vr_document_end_bulk (VrDocument *self)
{
  GPtrArray *mentions;
  GPtrArray *entities;
  g_autoptr(GArray) old_counts = NULL;
  g_autofree guint *old_lengths = NULL;
  VrParagraph *paragraph = NULL;
  const char *version_id = NULL;
  const char *text = NULL;
  const char *text_end = NULL;
  const char *cursor = NULL;
  guint cursor_offset = 0;
  guint n_chars = 0;
  gboolean sorted = TRUE;
  guint v;

  g_return_if_fail (VR_IS_DOCUMENT (self));
  g_return_if_fail (self->in_bulk);

  mentions = _vr_object_list_get_array (self->mentions);
  entities = _vr_object_list_get_array (self->entities);

  /* Files are usually written in document order already. */
  for (guint i = 1; i < mentions->len && sorted; i++)
    sorted = compare_mentions (&mentions->pdata[i - 1], &mentions->pdata[i]) <= 0;
  if (!sorted)
    g_ptr_array_sort (mentions, compare_mentions);

  /* Rebuild the per-entity lists and reset the counts silently; notify
   * only what ends up different. */
  old_lengths = g_new (guint, entities->len + 1);
  old_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < entities->len; i++)
    {
      VrEntity *entity = g_ptr_array_index (entities, i);
      GPtrArray *variants = _vr_object_list_get_array (entity->variants);

      old_lengths[i] = _vr_object_list_get_length (entity->mentions);
      g_ptr_array_set_size (_vr_object_list_get_array (entity->mentions), 0);
      for (guint j = 0; j < variants->len; j++)
        {
          VrVariant *variant = g_ptr_array_index (variants, j);

          g_array_append_val (old_counts, variant->count);
          variant->count = 0;
        }
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);
      VrVariant *variant;
      const char *start;
      const char *end;

      g_ptr_array_add (_vr_object_list_get_array (mention->entity->mentions), mention);

      if (mention->is_short)
        continue;

      /* Walk each paragraph's text once: mentions come in order of start. */
      if (mention->paragraph != paragraph || mention->version_id != version_id)
        {
          paragraph = mention->paragraph;
          version_id = mention->version_id;
          text = vr_paragraph_get_text (paragraph, version_id);
          n_chars = vr_paragraph_get_n_chars (paragraph, version_id);
          text_end = text != NULL ? text + strlen (text) : NULL;
          cursor = text;
          cursor_offset = 0;
        }
      if (text == NULL || mention->end > n_chars)
        continue;

      /* Overlapping mentions may start before the cursor: rewind. */
      if (mention->start < cursor_offset)
        {
          cursor = text;
          cursor_offset = 0;
        }
      cursor = _vr_utf8_skip (cursor, text_end, mention->start - cursor_offset);
      cursor_offset = mention->start;
      start = cursor;
      end = _vr_utf8_skip (start, text_end, mention->end - mention->start);

      variant = _vr_entity_match_variant (mention->entity, start, end - start);
      if (variant != NULL)
        variant->count++;
    }

  v = 0;
  for (guint i = 0; i < entities->len; i++)
    {
      VrEntity *entity = g_ptr_array_index (entities, i);
      GPtrArray *variants = _vr_object_list_get_array (entity->variants);
      guint n = _vr_object_list_get_length (entity->mentions);

      /* Only additions happen in bulk: the same length is the same list. */
      if (n != old_lengths[i])
        _vr_object_list_emit (entity->mentions, 0, old_lengths[i], n);
      _vr_entity_set_mention_count (entity, n);

      for (guint j = 0; j < variants->len; j++, v++)
        {
          VrVariant *variant = g_ptr_array_index (variants, j);
          guint count = variant->count;

          variant->count = g_array_index (old_counts, guint, v);
          _vr_variant_set_count (variant, count);
        }
    }

  self->in_bulk = FALSE;

  emit_appended (self->versions, self->bulk_n_versions);
  emit_appended (self->paragraphs, self->bulk_n_paragraphs);
  /* insert_entity may have placed entities anywhere, and the mentions are
   * sorted in among the old ones. */
  if (_vr_object_list_get_length (self->entities) != self->bulk_n_entities)
    _vr_object_list_emit (self->entities, 0, self->bulk_n_entities,
                          _vr_object_list_get_length (self->entities));
  if (mentions->len != self->bulk_n_mentions)
    _vr_object_list_emit (self->mentions, 0, self->bulk_n_mentions, mentions->len);
  emit_appended (self->annotations, self->bulk_n_annotations);
  emit_appended (self->decisions, self->bulk_n_decisions);

  vr_document_set_modified (self, FALSE);
}

JsonObject *
_vr_document_get_extra (VrDocument *self)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);

  return self->extra;
}

void
_vr_document_set_extra (VrDocument *self,
                        JsonObject *extra)
{
  g_return_if_fail (VR_IS_DOCUMENT (self));

  _vr_set_extra (&self->extra, extra);
}
