/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-edit"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vr-application-private.h"
#include "vr-metadata-panel.h"
#include "vr-tag-popover.h"
#include "vr-text-view.h"
#include "vr-window-private.h"

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

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A copy of the letter fixture in a fresh folder, to be edited and saved. */
static GFile *
copy_letter (const char *name)
{
  g_autoptr(GFile) source = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "letter.json", NULL);
  g_autoptr(GError) error = NULL;
  GFile *target = g_file_new_build_filename (tmpdir, name, NULL);

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return target;
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
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

  return window;
}

static void
destroy_window (VrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static AdwMessageDialog *
find_dialog (VrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What Enter does in an entry (or an entry row): its GtkText activates. */
static void
press_enter (GtkWidget *entry)
{
  GtkWidget *text = find_text (entry);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

static VrEntityDialog *
find_entity_dialog (VrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (VR_IS_ENTITY_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return VR_ENTITY_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
no_entity_dialog (gpointer data)
{
  return find_entity_dialog (data) == NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

static char *
menu_label (GMenuModel *menu,
            guint       index)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (menu, index, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

static void
rename_title (VrWindow   *window,
              const char *title)
{
  g_autoptr(VrCommand) command = NULL;

  command = vr_command_set_string_new (vr_document_get_metadata (vr_window_get_document (window)),
                                       "title", title);
  vr_window_push_command (window, command);
}

static void
test_edit_unsaved_mark (void)
{
  g_autoptr(GFile) file = copy_letter ("mark.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  AdwWindowTitle *title = _vr_window_get_window_title (window);
  GMenuModel *edit_menu = _vr_window_get_edit_menu (window);
  char *label;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Letter <b>& Report</b> on the Plenum — Variorum");
  g_assert_cmpuint (g_menu_model_get_n_items (edit_menu), ==, 2);
  label = menu_label (edit_menu, 0);
  g_assert_cmpstr (label, ==, "_Undo");
  g_free (label);

  rename_title (window, "Telegram_254");
  g_assert_true (vr_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Telegram_254 — Variorum");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "• Telegram_254");
  label = menu_label (edit_menu, 0);
  g_assert_cmpstr (label, ==, "_Undo Edit Title");
  g_free (label);

  /* Undo back to the saved state clears the mark; redo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (vr_document_get_modified (document));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Letter <b>& Report</b> on the Plenum");
  label = menu_label (edit_menu, 1);
  g_assert_cmpstr (label, ==, "_Redo Edit Title");
  g_free (label);
  label = menu_label (edit_menu, 0);
  g_assert_cmpstr (label, ==, "_Undo");
  g_free (label);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (vr_document_get_modified (document));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "• Telegram_254");

  /* A label with an underscore is not a mnemonic. */
  {
    g_autoptr(VrVariant) variant = vr_variant_new ("Kim_Il", VR_NAME_SYSTEM_OTHER);
    g_autoptr(VrCommand) command = vr_command_add_variant_new (vr_document_lookup_entity (document, "seo-hwi"), variant);

    vr_window_push_command (window, command);
    label = menu_label (edit_menu, 0);
    g_assert_cmpstr (label, ==, "_Undo Add Spelling “Kim__Il”");
    g_free (label);
  }

  destroy_window (window);
}

static void
test_edit_save_round_trip (void)
{
  g_autoptr(GFile) file = copy_letter ("save.json");
  g_autoptr(GFile) backup = g_file_new_build_filename (tmpdir, "save.json~", NULL);
  g_autofree char *original = read_file (file);
  g_autofree char *backed_up = NULL;
  g_autoptr(VrDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrMetadata *metadata = vr_document_get_metadata (document);
  VrEntity *yun = vr_document_lookup_entity (document, "yun-gong-heum");
  VrEntity *seo = vr_document_lookup_entity (document, "seo-hwi");
  VrParagraph *p1 = vr_document_lookup_paragraph (document, "p1");
  g_autoptr(VrField) field = vr_field_new ("Drafted by", "Ivanov");
  g_autoptr(VrEntity) choe = vr_entity_new ("plenum", VR_ENTITY_KIND_EVENT, "Plenum");
  g_autoptr(VrMention) mention = vr_mention_new (choe, p1, "en", 14, 20);
  VrCommand *commands[] = {
    vr_command_set_string_new (metadata, "title", "Telegram 254"),
    vr_command_set_string_new (metadata, "archive", "GARF"),
    vr_command_add_field_new (metadata, -1, field),
    vr_command_set_string_new (yun, "name", "Yun Kong-hum"),
    vr_command_set_string_new (yun, "cyrillic", "Юн Гон Хым"),
    vr_command_set_int_new (yun, "kind", VR_ENTITY_KIND_ORGANIZATION),
    vr_command_set_int_new (vr_entity_lookup_variant (yun, "Yung Kong-hum"), "status", VR_VARIANT_STATUS_REJECTED),
    vr_command_set_string_new (seo, "hanja", "徐輝"),
    vr_command_add_entity_new (choe),
    vr_command_add_mention_new (mention),
  };

  vr_mention_set_short (mention, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      vr_window_push_command (window, commands[i]);
      g_object_unref (commands[i]);
    }
  g_assert_true (vr_document_get_modified (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  iterate_until (not_modified, window);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* The previous file is kept beside the new one. */
  backed_up = read_file (backup);
  g_assert_cmpstr (backed_up, ==, original);

  reloaded = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  metadata = vr_document_get_metadata (reloaded);
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Telegram 254");
  g_assert_cmpstr (vr_metadata_get_archive (metadata), ==, "GARF");
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Drafted by"), ==, "Ivanov");
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "17");
  yun = vr_document_lookup_entity (reloaded, "yun-gong-heum");
  g_assert_cmpstr (vr_entity_get_name (yun), ==, "Yun Kong-hum");
  g_assert_cmpstr (vr_entity_get_cyrillic (yun), ==, "Юн Гон Хым");
  g_assert_cmpint (vr_entity_get_kind (yun), ==, VR_ENTITY_KIND_ORGANIZATION);
  g_assert_cmpint (vr_variant_get_status (vr_entity_lookup_variant (yun, "Yung Kong-hum")), ==, VR_VARIANT_STATUS_REJECTED);
  g_assert_cmpstr (vr_entity_get_hanja (vr_document_lookup_entity (reloaded, "seo-hwi")), ==, "徐輝");
  g_assert_cmpint (vr_entity_get_kind (vr_document_lookup_entity (reloaded, "plenum")), ==, VR_ENTITY_KIND_EVENT);
  {
    VrMention *found = vr_document_lookup_mention (reloaded, vr_document_lookup_paragraph (reloaded, "p1"), "en", 14, 20);

    g_assert_nonnull (found);
    g_assert_true (vr_mention_get_short (found));
    g_assert_cmpstr (vr_entity_get_id (vr_mention_get_entity (found)), ==, "plenum");
  }

  /* Undo after saving: unsaved again, and back to saved by redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (vr_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_false (vr_document_get_modified (document));

  destroy_window (window);
}

static void
test_edit_save_fails (void)
{
  g_autoptr(GFile) file = copy_letter ("fails.json");
  g_autoptr(GFile) not_a_folder = copy_letter ("not-a-folder");
  g_autoptr(GFile) target = g_file_get_child (not_a_folder, "fails.json");
  g_autofree char *original = read_file (file);
  g_autofree char *after = NULL;
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  AdwMessageDialog *dialog;

  rename_title (window, "Changed");

  /* The target's folder is a regular file: no one, not even root, can
   * write there. */
  _vr_window_save_to (window, target, TRUE);
  iterate_until (has_dialog, window);
  dialog = find_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Document");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not-a-folder/fails.json"));

  /* Still open, still unsaved, the old file untouched. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (vr_document_get_modified (document));
  g_assert_true (g_file_equal (vr_document_get_file (document), file));
  after = read_file (file);
  g_assert_cmpstr (after, ==, original);
  adw_message_dialog_response (dialog, "close");
  flush_events ();

  destroy_window (window);
}

static void
test_edit_close_prompt (void)
{
  g_autoptr(GFile) file = copy_letter ("close.json");
  g_autofree char *original = read_file (file);
  g_autofree char *saved = NULL;
  VrWindow *window = open_window (file);
  gpointer weak = window;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);

  /* Unmodified: closes without asking. */
  rename_title (window, "Closing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  g_assert_null (weak);

  /* Cancel keeps the window and the changes. */
  window = open_window (file);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  rename_title (window, "Closing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  flush_events ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  adw_message_dialog_response (dialog, "cancel");
  flush_events ();
  g_assert_nonnull (weak);
  g_assert_true (vr_document_get_modified (vr_window_get_document (window)));

  /* Discard closes and leaves the file alone. */
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  iterate_until (is_null, &weak);
  saved = read_file (file);
  g_assert_cmpstr (saved, ==, original);
  g_clear_pointer (&saved, g_free);

  /* Save writes the file, then closes. */
  window = open_window (file);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  rename_title (window, "Saved On Close");
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  iterate_until (is_null, &weak);
  saved = read_file (file);
  g_assert_nonnull (strstr (saved, "\"title\": \"Saved On Close\""));
  g_clear_pointer (&saved, g_free);

  /* Quitting asks too. */
  window = open_window (file);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  rename_title (window, "Quitting");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  flush_events ();
  g_assert_nonnull (weak);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  iterate_until (is_null, &weak);
}

static void select_span (VrWindow *window, guint index, guint start, guint end);

static void
test_edit_sample_is_read_only (void)
{
  const char *sample = g_getenv ("VARIORUM_SAMPLE");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  VrWindow *window;

  if (sample == NULL || !g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no sample document");
      return;
    }

  /* The application finds the sample in the source folder, as here. */
  file = g_file_new_for_path (sample);
  {
    g_autoptr(GFile) found = vr_application_dup_sample_file (app);

    if (!g_file_equal (found, file))
      {
        g_test_skip ("the sample is installed elsewhere");
        return;
      }
  }
  before = read_file (file);

  window = open_window (file);
  flush_events ();

  /* A figure, not a check: tagging on the real document, with the views
   * following (the text view rebuilds when idle). */
  {
    gint64 start;

    select_span (window, 1, 0, 4);
    start = g_get_monotonic_time ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-new-entity", "(ssb)", "Probe", "other", FALSE));
    g_test_message ("tag on the sample, the edit and its signals: %.1f ms",
                    (g_get_monotonic_time () - start) / 1000.0);
    flush_events ();
    g_test_message ("tag on the sample, views included: %.1f ms",
                    (g_get_monotonic_time () - start) / 1000.0);
    start = g_get_monotonic_time ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    flush_events ();
    g_test_message ("undo it: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  }

  rename_title (window, "Not In The Sample");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  flush_events ();

  /* Save asks where, suggesting the title as the name. */
  g_assert_nonnull (_vr_window_get_save_chooser (window));
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (_vr_window_get_save_chooser (window)));

    g_assert_cmpstr (name, ==, "Not In The Sample.json");
  }
  g_assert_true (vr_document_get_modified (vr_window_get_document (window)));
  after = read_file (file);
  g_assert_cmpstr (after, ==, before);

  /* Let the chooser's folder reading finish before it goes. */
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (_vr_window_get_save_chooser (window)));
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  destroy_window (window);
}

static VrTextView *
text_view_of (VrWindow *window)
{
  return VR_TEXT_VIEW (vr_reader_view_get_text_view (_vr_window_get_reader_view (window)));
}

/* Selects characters @start to @end of paragraph @index in the text view. */
static void
select_span (VrWindow *window,
             guint     index,
             guint     start,
             guint     end)
{
  VrTextView *view = text_view_of (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  int base = vr_text_view_get_paragraph_offset (view, index);
  GtkTextIter s, e;

  g_assert_cmpint (base, >=, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, base + start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, base + end);
  gtk_text_buffer_select_range (buffer, &s, &e);
}

static gboolean
span_has_tag (VrWindow   *window,
              guint       index,
              guint       offset,
              const char *tag_name)
{
  VrTextView *view = text_view_of (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, vr_text_view_get_paragraph_offset (view, index) + offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* Whether a visible label under @widget shows exactly @text. */
static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label_containing (child, text))
      return TRUE;

  return FALSE;
}

static char *
undo_label (VrWindow *window)
{
  return g_strdup (vr_history_get_undo_label (vr_window_get_history (window)));
}

static gboolean
panel_shows (gpointer data)
{
  gpointer *args = data;

  return find_label (args[0], args[1]);
}

static void
test_edit_tag_selection (void)
{
  g_autoptr(GFile) file = copy_letter ("tag.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrParagraph *p1 = vr_document_lookup_paragraph (document, "p1");
  VrEntity *seo = vr_document_lookup_entity (document, "seo-hwi");
  guint n_entities = g_list_model_get_n_items (vr_document_get_entities (document));
  VrEntity *plenum;
  VrMention *mention;
  GtkWidget *popover;
  g_autofree char *label = NULL;

  flush_events ();

  /* "Letter on the Plenum": "Plenum" (with a stray space) as a new event. */
  select_span (window, 0, 13, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-new-entity", "(ssb)", "Plenum", "event", FALSE));
  flush_events ();
  plenum = vr_document_lookup_entity (document, "plenum");
  g_assert_nonnull (plenum);
  g_assert_cmpint (vr_entity_get_kind (plenum), ==, VR_ENTITY_KIND_EVENT);
  mention = vr_document_lookup_mention (document, p1, "en", 14, 20);
  g_assert_nonnull (mention);
  g_assert_true (vr_mention_get_entity (mention) == plenum);
  g_assert_cmpuint (vr_variant_get_count (vr_entity_lookup_variant (plenum, "Plenum")), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_entities (document)), ==, n_entities + 1);
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Tag “Plenum”");
  /* The text view marks it at once; the sidebar lists the new entity and
   * the spellings table its spelling. */
  g_assert_true (span_has_tag (window, 0, 15, "mention-event"));
  {
    VrReaderView *reader = _vr_window_get_reader_view (window);
    gpointer args[2] = { vr_reader_view_get_entity_sidebar (reader), (gpointer) "Plenum" };

    iterate_until (panel_shows, args);
    args[0] = vr_reader_view_get_variant_table (reader);
    iterate_until (panel_shows, args);
  }
  g_assert_true (vr_document_get_modified (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_null (vr_document_lookup_entity (document, "plenum"));
  g_assert_false (span_has_tag (window, 0, 15, "mention-event"));
  g_assert_false (vr_document_get_modified (document));

  /* An existing entity, from the popover, as a short reference. */
  select_span (window, 0, 0, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL));
  popover = _vr_window_get_tag_popover (window);
  g_assert_true (VR_IS_TAG_POPOVER (popover));
  gtk_editable_set_text (vr_tag_popover_get_search_entry (VR_TAG_POPOVER (popover)), "SEO");
  g_signal_emit_by_name (vr_tag_popover_get_search_entry (VR_TAG_POPOVER (popover)), "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (vr_tag_popover_get_entities (VR_TAG_POPOVER (popover))), ==, 1);
  vr_tag_popover_set_short (VR_TAG_POPOVER (popover), TRUE);
  vr_tag_popover_choose (VR_TAG_POPOVER (popover), 0);
  flush_events ();
  mention = vr_document_lookup_mention (document, p1, "en", 0, 6);
  g_assert_nonnull (mention);
  g_assert_true (vr_mention_get_entity (mention) == seo);
  g_assert_true (vr_mention_get_short (mention));
  g_assert_null (vr_entity_lookup_variant (seo, "Letter"));
  g_assert_true (span_has_tag (window, 0, 2, "mention-person"));

  /* A new entity from the popover's New Entity row. */
  select_span (window, 2, 6, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL));
  popover = _vr_window_get_tag_popover (window);
  vr_tag_popover_choose_new (VR_TAG_POPOVER (popover), "  Party Speech ", VR_ENTITY_KIND_EVENT);
  flush_events ();
  {
    VrEntity *speech = vr_document_lookup_entity (document, "party-speech");
    VrMention *found = vr_document_lookup_mention (document, vr_document_lookup_paragraph (document, "p3"), "en", 6, 12);

    g_assert_nonnull (speech);
    g_assert_cmpstr (vr_entity_get_name (speech), ==, "Party Speech");
    g_assert_nonnull (found);
    g_assert_true (vr_mention_get_entity (found) == speech);
    g_assert_nonnull (vr_entity_lookup_variant (speech, "speech"));
  }

  /* Tagging it again is refused with a message, not a second mention. */
  select_span (window, 0, 0, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-entity", "(sb)", "yun-gong-heum", FALSE));
  g_assert_true (vr_mention_get_entity (vr_document_lookup_mention (document, p1, "en", 0, 6)) == seo);

  destroy_window (window);
}

static void
test_edit_mentions (void)
{
  g_autoptr(GFile) file = copy_letter ("mentions.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrParagraph *p2 = vr_document_lookup_paragraph (document, "p2");
  VrEntity *yun = vr_document_lookup_entity (document, "yun-gong-heum");
  VrEntity *seo = vr_document_lookup_entity (document, "seo-hwi");
  VrMention *mention = vr_document_lookup_mention (document, p2, "en", 33, 46);
  guint yun_count = vr_entity_get_mention_count (yun);
  VrVariant *translator = vr_entity_lookup_variant (yun, "Yung Kong-hum");
  g_autofree char *label = NULL;

  flush_events ();
  g_assert_nonnull (mention);
  g_assert_cmpuint (vr_variant_get_count (translator), ==, 1);

  /* The cursor on "Yung Kong-hum" (where a right click puts it). */
  select_span (window, 1, 35, 35);
  g_assert_true (vr_text_view_get_mention_at_cursor (text_view_of (window)) == mention);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retarget-mention", "s", "seo-hwi"));
  g_assert_true (vr_mention_get_entity (mention) == seo);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_count - 1);
  g_assert_cmpuint (vr_variant_get_count (translator), ==, 0);
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Change Entity");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (vr_mention_get_entity (mention) == yun);
  g_assert_cmpuint (vr_variant_get_count (translator), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-mention", NULL));
  flush_events ();
  g_assert_null (vr_document_lookup_mention (document, p2, "en", 33, 46));
  g_assert_cmpuint (vr_variant_get_count (translator), ==, 0);
  g_assert_false (span_has_tag (window, 1, 35, "mention-person"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_true (vr_document_lookup_mention (document, p2, "en", 33, 46) == mention);
  g_assert_true (span_has_tag (window, 1, 35, "mention-person"));
  g_assert_false (vr_document_get_modified (document));

  /* Change Entity… from the context menu: a popover of the entities. */
  select_span (window, 1, 35, 35);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.change-entity", NULL));
  {
    GtkWidget *popover = _vr_window_get_tag_popover (window);
    GListModel *shown;

    g_assert_true (VR_IS_TAG_POPOVER (popover));
    gtk_editable_set_text (vr_tag_popover_get_search_entry (VR_TAG_POPOVER (popover)), "hwi");
    g_signal_emit_by_name (vr_tag_popover_get_search_entry (VR_TAG_POPOVER (popover)), "search-changed");
    shown = vr_tag_popover_get_entities (VR_TAG_POPOVER (popover));
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    vr_tag_popover_choose (VR_TAG_POPOVER (popover), 0);
  }
  flush_events ();
  g_assert_true (vr_mention_get_entity (mention) == seo);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (vr_mention_get_entity (mention) == yun);

  /* No mention under the cursor: nothing happens. */
  select_span (window, 1, 20, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-mention", NULL));
  g_assert_false (vr_document_get_modified (document));

  destroy_window (window);
}

static void
test_edit_entity (void)
{
  g_autoptr(GFile) file = copy_letter ("entity.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrEntity *yun = vr_document_lookup_entity (document, "yun-gong-heum");
  guint n_mentions = g_list_model_get_n_items (vr_document_get_mentions (document));
  guint yun_mentions = vr_entity_get_mention_count (yun);
  VrEntityDialog *dialog;
  g_autofree char *label = NULL;

  flush_events ();

  /* The entity selected in the reader. */
  vr_reader_view_select_entity (_vr_window_get_reader_view (window), yun);
  flush_events ();
  {
    GtkWidget *sidebar = vr_reader_view_get_entity_sidebar (_vr_window_get_reader_view (window));
    GtkWidget *button = find_actionable (sidebar, "win.edit-entity");

    /* The sidebar's Edit button edits the selected entity. */
    g_assert_nonnull (button);
    g_assert_true (find_label (sidebar, "Yun Gong-heum"));
    g_signal_emit_by_name (button, "clicked");
  }
  flush_events ();
  dialog = find_entity_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (vr_entity_dialog_get_entity (dialog) == yun);
  g_assert_cmpstr (gtk_editable_get_text (vr_entity_dialog_get_entry (dialog, "name")), ==, "Yun Gong-heum");
  gtk_editable_set_text (vr_entity_dialog_get_entry (dialog, "name"), "Yun Kong-hum");
  /* Enter in an entry saves (the entries activate the default Save). */
  press_enter (GTK_WIDGET (vr_entity_dialog_get_entry (dialog, "name")));
  /* The default button clicks after its pressed look has shown. */
  iterate_until (no_entity_dialog, window);
  g_assert_cmpstr (vr_entity_get_name (yun), ==, "Yun Kong-hum");
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Rename Entity");
  /* The sidebar's details show the new name at once. */
  {
    GtkWidget *sidebar = vr_reader_view_get_entity_sidebar (_vr_window_get_reader_view (window));

    g_assert_true (find_label (sidebar, "Yun Kong-hum"));
  }
  g_clear_pointer (&label, g_free);

  /* Escape cancels: nothing changes. */
  dialog = _vr_window_edit_entity (window, yun);
  gtk_editable_set_text (vr_entity_dialog_get_entry (dialog, "name"), "Discarded");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  flush_events ();
  g_assert_null (find_entity_dialog (window));
  g_assert_cmpstr (vr_entity_get_name (yun), ==, "Yun Kong-hum");

  dialog = _vr_window_edit_entity (window, yun);
  gtk_editable_set_text (vr_entity_dialog_get_entry (dialog, "hanja"), "尹公欽");
  gtk_editable_set_text (vr_entity_dialog_get_entry (dialog, "hangul"), "");
  adw_combo_row_set_selected (vr_entity_dialog_get_kind_row (dialog), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entity.save", NULL));
  flush_events ();
  g_assert_cmpstr (vr_entity_get_hanja (yun), ==, "尹公欽");
  g_assert_null (vr_entity_get_hangul (yun));
  g_assert_cmpint (vr_entity_get_kind (yun), ==, VR_ENTITY_KIND_ORGANIZATION);
  /* The sidebar moves it to the organizations. */
  {
    gpointer args[2] = { vr_reader_view_get_entity_sidebar (_vr_window_get_reader_view (window)),
                         (gpointer) "Organizations" };

    iterate_until (panel_shows, args);
  }
  flush_events ();
  g_assert_true (span_has_tag (window, 1, 2, "mention-organization"));
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Edit Entity");
  g_clear_pointer (&label, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (vr_entity_get_hangul (yun), ==, "윤공흠");
  g_assert_cmpint (vr_entity_get_kind (yun), ==, VR_ENTITY_KIND_PERSON);

  /* Deleting takes its mentions; undo brings them back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-entity", "s", "yun-gong-heum"));
  flush_events ();
  g_assert_null (vr_document_lookup_entity (document, "yun-gong-heum"));
  g_assert_null (vr_reader_view_get_selected_entity (_vr_window_get_reader_view (window)));
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_mentions (document)), ==, n_mentions - yun_mentions);
  g_assert_false (span_has_tag (window, 1, 2, "mention-person"));
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Delete Entity “Yun Kong-hum”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_true (vr_document_lookup_entity (document, "yun-gong-heum") == yun);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_mentions);
  g_assert_true (span_has_tag (window, 1, 2, "mention-person"));

  destroy_window (window);
}

static const char hangul_document[] =
  "{ \"variorum\": 1,"
  "  \"versions\": [ { \"id\": \"en\", \"language\": \"en\" } ],"
  "  \"paragraphs\": [ { \"id\": \"p1\", \"text\": { \"en\": \"So Hwi spoke. Seo Hwi listened.\" } } ],"
  "  \"entities\": [ { \"id\": \"seo-hwi\", \"kind\": \"person\", \"name\": \"Seo Hwi\","
  "                    \"variants\": [ { \"form\": \"Seo Hwi\", \"system\": \"rr\" } ] } ],"
  "  \"mentions\": [ { \"entity\": \"seo-hwi\", \"paragraph\": \"p1\", \"version\": \"en\","
  "                    \"start\": 14, \"end\": 21 } ] }";

static int
find_form (VrEntityDialog  *dialog,
           const char      *form,
           GtkWidget      **add_button)
{
  for (guint i = 0; i < vr_entity_dialog_get_n_forms (dialog); i++)
    if (g_str_equal (vr_entity_dialog_get_form (dialog, i, add_button), form))
      return i;

  return -1;
}

/* Typing the Hangul shows the forms it implies; one not yet a spelling is
 * added on Save with its occurrences tagged, in the same undo step. */
static void
test_edit_entity_hangul (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (tmpdir, "hangul.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  VrWindow *window;
  VrDocument *document;
  VrParagraph *p1;
  VrEntity *seo;
  VrEntityDialog *dialog;
  VrMention *mention;
  GtkWidget *button = NULL;

  g_file_replace_contents (file, hangul_document, strlen (hangul_document), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  window = open_window (file);
  document = vr_window_get_document (window);
  p1 = vr_document_lookup_paragraph (document, "p1");
  seo = vr_document_lookup_entity (document, "seo-hwi");
  flush_events ();

  dialog = _vr_window_edit_entity (window, seo);
  g_assert_cmpuint (vr_entity_dialog_get_n_forms (dialog), ==, 0);
  gtk_editable_set_text (vr_entity_dialog_get_entry (dialog, "hangul"), "서휘");
  /* RR (already a spelling: no button), the usual surname, MR with and
   * without its breve, Kontsevich. */
  g_assert_cmpint (find_form (dialog, "Seo Hwi", &button), ==, 0);
  g_assert_null (button);
  g_assert_cmpint (find_form (dialog, "Suh Hwi", &button), >, 0);
  g_assert_nonnull (button);
  g_assert_cmpint (find_form (dialog, "Sŏ Hwi", &button), >, 0);
  g_assert_cmpint (find_form (dialog, "Со Хви", &button), >, 0);
  g_assert_cmpint (find_form (dialog, "So Hwi", &button), >, 0);
  g_assert_nonnull (button);
  /* Not Hangul: no forms. */
  gtk_editable_set_text (vr_entity_dialog_get_entry (dialog, "hangul"), "Seo");
  g_assert_cmpuint (vr_entity_dialog_get_n_forms (dialog), ==, 0);
  gtk_editable_set_text (vr_entity_dialog_get_entry (dialog, "hangul"), "서휘");
  g_assert_cmpint (find_form (dialog, "So Hwi", &button), >, 0);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entity.save", NULL));
  flush_events ();
  g_assert_null (find_entity_dialog (window));

  g_assert_cmpstr (vr_entity_get_hangul (seo), ==, "서휘");
  g_assert_nonnull (vr_entity_lookup_variant (seo, "So Hwi"));
  g_assert_cmpint (vr_variant_get_system (vr_entity_lookup_variant (seo, "So Hwi")), ==, VR_NAME_SYSTEM_MR);
  mention = vr_document_lookup_mention (document, p1, "en", 0, 6);
  g_assert_nonnull (mention);
  g_assert_true (vr_mention_get_entity (mention) == seo);
  g_assert_cmpuint (vr_variant_get_count (vr_entity_lookup_variant (seo, "So Hwi")), ==, 1);
  g_assert_true (span_has_tag (window, 0, 2, "mention-person"));
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Edit Entity");

  /* One step back: no Hangul, no spelling, no mention. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_null (vr_entity_get_hangul (seo));
  g_assert_null (vr_entity_lookup_variant (seo, "So Hwi"));
  g_assert_null (vr_document_lookup_mention (document, p1, "en", 0, 6));
  g_assert_false (span_has_tag (window, 0, 2, "mention-person"));
  g_assert_false (vr_document_get_modified (document));

  /* Redo brings back the same mention. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (vr_document_lookup_mention (document, p1, "en", 0, 6) == mention);
  g_assert_nonnull (vr_entity_lookup_variant (seo, "So Hwi"));

  destroy_window (window);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The citation shows the new title. */
static gboolean
not_modified_citation (gpointer data)
{
  return find_label_containing (data, "Telegram Nº 254");
}

static gboolean
is_editing (gpointer data)
{
  return vr_metadata_panel_get_editing (data);
}

static gboolean
not_editing (gpointer data)
{
  return !vr_metadata_panel_get_editing (data);
}

/* Types @text into @editable as the keyboard does: focus, replace, Enter. */
static void
type_and_enter (GtkEditable *editable,
                const char  *text)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (editable)));
  gtk_editable_set_text (editable, text);
  press_enter (GTK_WIDGET (editable));
  flush_events ();
}

static void
assert_undo_label (VrWindow   *window,
                   const char *expected)
{
  g_autofree char *label = undo_label (window);

  g_assert_cmpstr (label, ==, expected);
}

static GtkEditable *
field_entry (VrMetadataPanel *panel,
             guint            index,
             const char      *which)
{
  GtkWidget *row = vr_metadata_panel_get_list_row (panel, "fields", index);

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), which);
}

static GtkWidget *
remove_button (VrMetadataPanel *panel,
               const char      *list,
               guint            index)
{
  GtkWidget *row = vr_metadata_panel_get_list_row (panel, list, index);

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), "button");
}

/* The details panel's edit mode, by keyboard: every committed change is one
 * undoable step, the panel and the citation follow, and save → reload keeps
 * every metadata key. */
static void
test_edit_metadata (void)
{
  g_autoptr(GFile) file = copy_letter ("metadata.json");
  g_autoptr(VrDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrMetadata *metadata = vr_document_get_metadata (document);
  VrMetadataPanel *panel = VR_METADATA_PANEL (vr_reader_view_get_metadata_panel (_vr_window_get_reader_view (window)));
  GtkWidget *edit_button;
  GtkTextBuffer *summary;
  GListModel *fields = vr_metadata_get_fields (metadata);
  gpointer args[2] = { panel, NULL };
  const char * const *list;

  flush_events ();
  g_assert_false (vr_metadata_panel_get_editing (panel));
  edit_button = find_type (GTK_WIDGET (panel), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (edit_button);
  g_assert_true (gtk_widget_get_visible (edit_button));

  /* Space on the Edit button: the fields become entries, filled in. */
  gtk_widget_activate (edit_button);
  iterate_until (is_editing, panel);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (edit_button)), ==, "_Done");
  g_assert_cmpstr (gtk_editable_get_text (vr_metadata_panel_get_entry (panel, "title")), ==,
                   "Letter <b>& Report</b> on the Plenum");
  g_assert_cmpstr (gtk_editable_get_text (field_entry (panel, 0, "value")), ==, "17");

  /* The title, with Enter: one step, and the citation follows. */
  type_and_enter (vr_metadata_panel_get_entry (panel, "title"), "Telegram Nº 254");
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Telegram Nº 254");
  assert_undo_label (window, "Edit Title");
  iterate_until (not_modified_citation, panel);

  /* The date and archive location, committed when the focus leaves. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (vr_metadata_panel_get_entry (panel, "date"))));
  gtk_editable_set_text (vr_metadata_panel_get_entry (panel, "date"), "1956-09-18");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (vr_metadata_panel_get_entry (panel, "archive-location"))));
  flush_events ();
  g_assert_cmpstr (vr_metadata_get_date (metadata), ==, "1956-09-18");
  assert_undo_label (window, "Edit Date");
  gtk_editable_set_text (vr_metadata_panel_get_entry (panel, "archive-location"), "Fond 5446");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (vr_metadata_panel_get_entry (panel, "repository"))));
  flush_events ();
  g_assert_cmpstr (vr_metadata_get_archive_location (metadata), ==, "Fond 5446");

  /* The summary, several lines, committed when the focus leaves. */
  summary = gtk_text_view_get_buffer (vr_metadata_panel_get_summary_view (panel));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (vr_metadata_panel_get_summary_view (panel))));
  gtk_text_buffer_set_text (summary, "Two lines.\nThe second.", -1);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (vr_metadata_panel_get_entry (panel, "repository"))));
  flush_events ();
  g_assert_cmpstr (vr_metadata_get_summary (metadata), ==, "Two lines.\nThe second.");
  assert_undo_label (window, "Edit Summary");

  /* Authors: add two, rename one, remove one. */
  g_assert_null (vr_metadata_get_authors (metadata));
  type_and_enter (GTK_EDITABLE (vr_metadata_panel_get_list_row (panel, "authors", 0)), "Ivanov");
  list = vr_metadata_get_authors (metadata);
  g_assert_nonnull (list);
  g_assert_cmpstr (list[0], ==, "Ivanov");
  g_assert_null (list[1]);
  assert_undo_label (window, "Edit Authors");
  type_and_enter (GTK_EDITABLE (vr_metadata_panel_get_list_row (panel, "authors", 1)), "Petrov");
  g_assert_cmpuint (g_strv_length ((char **) vr_metadata_get_authors (metadata)), ==, 2);
  type_and_enter (GTK_EDITABLE (vr_metadata_panel_get_list_row (panel, "authors", 0)), "I. Ivanov");
  g_assert_cmpstr (vr_metadata_get_authors (metadata)[0], ==, "I. Ivanov");
  g_assert_cmpstr (vr_metadata_get_authors (metadata)[1], ==, "Petrov");
  g_signal_emit_by_name (remove_button (panel, "authors", 1), "clicked");
  flush_events ();
  g_assert_cmpuint (g_strv_length ((char **) vr_metadata_get_authors (metadata)), ==, 1);
  /* The list shows the model: one author and the row that adds. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vr_metadata_panel_get_list_row (panel, "authors", 0))), ==, "I. Ivanov");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vr_metadata_panel_get_list_row (panel, "authors", 1))), ==, "");
  g_assert_null (vr_metadata_panel_get_list_row (panel, "authors", 2));

  /* Recipients. */
  type_and_enter (GTK_EDITABLE (vr_metadata_panel_get_list_row (panel, "recipients", 0)), "Khrushchev");
  g_assert_cmpstr (vr_metadata_get_recipients (metadata)[0], ==, "Khrushchev");
  assert_undo_label (window, "Edit Recipients");

  /* Fields: change a value, add one with a label and value, remove one. */
  type_and_enter (field_entry (panel, 0, "value"), "254");
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "254");
  assert_undo_label (window, "Edit Field");
  gtk_editable_set_text (field_entry (panel, 1, "label"), "Drafted by");
  type_and_enter (field_entry (panel, 1, "value"), "Ivanov");
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Drafted by"), ==, "Ivanov");
  assert_undo_label (window, "Add Field");
  type_and_enter (field_entry (panel, 1, "label"), "Drafted");
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Drafted"), ==, "Ivanov");
  assert_undo_label (window, "Rename Field");
  g_signal_emit_by_name (remove_button (panel, "fields", 0), "clicked");
  flush_events ();
  g_assert_null (vr_metadata_lookup_field (metadata, "Document number"));
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 1);
  assert_undo_label (window, "Remove Field");

  /* Undo with the panel open: the entries follow the model. */
  gtk_widget_grab_focus (edit_button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "254");
  g_assert_cmpstr (gtk_editable_get_text (field_entry (panel, 0, "label")), ==, "Document number");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (field_entry (panel, 0, "label")), ==, "Drafted");

  /* Escape leaves edit mode; what was still typed is committed first. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (vr_metadata_panel_get_entry (panel, "translator"))));
  gtk_editable_set_text (vr_metadata_panel_get_entry (panel, "translator"), "A. Translator");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "metadata.stop-editing", NULL));
  iterate_until (not_editing, panel);
  g_assert_cmpstr (vr_metadata_get_translator (metadata), ==, "A. Translator");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (edit_button)), ==, "_Edit");
  args[1] = (gpointer) "I. Ivanov";
  iterate_until (panel_shows, args);
  args[1] = (gpointer) "Khrushchev";
  iterate_until (panel_shows, args);

  /* Save and reload: every edited key comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  iterate_until (not_modified, window);
  reloaded = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  metadata = vr_document_get_metadata (reloaded);
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Telegram Nº 254");
  g_assert_cmpstr (vr_metadata_get_date (metadata), ==, "1956-09-18");
  g_assert_cmpstr (vr_metadata_get_summary (metadata), ==, "Two lines.\nThe second.");
  g_assert_cmpstr (vr_metadata_get_archive_location (metadata), ==, "Fond 5446");
  g_assert_cmpstr (vr_metadata_get_translator (metadata), ==, "A. Translator");
  g_assert_cmpstr (vr_metadata_get_classification (metadata), ==, "Top Secret");
  g_assert_cmpstr (vr_metadata_get_original_language (metadata), ==, "ru");
  g_assert_cmpuint (g_strv_length ((char **) vr_metadata_get_authors (metadata)), ==, 1);
  g_assert_cmpstr (vr_metadata_get_authors (metadata)[0], ==, "I. Ivanov");
  g_assert_cmpuint (g_strv_length ((char **) vr_metadata_get_recipients (metadata)), ==, 1);
  g_assert_cmpstr (vr_metadata_get_recipients (metadata)[0], ==, "Khrushchev");
  g_assert_cmpuint (g_list_model_get_n_items (vr_metadata_get_fields (metadata)), ==, 1);
  g_assert_null (vr_metadata_lookup_field (metadata, "Document number"));
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Drafted"), ==, "Ivanov");

  /* Undo everything: back to the file as it was opened. */
  while (vr_history_undo (vr_window_get_history (window)))
    ;
  metadata = vr_document_get_metadata (document);
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "17");
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 1);
  g_assert_null (vr_metadata_get_authors (metadata));
  g_assert_null (vr_metadata_get_recipients (metadata));
  g_assert_null (vr_metadata_get_archive_location (metadata));
  g_assert_cmpstr (vr_metadata_get_summary (metadata), ==, "A short letter used by the window tests.");

  destroy_window (window);
}

/* Ctrl+Z in the panel's title entry undoes the typing, not the document. */
static void
test_edit_metadata_undo_typing (void)
{
  g_autoptr(GFile) file = copy_letter ("metadata-undo.json");
  VrWindow *window = open_window (file);
  VrMetadata *metadata = vr_document_get_metadata (vr_window_get_document (window));
  VrMetadataPanel *panel = VR_METADATA_PANEL (vr_reader_view_get_metadata_panel (_vr_window_get_reader_view (window)));
  GtkEditable *title;
  GtkWidget *text;
  int position;

  flush_events ();
  vr_metadata_panel_set_editing (panel, TRUE);
  type_and_enter (vr_metadata_panel_get_entry (panel, "date"), "1956");
  assert_undo_label (window, "Edit Date");

  title = vr_metadata_panel_get_entry (panel, "title");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (title)));
  text = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (text));
  position = g_utf8_strlen (gtk_editable_get_text (title), -1);
  gtk_editable_insert_text (GTK_EDITABLE (text), " (draft)", -1, &position);
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (title), " (draft)"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Letter <b>& Report</b> on the Plenum");
  g_assert_cmpstr (vr_metadata_get_date (metadata), ==, "1956");

  /* Nothing more typed to undo there: the next Ctrl+Z undoes the document,
   * and the entry follows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (vr_metadata_get_date (metadata), ==, "1956-09-15");
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (vr_metadata_panel_get_entry (panel, "date")), ==, "1956-09-15");

  /* Typing, Enter, more typing, Ctrl+Z: back to what Enter committed, which
   * stays in the document. */
  position = g_utf8_strlen (gtk_editable_get_text (title), -1);
  gtk_editable_insert_text (GTK_EDITABLE (text), " I", -1, &position);
  press_enter (GTK_WIDGET (title));
  flush_events ();
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Letter <b>& Report</b> on the Plenum I");
  position = g_utf8_strlen (gtk_editable_get_text (title), -1);
  gtk_editable_insert_text (GTK_EDITABLE (text), "I", -1, &position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Letter <b>& Report</b> on the Plenum I");
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Letter <b>& Report</b> on the Plenum I");
  /* Once more: the document's undo, and the entry follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Letter <b>& Report</b> on the Plenum");
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Letter <b>& Report</b> on the Plenum");

  destroy_window (window);
}

/* Ctrl+Z (win.undo) while typing in an entry undoes the typing, not the
 * document; with the focus elsewhere it undoes the document again. */
static void
test_edit_undo_in_entry (void)
{
  g_autoptr(GFile) file = copy_letter ("undo-entry.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrMetadata *metadata = vr_document_get_metadata (document);
  GtkEditable *entry;
  GtkWidget *popover;
  GtkWidget *text;
  int position = 0;

  flush_events ();
  /* Both win.undo and win.redo enabled, as they must be to steal the keys. */
  rename_title (window, "Edited Title");
  rename_title (window, "Edited Twice");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Edited Title");

  select_span (window, 0, 0, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL));
  popover = _vr_window_get_tag_popover (window);
  entry = vr_tag_popover_get_search_entry (VR_TAG_POPOVER (popover));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));
  flush_events ();
  text = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (text));
  gtk_editable_insert_text (GTK_EDITABLE (text), "Seo", -1, &position);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Seo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Edited Title");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Seo");
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Edited Title");

  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (vr_reader_view_get_text_view (_vr_window_get_reader_view (window)));
  flush_events ();
  g_assert_false (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (vr_metadata_get_title (metadata), ==, "Letter <b>& Report</b> on the Plenum");

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

static gboolean
mention_is_back (gpointer data)
{
  gpointer *args = data;

  return vr_document_lookup_mention (args[0], args[1], "en", GPOINTER_TO_UINT (args[2]),
                                     GPOINTER_TO_UINT (args[3])) != NULL;
}

static void
test_edit_find_mentions (void)
{
  g_autoptr(GFile) file = copy_letter ("find.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrParagraph *p2 = vr_document_lookup_paragraph (document, "p2");
  VrMention *mention = vr_document_lookup_mention (document, p2, "en", 33, 46);
  GListModel *mentions = vr_document_get_mentions (document);
  guint n_mentions = g_list_model_get_n_items (mentions);
  g_autofree char *label = NULL;
  gpointer args[4];

  flush_events ();
  g_assert_nonnull (mention);

  /* A spelling of a listed entity that lost its mention is found again,
   * as one undoable step; the rest of the text is already marked. */
  vr_document_remove_mention (document, mention);
  vr_document_set_modified (document, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, n_mentions - 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-mentions", NULL));
  args[0] = document;
  args[1] = p2;
  args[2] = GUINT_TO_POINTER (33);
  args[3] = GUINT_TO_POINTER (46);
  iterate_until (mention_is_back, args);
  flush_events ();

  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, n_mentions);
  g_assert_true (span_has_tag (window, 1, 35, "mention-person"));
  g_assert_true (vr_document_get_modified (document));
  label = undo_label (window);
  g_assert_cmpstr (label, ==, "Find Mentions");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_null (vr_document_lookup_mention (document, p2, "en", 33, 46));
  g_assert_false (span_has_tag (window, 1, 35, "mention-person"));
  g_assert_false (vr_document_get_modified (document));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("variorum-edit-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  tmp_file = g_file_new_for_path (tmpdir);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A blinking cursor in a focused entry draws frames for seconds, and
   * flush_events () would wait them all out. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  app = vr_application_new ("io.github.variorum.Variorum.TestEdit", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/edit/window/unsaved-mark", test_edit_unsaved_mark);
  g_test_add_func ("/edit/window/save-round-trip", test_edit_save_round_trip);
  g_test_add_func ("/edit/window/save-fails", test_edit_save_fails);
  g_test_add_func ("/edit/window/close-prompt", test_edit_close_prompt);
  g_test_add_func ("/edit/window/sample-is-read-only", test_edit_sample_is_read_only);
  g_test_add_func ("/edit/window/tag-selection", test_edit_tag_selection);
  g_test_add_func ("/edit/window/mentions", test_edit_mentions);
  g_test_add_func ("/edit/window/entity", test_edit_entity);
  g_test_add_func ("/edit/window/entity-hangul", test_edit_entity_hangul);
  g_test_add_func ("/edit/window/metadata", test_edit_metadata);
  g_test_add_func ("/edit/window/metadata-undo-typing", test_edit_metadata_undo_typing);
  g_test_add_func ("/edit/window/find-mentions", test_edit_find_mentions);
  g_test_add_func ("/edit/window/undo-in-entry", test_edit_undo_in_entry);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (tmp_file);
  g_free (tmpdir);

  return status;
}
