/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding mentions: one automaton over every variant form, run over a
 * snapshot of the texts so that the scan can leave the main thread. */
#define G_LOG_DOMAIN "vr-mention-finder"

#include "config.h"

#include <string.h>

#include "vr-mention-finder.h"
#include "vr-name-finder.h"

typedef struct
{
  guint start;
  guint end;
} Span;

typedef struct
{
  VrParagraph *paragraph;
  const char  *version_id;  /* interned */
  gsize        byte_start;  /* in the snapshot's joined text */
  gsize        byte_length;
  gsize        char_start;
  GArray      *taken;       /* Span, sorted by start; NULL when none */
  GArray      *max_end;     /* guint: largest end among taken[0..i] */
} Target;

typedef struct
{
  GPtrArray *forms;     /* char * */
  GPtrArray *entities;  /* VrEntity *, one per form */
  gboolean   only_first;
  GArray    *targets;   /* Target, in text order */
  GString   *text;      /* every target's text, each followed by '\n' */
} Snapshot;

typedef struct
{
  guint target;
  guint pattern;
  guint start;
  guint end;
} Hit;

static void
target_clear (gpointer data)
{
  Target *target = data;

  g_clear_object (&target->paragraph);
  g_clear_pointer (&target->taken, g_array_unref);
  g_clear_pointer (&target->max_end, g_array_unref);
}

static Snapshot *
snapshot_alloc (void)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->forms = g_ptr_array_new_with_free_func (g_free);
  snapshot->entities = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  g_array_set_clear_func (snapshot->targets, target_clear);
  snapshot->text = g_string_new (NULL);
  return snapshot;
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_ptr_array_unref (snapshot->forms);
  g_ptr_array_unref (snapshot->entities);
  g_array_unref (snapshot->targets);
  g_string_free (snapshot->text, TRUE);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static void
add_form (Snapshot   *snapshot,
          VrVariant  *variant,
          VrEntity   *entity)
{
  const char *form = vr_variant_get_form (variant);

  /* Texts are joined with newlines, so no form may hold one. */
  if (form == NULL || *form == '\0' || strchr (form, '\n') != NULL)
    return;
  g_ptr_array_add (snapshot->forms, g_strdup (form));
  g_ptr_array_add (snapshot->entities, g_object_ref (entity));
}

static void
add_target (Snapshot    *snapshot,
            VrParagraph *paragraph,
            const char  *version_id)
{
  const char *text = vr_paragraph_get_text (paragraph, version_id);
  Target target = { 0, };

  if (text == NULL || *text == '\0')
    return;

  target.paragraph = g_object_ref (paragraph);
  target.version_id = g_intern_string (version_id);
  target.byte_start = snapshot->text->len;
  target.byte_length = strlen (text);
  target.char_start = snapshot->targets->len == 0 ? 0 :
    g_array_index (snapshot->targets, Target, snapshot->targets->len - 1).char_start +
    vr_paragraph_get_n_chars (g_array_index (snapshot->targets, Target,
                                             snapshot->targets->len - 1).paragraph,
                              g_array_index (snapshot->targets, Target,
                                             snapshot->targets->len - 1).version_id) + 1;
  g_string_append_len (snapshot->text, text, target.byte_length);
  g_string_append_c (snapshot->text, '\n');
  g_array_append_val (snapshot->targets, target);
}

static void
target_take (Target *target,
             guint   start,
             guint   end)
{
  Span span = { start, end };
  guint max_end = end;

  if (target->taken == NULL)
    {
      target->taken = g_array_new (FALSE, FALSE, sizeof (Span));
      target->max_end = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  if (target->max_end->len > 0)
    max_end = MAX (max_end, g_array_index (target->max_end, guint, target->max_end->len - 1));
  g_array_append_val (target->taken, span);
  g_array_append_val (target->max_end, max_end);
}

/* Copies what the scan needs; runs on the document's thread. */
static Snapshot *
snapshot_new_full (VrDocument *document,
                   VrVariant  *variant,
                   const char *extra_form,
                   VrEntity   *extra_entity,
                   const char *version_id);

static Snapshot *
snapshot_new (VrDocument *document,
              VrVariant  *variant,
              const char *version_id)
{
  return snapshot_new_full (document, variant, NULL, NULL, version_id);
}

/* @extra_form of @extra_entity, when given, is the wanted spelling: one not
 * yet in the document. */
static Snapshot *
snapshot_new_full (VrDocument *document,
                   VrVariant  *variant,
                   const char *extra_form,
                   VrEntity   *extra_entity,
                   const char *version_id)
{
  Snapshot *snapshot = snapshot_alloc ();
  GListModel *entities = vr_document_get_entities (document);
  GListModel *paragraphs = vr_document_get_paragraphs (document);
  GListModel *mentions = vr_document_get_mentions (document);
  guint n_entities = g_list_model_get_n_items (entities);
  guint n_paragraphs = g_list_model_get_n_items (paragraphs);
  guint n_mentions = g_list_model_get_n_items (mentions);

  /* The wanted spelling goes first: when two forms fold to the same
   * string the finder reports the first listed. */
  if (variant != NULL)
    {
      add_form (snapshot, variant, vr_variant_get_entity (variant));
      snapshot->only_first = TRUE;
    }
  else if (extra_form != NULL)
    {
      g_ptr_array_add (snapshot->forms, g_strdup (extra_form));
      g_ptr_array_add (snapshot->entities, g_object_ref (extra_entity));
      snapshot->only_first = TRUE;
    }

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);
      GListModel *variants = vr_entity_get_variants (entity);
      guint n_variants = g_list_model_get_n_items (variants);

      for (guint j = 0; j < n_variants; j++)
        {
          g_autoptr(VrVariant) v = g_list_model_get_item (variants, j);

          if (v == variant ||
              vr_variant_get_status (v) == VR_VARIANT_STATUS_REJECTED)
            continue;
          add_form (snapshot, v, entity);
        }
    }

  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (version_id != NULL)
        {
          add_target (snapshot, paragraph, version_id);
        }
      else
        {
          g_autofree const char **ids = vr_paragraph_get_version_ids (paragraph);

          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            add_target (snapshot, paragraph, ids[j]);
        }
    }

  /* The existing mentions, in one walk: the document keeps them in order,
   * so each target's spans come sorted by start. */
  if (n_mentions > 0 && snapshot->targets->len > 0)
    {
      g_autoptr(GHashTable) first_target = g_hash_table_new (NULL, NULL);

      for (guint t = snapshot->targets->len; t-- > 0;)
        g_hash_table_insert (first_target,
                             g_array_index (snapshot->targets, Target, t).paragraph,
                             GUINT_TO_POINTER (t + 1));

      for (guint i = 0; i < n_mentions; i++)
        {
          g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);
          guint t = GPOINTER_TO_UINT (g_hash_table_lookup (first_target,
                                                           vr_mention_get_paragraph (mention)));

          if (t == 0)
            continue;
          for (t = t - 1; t < snapshot->targets->len; t++)
            {
              Target *target = &g_array_index (snapshot->targets, Target, t);

              if (target->paragraph != vr_mention_get_paragraph (mention))
                break;
              if (g_strcmp0 (target->version_id, vr_mention_get_version_id (mention)) == 0)
                {
                  target_take (target, vr_mention_get_start (mention),
                               vr_mention_get_end (mention));
                  break;
                }
            }
        }
    }

  return snapshot;
}

static gboolean
overlaps_taken (const Target *target,
                guint         start,
                guint         end)
{
  guint lo = 0, hi;

  if (target->taken == NULL)
    return FALSE;

  /* Count the spans that start before @end; one of them overlaps exactly
   * when the largest end among them passes @start. */
  hi = target->taken->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (target->taken, Span, mid).start < end)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 && g_array_index (target->max_end, guint, lo - 1) > start;
}

/* The target whose text holds byte @offset of the joined text. */
static guint
target_at (const Snapshot *snapshot,
           gsize           offset)
{
  guint lo = 0, hi = snapshot->targets->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (snapshot->targets, Target, mid).byte_start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Pure: reads the snapshot only, so it may run in any thread. One scan over
 * the joined text; a newline is no word character, so no match crosses
 * from one paragraph into the next. */
static GArray *
snapshot_scan (const Snapshot *snapshot,
               GCancellable   *cancellable)
{
  g_autoptr(VrNameFinder) finder = NULL;
  g_autofree gpointer *user_data = NULL;
  g_autoptr(GArray) matches = NULL;
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  guint n = snapshot->forms->len;

  if (n == 0 || snapshot->targets->len == 0)
    return hits;

  user_data = g_new (gpointer, n);
  for (guint i = 0; i < n; i++)
    user_data[i] = GUINT_TO_POINTER (i);
  finder = vr_name_finder_new ((const char * const *) snapshot->forms->pdata,
                               (gpointer const *) user_data, n,
                               VR_NAME_FINDER_DEFAULT);
  if (g_cancellable_is_cancelled (cancellable))
    return hits;

  matches = vr_name_finder_scan (finder, snapshot->text->str, snapshot->text->len);
  for (guint m = 0; m < matches->len; m++)
    {
      const VrNameMatch *match = &g_array_index (matches, VrNameMatch, m);
      guint t = target_at (snapshot, match->start);
      const Target *target = &g_array_index (snapshot->targets, Target, t);
      Hit hit = { t, GPOINTER_TO_UINT (match->user_data),
                  (guint) (match->char_start - target->char_start),
                  (guint) (match->char_end - target->char_start) };

      if (snapshot->only_first && hit.pattern != 0)
        continue;
      if (overlaps_taken (target, hit.start, hit.end))
        continue;
      g_array_append_val (hits, hit);
    }

  return hits;
}

static GPtrArray *
hits_to_mentions (const Snapshot *snapshot,
                  GArray         *hits)
{
  GPtrArray *mentions = g_ptr_array_new_full (hits->len, g_object_unref);

  for (guint i = 0; i < hits->len; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);
      const Target *target = &g_array_index (snapshot->targets, Target, hit->target);
      const char *form = g_ptr_array_index (snapshot->forms, hit->pattern);
      VrEntity *entity = g_ptr_array_index (snapshot->entities, hit->pattern);
      VrMention *mention = vr_mention_new (entity, target->paragraph,
                                           target->version_id,
                                           hit->start, hit->end);

      /* A bracketed form is the translator's guess at a name. */
      if (strchr (form, '[') != NULL)
        vr_mention_set_uncertain (mention, TRUE);
      g_ptr_array_add (mentions, mention);
    }

  return mentions;
}

GPtrArray *
vr_mention_finder_find (VrDocument *document,
                        const char *version_id)
{
  g_autoptr(Snapshot) snapshot = NULL;
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  snapshot = snapshot_new (document, NULL, version_id);
  hits = snapshot_scan (snapshot, NULL);
  return hits_to_mentions (snapshot, hits);
}

GPtrArray *
vr_mention_finder_find_variant (VrDocument *document,
                                VrVariant  *variant,
                                const char *version_id)
{
  g_autoptr(Snapshot) snapshot = NULL;
  g_autoptr(GArray) hits = NULL;
  VrEntity *entity;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  entity = vr_variant_get_entity (variant);
  if (entity == NULL || vr_document_lookup_entity (document, vr_entity_get_id (entity)) != entity)
    return g_ptr_array_new_with_free_func (g_object_unref);

  snapshot = snapshot_new (document, variant, version_id);
  hits = snapshot_scan (snapshot, NULL);
  return hits_to_mentions (snapshot, hits);
}

GPtrArray *
vr_mention_finder_find_form (VrDocument *document,
                             VrEntity   *entity,
                             const char *form,
                             const char *version_id)
{
  g_autoptr(Snapshot) snapshot = NULL;
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (form != NULL, NULL);

  if (*form == '\0' || strchr (form, '\n') != NULL ||
      vr_document_lookup_entity (document, vr_entity_get_id (entity)) != entity)
    return g_ptr_array_new_with_free_func (g_object_unref);

  snapshot = snapshot_new_full (document, NULL, form, entity, version_id);
  hits = snapshot_scan (snapshot, NULL);
  return hits_to_mentions (snapshot, hits);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const Snapshot *snapshot = task_data;
  GArray *hits = snapshot_scan (snapshot, cancellable);

  if (g_task_return_error_if_cancelled (task))
    {
      g_array_unref (hits);
      return;
    }
  g_task_return_pointer (task, hits, (GDestroyNotify) g_array_unref);
}

void
vr_mention_finder_find_async (VrDocument          *document,
                              VrVariant           *variant,
                              const char          *version_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Snapshot *snapshot;

  g_return_if_fail (VR_IS_DOCUMENT (document));
  g_return_if_fail (variant == NULL || VR_IS_VARIANT (variant));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, vr_mention_finder_find_async);

  if (variant != NULL &&
      (vr_variant_get_entity (variant) == NULL ||
       vr_document_lookup_entity (document,
                                  vr_entity_get_id (vr_variant_get_entity (variant)))
         != vr_variant_get_entity (variant)))
    {
      /* A spelling outside the document has nothing to find. */
      snapshot = snapshot_alloc ();
    }
  else
    {
      snapshot = snapshot_new (document, variant, version_id);
    }

  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, find_thread);
}

GPtrArray *
vr_mention_finder_find_finish (VrDocument    *document,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_autoptr(GArray) hits = NULL;
  const Snapshot *snapshot;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (g_task_is_valid (result, document), NULL);

  hits = g_task_propagate_pointer (G_TASK (result), error);
  if (hits == NULL)
    return NULL;

  snapshot = g_task_get_task_data (G_TASK (result));

  /* The document may have changed while the scan ran: keep only the hits
   * whose paragraph text is unchanged, whose entity is still there and
   * that overlap no mention added meanwhile. */
  {
    g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (Hit));
    g_autoptr(GHashTable) fresh = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) snapshot_free);

    for (guint i = 0; i < hits->len; i++)
      {
        const Hit *hit = &g_array_index (hits, Hit, i);
        const Target *target = &g_array_index (snapshot->targets, Target, hit->target);
        VrEntity *entity = g_ptr_array_index (snapshot->entities, hit->pattern);
        Snapshot *now;

        const char *text_now = vr_paragraph_get_text (target->paragraph, target->version_id);

        if (text_now == NULL || strlen (text_now) != target->byte_length ||
            memcmp (text_now, snapshot->text->str + target->byte_start, target->byte_length) != 0 ||
            vr_document_lookup_entity (document, vr_entity_get_id (entity)) != entity ||
            vr_document_get_paragraph_index (document, target->paragraph) < 0)
          continue;

        /* The mentions there now, taken once per paragraph and version. */
        now = g_hash_table_lookup (fresh, GUINT_TO_POINTER (hit->target + 1));
        if (now == NULL)
          {
            g_autoptr(GPtrArray) there = vr_document_get_paragraph_mentions (document,
                                                                             target->paragraph,
                                                                             target->version_id);

            now = snapshot_alloc ();
            add_target (now, target->paragraph, target->version_id);
            for (guint k = 0; k < there->len && now->targets->len > 0; k++)
              target_take (&g_array_index (now->targets, Target, 0),
                           vr_mention_get_start (g_ptr_array_index (there, k)),
                           vr_mention_get_end (g_ptr_array_index (there, k)));
            g_hash_table_insert (fresh, GUINT_TO_POINTER (hit->target + 1), now);
          }
        if (now->targets->len > 0 &&
            overlaps_taken (&g_array_index (now->targets, Target, 0), hit->start, hit->end))
          continue;
        g_array_append_val (kept, *hit);
      }

    return hits_to_mentions (snapshot, kept);
  }
}
