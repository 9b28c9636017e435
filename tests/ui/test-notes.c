/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-notes"

#include "config.h"

#include <adwaita.h>

#include "vr-application-private.h"
#include "vr-note-popover.h"
#include "vr-notes-list.h"
#include "vr-text-view.h"
#include "vr-window-private.h"

/* Close-reading notes in the window: adding one to a selection or to the
 * word at the cursor, editing and deleting it from the text and from the
 * Notes page, undo and redo of each, the marks in the text, the list, and
 * keeping the anchors through a save and a reload. */

static VrApplication *app;
static char *tmpdir;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
not_loading (gpointer data)
{
  return !vr_window_get_loading (data);
}

static gboolean
not_modified (gpointer data)
{
  return !vr_document_get_modified (vr_window_get_document (data));
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GFile *
copy_fixture (const char *fixture,
              const char *name)
{
  g_autoptr(GFile) source = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", fixture, NULL);
  g_autoptr(GError) error = NULL;
  GFile *target = g_file_new_build_filename (tmpdir, name, NULL);

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return target;
}

static VrWindow *
open_window (GFile *file)
{
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  g_assert_false (vr_document_get_modified (vr_window_get_document (window)));
  flush_events ();

  return window;
}

static void
destroy_window (VrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static VrTextView *
text_view_of (VrWindow *window)
{
  return VR_TEXT_VIEW (vr_reader_view_get_text_view (_vr_window_get_reader_view (window)));
}

static VrNotesList *
notes_list_of (VrWindow *window)
{
  return VR_NOTES_LIST (vr_reader_view_get_notes_list (_vr_window_get_reader_view (window)));
}

static GtkTextBuffer *
buffer_of (VrWindow *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view_of (window)));
}

static void
select_span (VrWindow *window,
             guint     index,
             guint     start,
             guint     end)
{
  VrTextView *view = text_view_of (window);
  int base = vr_text_view_get_paragraph_offset (view, index);
  GtkTextIter s, e;

  g_assert_cmpint (base, >=, 0);
  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &s, base + start);
  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &e, base + end);
  gtk_text_buffer_select_range (buffer_of (window), &s, &e);
}

static void
place_cursor (VrWindow *window,
              guint     index,
              guint     offset)
{
  select_span (window, index, offset, offset);
}

static gboolean
has_tag (VrWindow   *window,
         guint       index,
         guint       offset,
         const char *tag_name)
{
  VrTextView *view = text_view_of (window);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer_of (window)), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &iter,
                                      vr_text_view_get_paragraph_offset (view, index) + offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* The characters of paragraph @index marked as noted, as "start-end"
 * runs: what the reader sees. */
static char *
noted_runs (VrWindow *window,
            guint     index)
{
  VrDocument *document = vr_window_get_document (window);
  g_autoptr(VrParagraph) paragraph = g_list_model_get_item (vr_document_get_paragraphs (document), index);
  guint n = vr_paragraph_get_n_chars (paragraph, "en");
  GString *runs = g_string_new (NULL);
  int run_start = -1;

  for (guint i = 0; i <= n; i++)
    {
      gboolean on = i < n && has_tag (window, index, i, "annotation");

      if (on && run_start < 0)
        run_start = i;
      else if (!on && run_start >= 0)
        {
          g_string_append_printf (runs, "%s%d-%u", runs->len ? " " : "", run_start, i);
          run_start = -1;
        }
    }

  return g_string_free (runs, FALSE);
}

static char *
undo_label (VrWindow *window)
{
  return g_strdup (vr_history_get_undo_label (vr_window_get_history (window)));
}

static GListModel *
annotations_of (VrWindow *window)
{
  return vr_document_get_annotations (vr_window_get_document (window));
}

static VrAnnotation *
annotation_at (VrWindow *window,
               guint     position)
{
  g_autoptr(VrAnnotation) annotation = g_list_model_get_item (annotations_of (window), position);

  /* The document holds it. */
  return annotation;
}

static VrNotePopover *
note_popover (VrWindow *window)
{
  GtkWidget *popover = _vr_window_get_note_popover (window);

  g_assert_nonnull (popover);
  g_assert_true (VR_IS_NOTE_POPOVER (popover));
  return VR_NOTE_POPOVER (popover);
}

static char *
field_text (VrNotePopover *popover)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (vr_note_popover_get_field (popover));
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

static void
set_field_text (VrNotePopover *popover,
                const char    *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (vr_note_popover_get_field (popover)), text, -1);
}

/* Writes @text in a new note on what is selected (or the word at the
 * cursor), through win.add-note and its popover. */
static void
add_note (VrWindow   *window,
          const char *text)
{
  VrNotePopover *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-note", NULL));
  popover = note_popover (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_false (vr_note_popover_get_editing (popover));
  set_field_text (popover, text);
  g_assert_true (vr_note_popover_save (popover));
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static void
assert_annotation (VrAnnotation *annotation,
                   const char   *paragraph_id,
                   guint         start,
                   guint         end,
                   const char   *note)
{
  g_assert_cmpstr (vr_paragraph_get_id (vr_annotation_get_paragraph (annotation)), ==, paragraph_id);
  g_assert_cmpstr (vr_annotation_get_version_id (annotation), ==, "en");
  g_assert_cmpuint (vr_annotation_get_start (annotation), ==, start);
  g_assert_cmpuint (vr_annotation_get_end (annotation), ==, end);
  g_assert_cmpstr (vr_annotation_get_note (annotation), ==, note);
}

/* Whether a label under @widget shows exactly @text. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* "empty" or "list": what the Notes page shows. */
static const char *
page_of (VrNotesList *list)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (list))));
}

static void
test_notes_add_edit_delete (void)
{
  g_autoptr(GFile) file = copy_fixture ("letter.json", "add.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrNotesList *list = notes_list_of (window);
  VrAnnotation *annotation;
  VrNotePopover *popover;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);
  g_autofree char *runs = NULL;
  g_autofree char *text = NULL;
  char *label;

  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vr_notes_list_get_model (list)), ==, 0);
  g_assert_cmpstr (page_of (list), ==, "empty");
  g_assert_nonnull (find_label (GTK_WIDGET (list), "No Notes"));
  g_assert_nonnull (find_label (GTK_WIDGET (list), "Select text and press Ctrl+M"));

  /* "spoke first" in the second paragraph. */
  select_span (window, 1, 14, 25);
  add_note (window, "  Not in the stenogram.\n");

  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 1);
  annotation = annotation_at (window, 0);
  assert_annotation (annotation, "p2", 14, 25, "Not in the stenogram.");
  g_assert_cmpstr (vr_annotation_get_id (annotation), ==, "n1");
  g_assert_true (g_regex_match (iso, vr_annotation_get_created (annotation), 0, NULL));
  g_assert_true (vr_document_get_modified (document));
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Add Note");
  g_free (label);

  /* Marked in the text, exactly there; the selection made way for it. */
  runs = noted_runs (window, 1);
  g_assert_cmpstr (runs, ==, "14-25");
  g_clear_pointer (&runs, g_free);
  g_assert_false (gtk_text_buffer_get_has_selection (buffer_of (window)));
  g_assert_true (vr_text_view_get_annotation_at_offset (text_view_of (window),
                                                        vr_text_view_get_paragraph_offset (text_view_of (window), 1) + 20) == annotation);

  /* Listed. */
  g_assert_cmpstr (page_of (list), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (vr_notes_list_get_model (list)), ==, 1);
  g_assert_nonnull (vr_notes_list_get_row (list, 0));
  g_assert_nonnull (find_label (vr_notes_list_get_row (list, 0), "Not in the stenogram."));
  g_assert_nonnull (find_label (vr_notes_list_get_row (list, 0), "¶ 2"));
  g_assert_nonnull (find_label (vr_notes_list_get_row (list, 0), "“\u2068spoke first\u2069”"));

  /* Edit, from the note under the cursor. */
  place_cursor (window, 1, 16);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", "i", -1));
  popover = note_popover (window);
  g_assert_true (vr_note_popover_get_editing (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  text = field_text (popover);
  g_assert_cmpstr (text, ==, "Not in the stenogram.");
  g_clear_pointer (&text, g_free);
  set_field_text (popover, "Not in the stenogram; see the minutes.");
  g_assert_true (vr_note_popover_save (popover));
  flush_events ();
  assert_annotation (annotation, "p2", 14, 25, "Not in the stenogram; see the minutes.");
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Edit Note");
  g_free (label);
  g_assert_nonnull (find_label (vr_notes_list_get_row (list, 0), "Not in the stenogram; see the minutes."));

  /* Undo and redo of the edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_annotation (annotation, "p2", 14, 25, "Not in the stenogram.");
  g_assert_nonnull (find_label (vr_notes_list_get_row (list, 0), "Not in the stenogram."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  assert_annotation (annotation, "p2", 14, 25, "Not in the stenogram; see the minutes.");

  /* Saving an unchanged note is no step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", "i", 0));
  g_assert_true (vr_note_popover_save (note_popover (window)));
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Edit Note");
  g_free (label);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_annotation (annotation, "p2", 14, 25, "Not in the stenogram.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));

  /* Delete, from the popover. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", "i", 0));
  g_assert_true (vr_note_popover_delete (note_popover (window)));
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 0);
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Delete Note");
  g_free (label);
  runs = noted_runs (window, 1);
  g_assert_cmpstr (runs, ==, "");
  g_clear_pointer (&runs, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (vr_notes_list_get_model (list)), ==, 0);
  g_assert_cmpstr (page_of (list), ==, "empty");

  /* Undo the deletion: the note, its mark and its row come back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 1);
  assert_annotation (annotation_at (window, 0), "p2", 14, 25, "Not in the stenogram; see the minutes.");
  runs = noted_runs (window, 1);
  g_assert_cmpstr (runs, ==, "14-25");
  g_clear_pointer (&runs, g_free);
  g_assert_cmpstr (page_of (list), ==, "list");
  g_assert_nonnull (find_label (vr_notes_list_get_row (list, 0), "Not in the stenogram; see the minutes."));

  /* Redo it, then undo everything: the document is as it was saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 0);
  runs = noted_runs (window, 1);
  g_assert_cmpstr (runs, ==, "");
  g_assert_false (vr_document_get_modified (document));

  destroy_window (window);
}

static void
test_notes_word_at_cursor (void)
{
  g_autoptr(GFile) file = copy_fixture ("letter.json", "word.json");
  VrWindow *window = open_window (file);
  g_autofree char *runs = NULL;

  /* Inside "spoke" (14-19), then just after "first" (20-25). */
  place_cursor (window, 1, 16);
  add_note (window, "A verb.");
  place_cursor (window, 1, 25);
  add_note (window, "An adverb.");
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 2);
  assert_annotation (annotation_at (window, 0), "p2", 14, 19, "A verb.");
  assert_annotation (annotation_at (window, 1), "p2", 20, 25, "An adverb.");
  runs = noted_runs (window, 1);
  g_assert_cmpstr (runs, ==, "14-19 20-25");

  /* Between ". " and "Later" there is no word; a selection over two
   * paragraphs is no passage: nothing opens, nothing is added. */
  place_cursor (window, 1, 26);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-note", NULL));
  g_assert_false (gtk_widget_get_visible (_vr_window_get_note_popover (window)));
  select_span (window, 1, 60, 80);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-note", NULL));
  g_assert_false (gtk_widget_get_visible (_vr_window_get_note_popover (window)));
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 2);

  /* Ctrl+M again while a note is being written keeps that note. */
  select_span (window, 1, 0, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-note", NULL));
  {
    VrNotePopover *popover = note_popover (window);
    g_autofree char *text = NULL;

    set_field_text (popover, "A draft");
    select_span (window, 1, 4, 8);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-note", NULL));
    g_assert_true (note_popover (window) == popover);
    text = field_text (popover);
    g_assert_cmpstr (text, ==, "A draft");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* An empty note cannot be added. */
  select_span (window, 1, 0, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-note", NULL));
  set_field_text (note_popover (window), " \n ");
  g_assert_false (vr_note_popover_save (note_popover (window)));
  gtk_popover_popdown (GTK_POPOVER (note_popover (window)));
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 2);

  destroy_window (window);
}

static void
test_notes_marks_keep_names (void)
{
  g_autoptr(GFile) file = copy_fixture ("letter.json", "names.json");
  VrWindow *window = open_window (file);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer_of (window));

  /* A note on exactly a name: both marks are there; the note's colour
   * shows, and the name keeps its underline in its kind's colour. */
  select_span (window, 1, 0, 13);
  add_note (window, "Minister of Trade.");
  for (guint i = 0; i < 13; i++)
    {
      g_assert_true (has_tag (window, 1, i, "annotation"));
      g_assert_true (has_tag (window, 1, i, "mention-person"));
    }
  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "annotation")), >,
                   gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "mention-person")));
  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "annotation")), <,
                   gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "selected")));
  {
    gboolean underline_set = TRUE;

    g_object_get (gtk_text_tag_table_lookup (table, "annotation"), "underline-set", &underline_set, NULL);
    g_assert_false (underline_set);
  }

  /* A name inside the passage stays clickable as a name; the note has its
   * own hover card. */
  g_assert_nonnull (vr_text_view_get_mention_at_offset (text_view_of (window),
                                                        vr_text_view_get_paragraph_offset (text_view_of (window), 1) + 2));
  {
    GtkWidget *card = vr_text_view_create_annotation_card (text_view_of (window), annotation_at (window, 0));

    g_object_ref_sink (card);
    g_assert_nonnull (find_label (card, "Minister of Trade."));
    g_object_unref (card);
  }

  destroy_window (window);
}

static void
test_notes_list (void)
{
  g_autoptr(GFile) file = copy_fixture ("notes.json", "list.json");
  VrWindow *window = open_window (file);
  VrNotesList *list = notes_list_of (window);
  GListModel *shown = vr_notes_list_get_model (list);
  GtkTextBuffer *buffer = buffer_of (window);
  g_autoptr(VrAnnotation) first = NULL;
  g_autoptr(VrAnnotation) second = NULL;
  GtkTextIter s, e;
  GtkWidget *row;

  /* The file lists the p3 note first; the page follows the text. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  first = g_list_model_get_item (shown, 0);
  second = g_list_model_get_item (shown, 1);
  assert_annotation (first, "p2", 14, 25, "Not in the stenogram.");
  assert_annotation (second, "p3", 25, 37, "Which plan? The archive has two.");
  row = vr_notes_list_get_row (list, 1);
  g_assert_nonnull (find_label (row, "¶ 3"));
  g_assert_nonnull (find_label (row, "“\u2068harvest plan\u2069”"));
  g_assert_nonnull (find_label (row, "Which plan? The archive has two."));

  /* Character offsets, as the file counts them, past Hangul and two
   * characters outside the BMP. */
  {
    g_autofree char *runs = noted_runs (window, 2);

    g_assert_cmpstr (runs, ==, "25-37");
  }

  /* Clicking a row selects its passage in the text. (Checked before the
   * main loop runs: another test on the same display taking the PRIMARY
   * selection would clear it.) */
  gtk_widget_activate (row);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, vr_text_view_get_paragraph_offset (text_view_of (window), 2) + 25);
  g_assert_cmpint (gtk_text_iter_get_offset (&e), ==, vr_text_view_get_paragraph_offset (text_view_of (window), 2) + 37);

  /* The row's buttons act on their own note, whatever the file's order. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (vr_notes_list_get_row (list, 0)), "edit-button"), "clicked");
  g_assert_true (vr_note_popover_get_editing (note_popover (window)));
  {
    g_autofree char *text = field_text (note_popover (window));

    g_assert_cmpstr (text, ==, "Not in the stenogram.");
  }
  gtk_popover_popdown (GTK_POPOVER (note_popover (window)));

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (vr_notes_list_get_row (list, 0)), "delete-button"), "clicked");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 1);
  assert_annotation (annotation_at (window, 0), "p3", 25, 37, "Which plan? The archive has two.");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  {
    g_autofree char *runs = noted_runs (window, 1);

    g_assert_cmpstr (runs, ==, "");
  }

  /* Undone, it comes back at the end of the document's list, and in its
   * place on the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (shown, 0);
  assert_annotation (first, "p2", 14, 25, "Not in the stenogram.");
  g_assert_null (vr_annotation_get_id (first));

  /* A click on the noted passage opens its note. */
  g_signal_emit_by_name (text_view_of (window), "annotation-activated", second);
  g_assert_true (vr_note_popover_get_editing (note_popover (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (note_popover (window))));
  gtk_popover_popdown (GTK_POPOVER (note_popover (window)));

  destroy_window (window);
}

static void
test_notes_save_reload (void)
{
  g_autoptr(GFile) file = copy_fixture ("notes.json", "reload.json");
  VrWindow *window = open_window (file);
  g_autofree char *created = NULL;
  g_autofree char *runs = NULL;
  VrAnnotation *annotation;

  /* "spoke" in "(𝕐un) spoke of": after Hangul and an astral character. */
  select_span (window, 2, 10, 15);
  add_note (window, "Who is 𝕐?");
  annotation = annotation_at (window, 2);
  assert_annotation (annotation, "p3", 10, 15, "Who is 𝕐?");
  created = g_strdup (vr_annotation_get_created (annotation));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  iterate_until (not_modified, window);
  destroy_window (window);

  window = open_window (file);
  g_assert_cmpuint (g_list_model_get_n_items (annotations_of (window)), ==, 3);
  assert_annotation (annotation_at (window, 0), "p3", 25, 37, "Which plan? The archive has two.");
  assert_annotation (annotation_at (window, 1), "p2", 14, 25, "Not in the stenogram.");
  annotation = annotation_at (window, 2);
  assert_annotation (annotation, "p3", 10, 15, "Who is 𝕐?");
  g_assert_cmpstr (vr_annotation_get_id (annotation), ==, "n8");
  g_assert_cmpstr (vr_annotation_get_created (annotation), ==, created);
  runs = noted_runs (window, 2);
  g_assert_cmpstr (runs, ==, "10-15 25-37");
  g_clear_pointer (&runs, g_free);
  runs = noted_runs (window, 1);
  g_assert_cmpstr (runs, ==, "14-25");

  destroy_window (window);
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_notes_hostile_text (void)
{
  g_autoptr(GFile) file = copy_fixture ("letter.json", "hostile.json");
  VrWindow *window = open_window (file);
  VrNotesList *list = notes_list_of (window);
  g_autoptr(GString) note = g_string_new ("<b>&amp;</b> \u202Edesrever\u202C \u2067rtl\u2069 \x01\x1b[31m\x7f ");
  g_autofree char *text = NULL;
  GtkLabel *label;
  GtkWidget *card;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (note, "abcdefghij"[i % 10]);

  select_span (window, 1, 0, 13);
  add_note (window, note->str);
  assert_annotation (annotation_at (window, 0), "p2", 0, 13, note->str);

  /* The Notes page, shown and drawn, has it literally in a plain label. */
  vr_reader_view_show_notes (_vr_window_get_reader_view (window));
  label = find_label (vr_notes_list_get_row (list, 0), note->str);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  iterate_until (drawn, label);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* So has the hover card. */
  card = vr_text_view_create_annotation_card (text_view_of (window), annotation_at (window, 0));
  g_object_ref_sink (card);
  label = find_label (card, note->str);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  g_object_unref (card);

  /* And the popover's field. (Not drawn here: a popover shown grabs the
   * pointer, which starts a tooltip timer that GTK 4.8 lets outlive the
   * window, and crashes.) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-note", "i", 0));
  text = field_text (note_popover (window));
  g_assert_cmpstr (text, ==, note->str);
  gtk_popover_popdown (GTK_POPOVER (note_popover (window)));

  destroy_window (window);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("variorum-notes-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  tmp_file = g_file_new_for_path (tmpdir);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestNotes", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/notes/add-edit-delete", test_notes_add_edit_delete);
  g_test_add_func ("/notes/word-at-cursor", test_notes_word_at_cursor);
  g_test_add_func ("/notes/marks-keep-names", test_notes_marks_keep_names);
  g_test_add_func ("/notes/list", test_notes_list);
  g_test_add_func ("/notes/save-reload", test_notes_save_reload);
  g_test_add_func ("/notes/hostile-text", test_notes_hostile_text);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (tmp_file);
  g_free (tmpdir);

  return status;
}
