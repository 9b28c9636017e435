/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-align"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vr-align.h"
#include "vr-error.h"

static void
issue_clear (VrAlignIssue *issue)
{
  g_clear_pointer (&issue->paragraph_id, g_free);
  g_clear_pointer (&issue->other_paragraph_id, g_free);
  g_clear_pointer (&issue->message, g_free);
}

static GArray *
issues_new (void)
{
  GArray *issues = g_array_new (FALSE, TRUE, sizeof (VrAlignIssue));

  g_array_set_clear_func (issues, (GDestroyNotify) issue_clear);
  return issues;
}

static void
unref_if_any (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static GPtrArray *
counterparts_new (guint size)
{
  return g_ptr_array_new_full (size, unref_if_any);
}

VrAlignment *
vr_alignment_copy (const VrAlignment *self)
{
  VrAlignment *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (VrAlignment, 1);
  copy->mode = self->mode;
  copy->other_version_id = g_strdup (self->other_version_id);
  copy->n_aligned = self->n_aligned;
  copy->counterparts = counterparts_new (self->counterparts->len);
  for (guint i = 0; i < self->counterparts->len; i++)
    {
      gpointer item = g_ptr_array_index (self->counterparts, i);

      g_ptr_array_add (copy->counterparts, item != NULL ? g_object_ref (item) : NULL);
    }
  copy->issues = issues_new ();
  for (guint i = 0; i < self->issues->len; i++)
    {
      VrAlignIssue issue = g_array_index (self->issues, VrAlignIssue, i);

      issue.paragraph_id = g_strdup (issue.paragraph_id);
      issue.other_paragraph_id = g_strdup (issue.other_paragraph_id);
      issue.message = g_strdup (issue.message);
      g_array_append_val (copy->issues, issue);
    }

  return copy;
}

void
vr_alignment_free (VrAlignment *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->other_version_id, g_free);
  g_clear_pointer (&self->counterparts, g_ptr_array_unref);
  g_clear_pointer (&self->issues, g_array_unref);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (VrAlignment, vr_alignment, vr_alignment_copy, vr_alignment_free)

static void
add_issue (GArray           *issues,
           VrAlignIssueKind  kind,
           int               index,
           int               other_index,
           VrParagraph      *paragraph,
           VrParagraph      *other_paragraph,
           char             *message)
{
  VrAlignIssue issue = { 0, };

  issue.kind = kind;
  issue.index = index;
  issue.other_index = other_index;
  issue.paragraph_id = paragraph != NULL ? g_strdup (vr_paragraph_get_id (paragraph)) : NULL;
  issue.other_paragraph_id = other_paragraph != NULL
    ? g_strdup (vr_paragraph_get_id (other_paragraph)) : NULL;
  issue.message = message;
  g_array_append_val (issues, issue);
}

static void
add_only_here (GArray      *issues,
               int          index,
               VrParagraph *paragraph)
{
  add_issue (issues, VR_ALIGN_ISSUE_ONLY_HERE, index, -1, paragraph, NULL,
             g_strdup_printf (_("Paragraph %d (“%s”) has no counterpart in the other file"),
                              index + 1, vr_paragraph_get_id (paragraph)));
}

static void
add_only_there (GArray      *issues,
                int          other_index,
                VrParagraph *other_paragraph)
{
  add_issue (issues, VR_ALIGN_ISSUE_ONLY_THERE, -1, other_index, NULL, other_paragraph,
             g_strdup_printf (_("Paragraph %d (“%s”) of the other file has no counterpart "
                                "here and is left out"),
                              other_index + 1, vr_paragraph_get_id (other_paragraph)));
}

VrAlignment *
vr_align_documents (VrDocument  *self,
                    VrDocument  *other,
                    const char  *other_version_id,
                    VrAlignMode  mode,
                    GError     **error)
{
  g_autoptr(VrAlignment) alignment = NULL;
  g_autoptr(GPtrArray) candidates = NULL;   /* other's paragraphs with text */
  g_autoptr(GArray) candidate_index = NULL; /* their positions in other */
  g_autoptr(GArray) late_issues = NULL;
  g_autoptr(GArray) issues = NULL;
  GListModel *paragraphs;
  GListModel *other_paragraphs;
  VrVersion *version;
  guint n;
  guint n_other;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_DOCUMENT (other), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (other_version_id != NULL)
    version = vr_document_lookup_version (other, other_version_id);
  else
    version = vr_document_get_default_version (other);

  if (version == NULL)
    {
      if (other_version_id != NULL)
        g_set_error (error, VR_ERROR, VR_ERROR_REFERENCE,
                     _("The other file has no version “%s”"), other_version_id);
      else
        g_set_error_literal (error, VR_ERROR, VR_ERROR_REFERENCE,
                             _("The other file has no version"));
      return NULL;
    }
  other_version_id = vr_version_get_id (version);

  alignment = g_new0 (VrAlignment, 1);
  alignment->other_version_id = g_strdup (other_version_id);
  issues = issues_new ();
  late_issues = issues_new ();

  paragraphs = vr_document_get_paragraphs (self);
  other_paragraphs = vr_document_get_paragraphs (other);
  n = g_list_model_get_n_items (paragraphs);
  n_other = g_list_model_get_n_items (other_paragraphs);

  candidates = g_ptr_array_new_full (n_other, g_object_unref);
  candidate_index = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < n_other; i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (other_paragraphs, i);
      int index = (int) i;

      if (vr_paragraph_get_text (paragraph, other_version_id) == NULL)
        {
          add_issue (late_issues, VR_ALIGN_ISSUE_NO_TEXT, -1, index, NULL, paragraph,
                     g_strdup_printf (_("Paragraph %d (“%s”) of the other file has no "
                                        "text in version “%s” and is left out"),
                                      index + 1, vr_paragraph_get_id (paragraph),
                                      other_version_id));
          continue;
        }
      g_ptr_array_add (candidates, g_steal_pointer (&paragraph));
      g_array_append_val (candidate_index, index);
    }

  if (mode == VR_ALIGN_AUTO)
    {
      guint found = 0;

      for (guint i = 0; i < candidates->len; i++)
        if (vr_document_lookup_paragraph (self,
                                          vr_paragraph_get_id (g_ptr_array_index (candidates, i))))
          found++;
      mode = 2 * found > candidates->len ? VR_ALIGN_BY_ID : VR_ALIGN_BY_ORDER;
    }
  alignment->mode = mode;

  if (n != candidates->len)
    add_issue (issues, VR_ALIGN_ISSUE_COUNT_MISMATCH, -1, -1, NULL, NULL,
               g_strdup_printf (_("This document has %u paragraphs, the other file %u "
                                  "with text in version “%s”"),
                                n, candidates->len, other_version_id));

  alignment->counterparts = counterparts_new (n);

  if (mode == VR_ALIGN_BY_ID)
    {
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < candidates->len; i++)
        {
          VrParagraph *candidate = g_ptr_array_index (candidates, i);

          g_hash_table_insert (by_id, (gpointer) vr_paragraph_get_id (candidate), candidate);
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
          VrParagraph *match = g_hash_table_lookup (by_id, vr_paragraph_get_id (paragraph));

          if (match != NULL)
            {
              g_hash_table_add (used, match);
              g_ptr_array_add (alignment->counterparts, g_object_ref (match));
              alignment->n_aligned++;
            }
          else
            {
              g_ptr_array_add (alignment->counterparts, NULL);
              add_only_here (issues, (int) i, paragraph);
            }
        }

      for (guint i = 0; i < candidates->len; i++)
        {
          VrParagraph *candidate = g_ptr_array_index (candidates, i);

          if (!g_hash_table_contains (used, candidate))
            add_only_there (issues, g_array_index (candidate_index, int, i), candidate);
        }
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
          VrParagraph *match;
          int other_index;

          if (i >= candidates->len)
            {
              g_ptr_array_add (alignment->counterparts, NULL);
              add_only_here (issues, (int) i, paragraph);
              continue;
            }

          match = g_ptr_array_index (candidates, i);
          other_index = g_array_index (candidate_index, int, i);
          g_ptr_array_add (alignment->counterparts, g_object_ref (match));
          alignment->n_aligned++;

          if (g_strcmp0 (vr_paragraph_get_id (paragraph), vr_paragraph_get_id (match)) != 0)
            add_issue (issues, VR_ALIGN_ISSUE_ID_DIFFERS, (int) i, other_index,
                       paragraph, match,
                       g_strdup_printf (_("Paragraph %d (“%s”) faces paragraph %d (“%s”) "
                                          "of the other file, whose id differs"),
                                        (int) i + 1, vr_paragraph_get_id (paragraph),
                                        other_index + 1, vr_paragraph_get_id (match)));
        }

      for (guint i = n; i < candidates->len; i++)
        add_only_there (issues, g_array_index (candidate_index, int, i),
                        g_ptr_array_index (candidates, i));
    }

  /* Move the issues of paragraphs without text to the end. */
  for (guint i = 0; i < late_issues->len; i++)
    {
      VrAlignIssue *issue = &g_array_index (late_issues, VrAlignIssue, i);

      g_array_append_val (issues, *issue);
      *issue = (VrAlignIssue) { 0, };
    }

  alignment->issues = g_steal_pointer (&issues);
  return g_steal_pointer (&alignment);
}

VrAlignment *
vr_align_import_version (VrDocument  *self,
                         VrDocument  *other,
                         const char  *other_version_id,
                         const char  *new_version_id,
                         VrAlignMode  mode,
                         GError     **error)
{
  g_autoptr(VrAlignment) alignment = NULL;
  g_autoptr(VrVersion) version = NULL;
  VrVersion *source;
  GListModel *paragraphs;

  g_return_val_if_fail (VR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (VR_IS_DOCUMENT (other), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  alignment = vr_align_documents (self, other, other_version_id, mode, error);
  if (alignment == NULL)
    return NULL;

  source = vr_document_lookup_version (other, alignment->other_version_id);
  if (new_version_id == NULL)
    new_version_id = alignment->other_version_id;

  if (*new_version_id == '\0')
    {
      g_set_error_literal (error, VR_ERROR, VR_ERROR_VALUE,
                           _("A version needs a non-empty id"));
      return NULL;
    }

  if (vr_document_lookup_version (self, new_version_id) != NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_DUPLICATE,
                   _("The document already has a version “%s”"), new_version_id);
      return NULL;
    }

  if (alignment->n_aligned == 0)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("No paragraph of version “%s” of the other file aligns with this document"),
                   alignment->other_version_id);
      return NULL;
    }

  version = vr_version_new (new_version_id);
  vr_version_set_language (version, vr_version_get_language (source));
  vr_version_set_label (version, vr_version_get_label (source));
  vr_version_set_translator (version, vr_version_get_translator (source));
  vr_document_add_version (self, version);

  paragraphs = vr_document_get_paragraphs (self);
  for (guint i = 0; i < alignment->counterparts->len; i++)
    {
      VrParagraph *match = g_ptr_array_index (alignment->counterparts, i);
      g_autoptr(VrParagraph) paragraph = NULL;

      if (match == NULL)
        continue;

      paragraph = g_list_model_get_item (paragraphs, i);
      vr_paragraph_set_text (paragraph, new_version_id,
                             vr_paragraph_get_text (match, alignment->other_version_id));
    }

  return g_steal_pointer (&alignment);
}
