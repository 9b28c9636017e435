/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-compare-marks"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-compare-view-private.h"

/* What each side of the comparison shows for one paragraph, with its marks:
 * mentions, the names a normalized reading replaced, the words that differ. */

static gboolean
is_selected (VrCompareView *self,
             const char    *entity_id)
{
  return self->selected_id != NULL && g_strcmp0 (self->selected_id, entity_id) == 0;
}

static void
add_mention_mark (VrCompareView     *self,
                  GArray            *marks,
                  VrCompareMarkKind  kind,
                  VrEntity          *entity,
                  guint              start,
                  guint              end,
                  char              *tooltip)
{
  VrCompareMark mark = { 0, };

  mark.kind = kind;
  mark.start = start;
  mark.end = end;
  mark.entity_kind = entity ? vr_entity_get_kind (entity) : VR_ENTITY_KIND_OTHER;
  mark.entity_id = entity ? g_strdup (vr_entity_get_id (entity)) : NULL;
  mark.selected = entity != NULL && is_selected (self, vr_entity_get_id (entity));
  mark.tooltip = tooltip != NULL ? tooltip : (entity ? g_strdup (vr_entity_get_name (entity)) : NULL);
  g_array_append_val (marks, mark);
}

static void
add_mentions (VrCompareView *self,
              GArray        *marks,
              VrDocument    *document,
              VrParagraph   *paragraph,
              const char    *version_id,
              guint          n_chars)
{
  g_autoptr(GPtrArray) mentions = NULL;

  mentions = vr_document_get_paragraph_mentions (document, paragraph, version_id);
  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);
      guint start = vr_mention_get_start (mention);
      guint end = vr_mention_get_end (mention);

      if (start < end && end <= n_chars)
        add_mention_mark (self, marks, VR_COMPARE_MARK_MENTION,
                          vr_mention_get_entity (mention), start, end, NULL);
    }
}

/* A normalized paragraph: replaced names where they now stand, and the
 * mentions left alone moved by the replacements before them. */
static void
add_normalized_marks (VrCompareView               *self,
                      GArray                      *marks,
                      const VrNormalizedParagraph *np,
                      const char                  *version_id)
{
  g_autoptr(GPtrArray) mentions = NULL;
  GArray *replacements = np->replacements;
  guint r = 0;
  glong shift = 0;

  mentions = vr_document_get_paragraph_mentions (self->document, np->paragraph, version_id);
  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);
      guint start = vr_mention_get_start (mention);
      guint end = vr_mention_get_end (mention);
      gboolean covered = FALSE;

      /* Replacements before this mention move it. */
      while (r < replacements->len &&
             g_array_index (replacements, VrReplacement, r).original_end <= start)
        {
          const VrReplacement *rep = &g_array_index (replacements, VrReplacement, r);

          shift += (glong) (rep->end - rep->start) - (glong) (rep->original_end - rep->original_start);
          r++;
        }

      for (guint k = r; k < replacements->len; k++)
        {
          const VrReplacement *rep = &g_array_index (replacements, VrReplacement, k);

          if (rep->original_start >= end)
            break;
          covered = TRUE;
        }

      if (!covered && start < end)
        add_mention_mark (self, marks, VR_COMPARE_MARK_MENTION, vr_mention_get_entity (mention),
                          (guint) (start + shift), (guint) (end + shift), NULL);
    }

  for (guint i = 0; i < replacements->len; i++)
    {
      const VrReplacement *rep = &g_array_index (replacements, VrReplacement, i);
      const char *from = g_utf8_offset_to_pointer (np->original, rep->original_start);
      const char *to = g_utf8_offset_to_pointer (np->original, rep->original_end);
      g_autofree char *original = g_strndup (from, to - from);
      gboolean changed = g_strcmp0 (original, rep->form) != 0;

      if (changed && self->show_differences)
        add_mention_mark (self, marks, VR_COMPARE_MARK_REPLACED, rep->entity, rep->start, rep->end,
                          /* Translators: a replaced name: "Yung Kong-hum → Yun Gong-heum" */
                          g_strdup_printf (_("%s → %s"), original, rep->form));
      else
        add_mention_mark (self, marks, VR_COMPARE_MARK_MENTION, rep->entity,
                          rep->start, rep->end, NULL);
    }
}

static void
compute_side (VrCompareView *self,
              Choice        *choice,
              guint          index,
              VrParagraph   *paragraph,
              Side          *side)
{
  const char *text = NULL;

  side->marks = _vr_compare_marks_new ();
  if (choice == NULL)
    return;

  switch (choice->kind)
    {
    case CHOICE_VERSION:
      text = vr_paragraph_get_text (paragraph, choice->version_id);
      if (text != NULL)
        {
          side->text = g_strdup (text);
          add_mentions (self, side->marks, self->document, paragraph, choice->version_id,
                        vr_paragraph_get_n_chars (paragraph, choice->version_id));
        }
      break;

    case CHOICE_NORMALIZED:
      {
        const char *base = _vr_compare_view_base_version_id (self);

        if (base == NULL || vr_paragraph_get_text (paragraph, base) == NULL)
          break;
        side->normalized = vr_normalize_paragraph (self->document, paragraph, base, choice->system);
        side->text = g_strdup (side->normalized->text);
        add_normalized_marks (self, side->marks, side->normalized, base);
      }
      break;

    case CHOICE_LOADED:
      {
        Loaded *loaded = choice->loaded;
        VrParagraph *other = NULL;

        if (index < loaded->alignment->counterparts->len)
          other = g_ptr_array_index (loaded->alignment->counterparts, index);
        if (other == NULL || (text = vr_paragraph_get_text (other, loaded->version_id)) == NULL)
          break;
        side->text = g_strdup (text);
        add_mentions (self, side->marks, loaded->other, other, loaded->version_id,
                      vr_paragraph_get_n_chars (other, loaded->version_id));
      }
      break;

    case CHOICE_LOAD_FILE:
    default:
      break;
    }
}

/* On a side showing the text a normalized reading was made from, the
 * spellings it replaced. */
static void
add_original_marks (VrCompareView *self,
                    Side          *plain,
                    Choice        *plain_choice,
                    Side          *normalized)
{
  const VrNormalizedParagraph *np = normalized->normalized;

  if (plain_choice == NULL || plain_choice->kind != CHOICE_VERSION ||
      g_strcmp0 (plain_choice->version_id, _vr_compare_view_base_version_id (self)) != 0 ||
      plain->text == NULL || np == NULL || np->original == NULL)
    return;

  for (guint i = 0; i < np->replacements->len; i++)
    {
      const VrReplacement *rep = &g_array_index (np->replacements, VrReplacement, i);
      const char *from = g_utf8_offset_to_pointer (np->original, rep->original_start);
      const char *to = g_utf8_offset_to_pointer (np->original, rep->original_end);
      g_autofree char *original = g_strndup (from, to - from);

      if (g_strcmp0 (original, rep->form) != 0)
        add_mention_mark (self, plain->marks, VR_COMPARE_MARK_REPLACED, rep->entity,
                          rep->original_start, rep->original_end,
                          g_strdup_printf (_("%s → %s"), original, rep->form));
    }
}

/* Spaces at the ends of a change are drawn plain: the mark covers words. */
static gboolean
trim_range (const char *text,
            guint      *start,
            guint      *end)
{
  const char *p = g_utf8_offset_to_pointer (text, *start);

  while (*start < *end && g_unichar_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      (*start)++;
    }

  p = g_utf8_offset_to_pointer (p, *end - *start);
  while (*end > *start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
    {
      p = g_utf8_prev_char (p);
      (*end)--;
    }

  return *start < *end;
}

static void
add_word_diff (VrCompareView *self,
               Side          *left,
               Side          *right)
{
  Choice *left_choice = _vr_compare_view_get_current (self, VR_COMPARE_SIDE_LEFT);
  Choice *right_choice = _vr_compare_view_get_current (self, VR_COMPARE_SIDE_RIGHT);
  g_autoptr(GArray) runs = NULL;

  runs = vr_word_diff (left->text, right->text);
  for (guint i = 0; i < runs->len; i++)
    {
      const VrDiffRun *run = &g_array_index (runs, VrDiffRun, i);
      VrCompareMark mark = { 0, };

      mark.start = run->op == VR_DIFF_INSERT ? run->b_start : run->a_start;
      mark.end = run->op == VR_DIFF_INSERT ? run->b_end : run->a_end;

      if (run->op == VR_DIFF_DELETE && trim_range (left->text, &mark.start, &mark.end))
        {
          mark.kind = VR_COMPARE_MARK_DELETED;
          /* Translators: a tooltip on words one side of the comparison lacks */
          mark.tooltip = g_strdup_printf (_("Not in “%s”"), right_choice->label);
          g_array_append_val (left->marks, mark);
        }
      else if (run->op == VR_DIFF_INSERT && trim_range (right->text, &mark.start, &mark.end))
        {
          mark.kind = VR_COMPARE_MARK_INSERTED;
          mark.tooltip = g_strdup_printf (_("Not in “%s”"), left_choice->label);
          g_array_append_val (right->marks, mark);
        }
    }
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const VrCompareMark *ma = a;
  const VrCompareMark *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end < mb->end ? -1 : 1;
  return (int) ma->kind - (int) mb->kind;
}

/* Both sides of paragraph @index, with the differences between them. */
gboolean
_vr_compare_view_compute_row (VrCompareView *self,
             guint          index,
             Side          *left,
             Side          *right)
{
  g_autoptr(VrParagraph) paragraph = NULL;
  Choice *left_choice = _vr_compare_view_get_current (self, VR_COMPARE_SIDE_LEFT);
  Choice *right_choice = _vr_compare_view_get_current (self, VR_COMPARE_SIDE_RIGHT);

  if (self->document == NULL ||
      !(paragraph = g_list_model_get_item (vr_document_get_paragraphs (self->document), index)))
    return FALSE;

  compute_side (self, left_choice, index, paragraph, left);
  compute_side (self, right_choice, index, paragraph, right);

  if (self->show_differences && left->text != NULL && right->text != NULL)
    {
      if (left->normalized != NULL || right->normalized != NULL)
        {
          if (left->normalized != NULL)
            add_original_marks (self, right, right_choice, left);
          if (right->normalized != NULL)
            add_original_marks (self, left, left_choice, right);
        }
      else if (!_vr_compare_choices_equal (left_choice, right_choice))
        add_word_diff (self, left, right);
    }

  g_array_sort (left->marks, compare_marks);
  g_array_sort (right->marks, compare_marks);

  return TRUE;
}
