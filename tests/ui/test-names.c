/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-names"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vr-application-private.h"
#include "vr-window-private.h"
#include "names/vr-suggestions-view.h"

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

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
not_loading (gpointer data)
{
  return !vr_window_get_loading (data);
}

static GFile *
fixture_file (const char *name)
{
  return g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", name, NULL);
}

static GFile *
seed_file (void)
{
  return g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", "data", "samples",
                                    "telegram-254.seed.txt", NULL);
}

static VrWindow *
open_window (GFile *file)
{
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));

  return window;
}

static void
destroy_window (VrWindow *window)
{
  VrDocument *document = vr_window_get_document (window);

  /* Unsaved edits would ask first. */
  if (document != NULL)
    vr_document_set_modified (document, FALSE);
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
find_type (GtkWidget *widget,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
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

static guint
n_rows (VrSuggestionsView *view)
{
  GtkWidget *list = vr_suggestions_view_get_list (view);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

static VrSuggestionsView *
show_suggestions (VrWindow *window)
{
  VrReaderView *reader = _vr_window_get_reader_view (window);
  GtkWidget *view = vr_reader_view_get_suggestions_view (reader);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, "suggestions");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return VR_SUGGESTIONS_VIEW (view);
}

typedef struct
{
  VrSuggestionsView *view;
  guint              n;
} WaitRows;

static gboolean
has_rows (gpointer data)
{
  WaitRows *wait = data;

  return vr_suggestions_view_get_n_suggestions (wait->view) == wait->n && n_rows (wait->view) == wait->n;
}

static void
wait_for_rows (VrSuggestionsView *view,
               guint              n)
{
  WaitRows wait = { view, n };

  iterate_until (has_rows, &wait);
}

static guint
count_decisions (VrDocument *document,
                 VrVerdict   verdict)
{
  GListModel *decisions = vr_document_get_decisions (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decisions, i);

      if (vr_decision_get_verdict (decision) == verdict)
        n++;
    }
  return n;
}

/* Accept through the row's button merges; Undo brings the row back. */
static void
test_names_accept (void)
{
  g_autoptr(GFile) file = fixture_file ("two-yuns.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrSuggestionsView *view = show_suggestions (window);
  VrEntity *yun = vr_document_lookup_entity (document, "yun-gong-heum");
  VrEntity *yung = vr_document_lookup_entity (document, "yung-kong-hum");
  guint n_entities = g_list_model_get_n_items (vr_document_get_entities (document));
  guint n_mentions = vr_entity_get_mention_count (yun) + vr_entity_get_mention_count (yung);
  GtkWidget *status, *accept;

  g_assert_nonnull (yun);
  g_assert_nonnull (yung);
  wait_for_rows (view, 1);
  status = find_type (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);
  g_assert_false (gtk_widget_get_mapped (status));

  accept = find_actionable (vr_suggestions_view_get_list (view), "win.accept-suggestion");
  g_assert_nonnull (accept);
  g_assert_true (gtk_widget_get_mapped (accept));
  g_assert_true (gtk_widget_get_focusable (accept));
  g_assert_true (gtk_widget_is_sensitive (accept));
  /* A click: gtk_widget_activate() clicks only after a timeout. */
  g_signal_emit_by_name (accept, "clicked");

  g_assert_null (vr_document_lookup_entity (document, "yung-kong-hum"));
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_entities (document)), ==, n_entities - 1);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, n_mentions);
  g_assert_nonnull (vr_entity_lookup_variant (yun, "Yung Kong-hum"));
  g_assert_cmpuint (count_decisions (document, VR_VERDICT_SAME), ==, 1);
  g_assert_cmpstr (vr_history_get_undo_label (vr_window_get_history (window)), ==,
                   "Accept Suggestion “Yun Gong-heum, Yung Kong-hum”");

  wait_for_rows (view, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (status));

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (vr_document_lookup_entity (document, "yung-kong-hum") == yung);
  g_assert_cmpuint (vr_entity_get_mention_count (yung), ==, 1);
  g_assert_cmpuint (count_decisions (document, VR_VERDICT_SAME), ==, 0);
  wait_for_rows (view, 1);

  destroy_window (window);
}

/* Reject records "different", and the row goes away for good. */
static void
test_names_reject (void)
{
  g_autoptr(GFile) file = fixture_file ("two-yuns.json");
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  VrSuggestionsView *view = show_suggestions (window);
  guint n_entities = g_list_model_get_n_items (vr_document_get_entities (document));
  GtkWidget *reject;

  wait_for_rows (view, 1);
  reject = find_actionable (vr_suggestions_view_get_list (view), "win.reject-suggestion");
  g_assert_nonnull (reject);
  g_assert_true (gtk_widget_is_sensitive (reject));
  g_signal_emit_by_name (reject, "clicked");

  g_assert_cmpuint (count_decisions (document, VR_VERDICT_DIFFERENT), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_entities (document)), ==, n_entities);
  g_assert_true (vr_document_get_modified (document));
  wait_for_rows (view, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_decisions (document, VR_VERDICT_DIFFERENT), ==, 0);
  wait_for_rows (view, 1);

  /* The action with the row's position does what the button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-suggestion", "u", 0));
  wait_for_rows (view, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for_rows (view, 1);

  /* A second entity for Choe Chang-ik makes a second row; rejecting the
   * first from the keyboard leaves the focus on the row that remains. */
  {
    g_autoptr(VrEntity) choe = vr_entity_new ("choe-chang-ik-2", VR_ENTITY_KIND_PERSON, "Ch'oe Ch'ang-ik");
    g_autoptr(VrVariant) form = vr_variant_new ("Ch'oe Ch'ang-ik", VR_NAME_SYSTEM_MR);
    GtkWidget *first_reject, *row;

    vr_entity_add_variant (choe, form);
    vr_document_add_entity (document, choe);
    wait_for_rows (view, 2);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

    first_reject = find_actionable (vr_suggestions_view_get_list (view), "win.reject-suggestion");
    g_assert_true (gtk_widget_grab_focus (first_reject));
    g_signal_emit_by_name (first_reject, "clicked");
    wait_for_rows (view, 1);
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (vr_suggestions_view_get_list (view)), 0));
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
  }

  destroy_window (window);
}

/* The reconciled sample proposes nothing: the empty state shows. */
static void
test_names_empty (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VARIORUM_SAMPLE"));
  VrWindow *window = open_window (file);
  VrSuggestionsView *view = show_suggestions (window);

  wait_for_rows (view, 0);
  g_assert_true (gtk_widget_get_mapped (find_type (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE)));
  /* An action with no row behind it does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-suggestion", "u", 3));
  g_assert_false (vr_document_get_modified (vr_window_get_document (window)));

  /* A spelling edited to match another person's is proposed; rejected as a
   * spelling, it is not. */
  {
    VrDocument *document = vr_window_get_document (window);
    VrEntity *entity = vr_document_lookup_entity (document, "choe-yong-geon");
    VrVariant *variant = vr_entity_lookup_variant (entity, "Choe Yong-geon");
    g_autoptr(VrCommand) edit = vr_command_set_string_new (variant, "form", "Ch'oe Ch'ang-ik");
    g_autoptr(VrCommand) reject = vr_command_set_int_new (variant, "status", VR_VARIANT_STATUS_REJECTED);

    vr_window_push_command (window, edit);
    wait_for_rows (view, 1);
    vr_window_push_command (window, reject);
    wait_for_rows (view, 0);
  }

  destroy_window (window);
}

static gboolean
has_document (gpointer data)
{
  return vr_window_get_document (data) != NULL && !vr_window_get_loading (data);
}

/* Import of the seed text gives the sample's people, as a new unsaved
 * document that Save asks a place for. */
static void
test_names_import (void)
{
  g_autoptr(GFile) seed = seed_file ();
  g_autoptr(GFile) sample_file = g_file_new_for_path (g_getenv ("VARIORUM_SAMPLE"));
  g_autoptr(VrDocument) sample = vr_document_load_file (sample_file, NULL, NULL);
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));
  VrDocument *document;
  GListModel *entities;
  guint n_people = 0;

  g_assert_nonnull (sample);
  gtk_window_present (GTK_WINDOW (window));
  /* File → Import… asks in a native chooser, which a test cannot drive:
   * the chosen file goes here. */
  _vr_window_import_file (window, seed);
  g_assert_true (vr_window_get_loading (window));
  iterate_until (has_document, window);

  document = vr_window_get_document (window);
  g_assert_null (vr_document_get_file (document));
  g_assert_true (vr_document_get_modified (document));
  entities = vr_document_get_entities (sample);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);
      VrEntity *imported;

      if (vr_entity_get_kind (entity) != VR_ENTITY_KIND_PERSON)
        continue;
      imported = vr_document_lookup_entity (document, vr_entity_get_id (entity));
      g_assert_nonnull (imported);
      g_assert_cmpstr (vr_entity_get_name (imported), ==, vr_entity_get_name (entity));
      g_assert_cmpuint (vr_entity_get_mention_count (imported), >, 0);
      n_people++;
    }
  g_assert_cmpuint (n_people, ==, 29);

  /* Save has no file to write to: it asks where. */
  g_assert_null (_vr_window_get_save_chooser (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_nonnull (_vr_window_get_save_chooser (window));

  destroy_window (window);
}

/* A file that is not a page's text: the importer's message, and the open
 * document stays. */
static void
test_names_import_bad (void)
{
  g_autoptr(GFile) file = fixture_file ("two-yuns.json");
  g_autofree char *path = g_build_filename (tmpdir, "blank.txt", NULL);
  g_autoptr(GFile) blank = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  AdwMessageDialog *dialog;

  g_file_set_contents (path, "   \n\n  ", -1, &error);
  g_assert_no_error (error);

  _vr_window_import_file (window, blank);
  iterate_until (not_loading, window);
  flush_events ();

  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the File");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "blank.txt"));
  g_assert_true (vr_window_get_document (window) == document);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_unlink (path);
  destroy_window (window);
}

/* Unsaved changes are never replaced: the import opens a window of its own. */
static void
test_names_import_new_window (void)
{
  g_autoptr(GFile) file = fixture_file ("two-yuns.json");
  g_autoptr(GFile) seed = seed_file ();
  VrWindow *window = open_window (file);
  VrDocument *document = vr_window_get_document (window);
  GList *windows;
  VrWindow *other = NULL;

  vr_document_set_modified (document, TRUE);
  _vr_window_import_file (window, seed);
  iterate_until (not_loading, window);
  flush_events ();

  g_assert_true (vr_window_get_document (window) == document);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  for (GList *l = windows; l != NULL; l = l->next)
    if (VR_IS_WINDOW (l->data) && l->data != window)
      other = l->data;
  g_assert_nonnull (other);
  g_assert_nonnull (vr_window_get_document (other));
  g_assert_nonnull (vr_document_lookup_entity (vr_window_get_document (other), "yun-gong-heum"));

  destroy_window (other);
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

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
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

  tmpdir = g_dir_make_tmp ("variorum-names-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  tmp_file = g_file_new_for_path (tmpdir);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestNames", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/names/window/accept", test_names_accept);
  g_test_add_func ("/names/window/reject", test_names_reject);
  g_test_add_func ("/names/window/empty", test_names_empty);
  g_test_add_func ("/names/window/import", test_names_import);
  g_test_add_func ("/names/window/import-bad", test_names_import_bad);
  g_test_add_func ("/names/window/import-new-window", test_names_import_new_window);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (tmp_file);
  g_free (tmpdir);

  return status;
}
