/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "vr-application-private.h"
#include "vr-window-private.h"

#define LETTER_TITLE "Letter <b>& Report</b> on the Plenum"

static VrApplication *app;

static GFile *
fixture (const char *name)
{
  return g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", name, NULL);
}

static GSettings *
settings (void)
{
  return vr_application_get_settings (app);
}

static void
reset_settings (void)
{
  const char *keys[] = { "zoom", "show-entities", "show-details", "show-spellings" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings (), keys[i]);
}

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

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

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static VrWindow *
new_window (void)
{
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (VrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static GtkWidget *
find_spinner (GtkWidget *widget)
{
  if (GTK_IS_SPINNER (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_spinner (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
open_and_wait (VrWindow *window,
               GFile    *file)
{
  GtkWidget *spinner;

  vr_window_open_file (window, file);
  g_assert_true (vr_window_get_loading (window));

  /* Loading runs in a thread and shows that it does. */
  spinner = find_spinner (_vr_window_get_header_bar (window));
  g_assert_nonnull (spinner);
  g_assert_true (gtk_widget_get_visible (spinner));

  iterate_until (not_loading, window);
  g_assert_false (gtk_widget_get_visible (spinner));
}

/* The message dialog shown for @window, or NULL. */
static AdwMessageDialog *
find_error_dialog (VrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* The first widget under @widget whose action is @action_name. */
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

static void
test_window_empty_state (void)
{
  VrWindow *window = new_window ();
  GtkWidget *search;
  GtkStack *stack = _vr_window_get_stack (window);

  g_assert_null (vr_window_get_document (window));
  g_assert_true (vr_window_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_window_title_get_title (_vr_window_get_window_title (window)), ==, "Variorum");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Variorum");

  /* Nothing to search in an empty window. */
  search = find_actionable (_vr_window_get_header_bar (window), "reader.search");
  g_assert_nonnull (search);
  g_assert_false (gtk_widget_is_sensitive (search));
  g_assert_false (gtk_widget_get_visible (search));

  close_window (window);
}

static void
test_window_open_document (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  VrWindow *window = new_window ();
  VrReaderView *reader;
  AdwWindowTitle *title;
  VrDocument *document;

  open_and_wait (window, file);

  document = vr_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_true (g_file_equal (vr_window_get_file (window), file));
  g_assert_false (vr_window_is_empty (window));

  /* The title is shown as text: markup in a document stays literal. */
  title = _vr_window_get_window_title (window);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, LETTER_TITLE);
  g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (title), "letter.json"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, LETTER_TITLE " — Variorum");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), LETTER_TITLE "\n"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (_vr_window_get_stack (window)), ==, "document");
  g_assert_true (gtk_widget_is_sensitive (find_actionable (_vr_window_get_header_bar (window), "reader.search")));
  g_assert_true (gtk_widget_get_visible (find_actionable (_vr_window_get_header_bar (window), "reader.search")));
  reader = _vr_window_get_reader_view (window);
  g_assert_true (vr_reader_view_get_document (reader) == document);

  /* Closing the document shows the empty state again. */
  vr_window_set_document (window, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (_vr_window_get_stack (window)), ==, "empty");
  g_assert_null (vr_reader_view_get_document (reader));

  close_window (window);
}

static void
check_broken_file_keeps_document (const char *name,
                                  const char *expected_in_message)
{
  g_autoptr(GFile) good = fixture ("letter.json");
  g_autoptr(GFile) bad = fixture (name);
  g_autoptr(VrDocument) before = NULL;
  VrWindow *window = new_window ();
  AdwMessageDialog *dialog;

  open_and_wait (window, good);
  before = g_object_ref (vr_window_get_document (window));
  g_assert_null (find_error_dialog (window));

  open_and_wait (window, bad);

  /* The document already open stays open, and the error names the file. */
  g_assert_true (vr_window_get_document (window) == before);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (_vr_window_get_stack (window)), ==, "document");
  g_assert_cmpstr (adw_window_title_get_title (_vr_window_get_window_title (window)), ==, LETTER_TITLE);

  dialog = find_error_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected_in_message));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
test_window_open_broken (void)
{
  check_broken_file_keeps_document ("broken.json", "broken.json");
}

static void
test_window_open_missing (void)
{
  check_broken_file_keeps_document ("no-such-file.json", "no-such-file.json");
}

/* Whether a menu item or button using the action would be sensitive. */
static gboolean
action_enabled (VrWindow   *window,
                const char *action_name)
{
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  adw_header_bar_pack_end (ADW_HEADER_BAR (_vr_window_get_header_bar (window)), button);
  enabled = gtk_widget_get_sensitive (button);
  adw_header_bar_remove (ADW_HEADER_BAR (_vr_window_get_header_bar (window)), button);

  return enabled;
}

static void
test_window_zoom (void)
{
  VrWindow *window = new_window ();
  VrReaderView *reader = _vr_window_get_reader_view (window);
  double zoom;

  reset_settings ();
  g_assert_cmpfloat (g_settings_get_double (settings (), "zoom"), ==, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  zoom = g_settings_get_double (settings (), "zoom");
  g_assert_cmpfloat (zoom, >, 1.0);
  g_object_get (reader, "zoom", &zoom, NULL);
  g_assert_cmpfloat (zoom, >, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  zoom = g_settings_get_double (settings (), "zoom");
  g_assert_cmpfloat (zoom, <, 1.0);
  g_object_get (reader, "zoom", &zoom, NULL);
  g_assert_cmpfloat (zoom, <, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings (), "zoom"), ==, 1.0);
  g_object_get (reader, "zoom", &zoom, NULL);
  g_assert_cmpfloat (zoom, ==, 1.0);

  /* Zooming stops at the key's range and the action says so. */
  for (guint i = 0; i < 30; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings (), "zoom"), ==, 3.0);
  g_assert_false (action_enabled (window, "win.zoom-in"));
  g_assert_true (action_enabled (window, "win.zoom-out"));
  for (guint i = 0; i < 30; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings (), "zoom"), ==, 0.5);
  g_assert_false (action_enabled (window, "win.zoom-out"));
  g_assert_true (action_enabled (window, "win.zoom-in"));

  /* A zoom set elsewhere (another window) reaches this one. */
  g_settings_set_double (settings (), "zoom", 2.0);
  g_object_get (reader, "zoom", &zoom, NULL);
  g_assert_cmpfloat (zoom, ==, 2.0);

  reset_settings ();
  close_window (window);
}

static void
test_window_panels (void)
{
  const char *keys[] = { "show-entities", "show-details", "show-spellings" };
  VrWindow *window = new_window ();
  VrReaderView *reader = _vr_window_get_reader_view (window);

  reset_settings ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *action = g_strconcat ("win.", keys[i], NULL);
      gboolean shown;

      g_object_get (reader, keys[i], &shown, NULL);
      g_assert_true (shown);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
      g_assert_false (g_settings_get_boolean (settings (), keys[i]));
      g_object_get (reader, keys[i], &shown, NULL);
      g_assert_false (shown);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
      g_assert_true (g_settings_get_boolean (settings (), keys[i]));
      g_object_get (reader, keys[i], &shown, NULL);
      g_assert_true (shown);
    }

  reset_settings ();
  close_window (window);
}

/* An action from the window's GActionMap or installed on its class. */
static gboolean
window_has_action (VrWindow   *window,
                   const char *name)
{
  g_autofree char *full = g_strconcat ("win.", name, NULL);
  const char *installed;
  const GVariantType *param_type;
  const char *property;
  GType owner;

  if (g_action_group_has_action (G_ACTION_GROUP (window), name))
    return TRUE;

  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner,
                                      &installed, &param_type, &property);
       i++)
    if (g_str_equal (installed, full))
      return TRUE;

  return FALSE;
}

static void
test_window_actions_exist (void)
{
  const char *win_actions[] = {
    "open", "open-sample", "open-recent", "zoom-in", "zoom-out", "zoom-reset",
    "show-entities", "show-details", "show-spellings", "close", "show-help-overlay",
  };
  const char *app_actions[] = { "quit", "about", "shortcuts", "new-window" };
  const char *accels[][2] = {
    { "win.open", "<Control>o" },
    { "win.close", "<Control>w" },
    { "win.zoom-in", "<Control>plus" },
    { "win.zoom-out", "<Control>minus" },
    { "win.zoom-reset", "<Control>0" },
    { "win.show-entities", "F9" },
    { "win.show-details", "<Control>i" },
    { "win.show-spellings", "<Control>j" },
    { "app.quit", "<Control>q" },
  };
  VrWindow *window = new_window ();

  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), app_actions[i]));

  for (guint i = 0; i < G_N_ELEMENTS (win_actions); i++)
    g_assert_true (window_has_action (window, win_actions[i]));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), accels[i][0]);

      g_assert_true (g_strv_contains ((const char * const *) set, accels[i][1]));
    }

  reset_settings ();
  close_window (window);
}

static gboolean
has_label_text (GtkWidget *button)
{
  if (GTK_IS_BUTTON (button))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (button));

      if (label != NULL && gtk_button_get_icon_name (GTK_BUTTON (button)) == NULL)
        return TRUE;
    }
  else if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) != NULL;

  return FALSE;
}

static guint
check_buttons_named (GtkWidget *widget)
{
  guint checked = 0;

  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      gtk_widget_get_visible (widget) &&
      !has_label_text (widget))
    {
      /* This includes a GtkMenuButton's inner toggle, where screen readers
       * land: it needs a name of its own. */
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("%s in the header bar (tooltip “%s”) has no accessible label",
                 G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "");
      checked++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_buttons_named (child);

  return checked;
}

static void
test_window_accessible_labels (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  VrWindow *window = new_window ();
  guint checked;

  open_and_wait (window, file);
  flush_events ();
  checked = check_buttons_named (_vr_window_get_header_bar (window));

  /* The three panel toggles, search and the main menu at least. */
  g_assert_cmpuint (checked, >=, 5);

  close_window (window);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_window_snapshot (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;
  g_autofree guchar *pixels = NULL;
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  VrWindow *window = new_window ();
  GskRenderer *renderer;
  int width, height;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  open_and_wait (window, file);
  iterate_until (is_mapped, window);

  /* Let layout and a few frames happen. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (10000);
      flush_events ();
    }

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_nonnull (texture);

  png = g_build_filename (g_test_get_dir (G_TEST_BUILT), "window-snapshot.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("snapshot saved to %s", png);

  /* Not blank: a window with text and a header bar has many colours. */
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      guint32 pixel;

      memcpy (&pixel, pixels + (gsize) i * 4, 4);
      g_hash_table_add (colors, GUINT_TO_POINTER (pixel));
    }
  g_assert_cmpuint (g_hash_table_size (colors), >, 16);

  close_window (window);
}

static void
test_window_one_document_per_window (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  g_autoptr(GFile) broken = fixture ("broken.json");
  VrWindow *window = new_window ();
  guint n_windows;
  GList *windows;
  VrWindow *other = NULL;

  /* An empty window takes the file. */
  _vr_application_open_file (app, file, window);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* The same file again: the window that shows it, no new one. */
  _vr_application_open_file (app, file, window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
  g_assert_false (vr_window_get_loading (window));

  /* Another file: a window of its own; the first keeps its document. */
  _vr_application_open_file (app, broken, window);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, n_windows + 1);
  for (GList *l = windows; l; l = l->next)
    if (l->data != window && VR_IS_WINDOW (l->data))
      other = l->data;
  g_assert_nonnull (other);
  iterate_until (not_loading, other);
  g_assert_nonnull (vr_window_get_document (window));
  g_assert_nonnull (find_error_dialog (other));

  gtk_window_destroy (GTK_WINDOW (find_error_dialog (other)));
  close_window (other);
  close_window (window);
}

static gboolean
recent_menu_has_items (gpointer data)
{
  GMenuModel *section = _vr_window_get_recent_menu (data);

  g_main_context_iteration (NULL, FALSE);
  return g_menu_model_get_n_items (section) > 0;
}

static void
test_window_recent (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  g_autofree char *uri = g_file_get_uri (file);
  VrWindow *window = new_window ();
  GMenuModel *section;
  g_autoptr(GMenuModel) submenu = NULL;
  g_autoptr(GVariant) target = NULL;

  open_and_wait (window, file);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  iterate_until (recent_menu_has_items, window);
  section = _vr_window_get_recent_menu (window);
  submenu = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
  g_assert_nonnull (submenu);
  g_assert_cmpint (g_menu_model_get_n_items (submenu), ==, 1);
  target = g_menu_model_get_item_attribute_value (submenu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);

  close_window (window);
}

static void
test_window_drop_files (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  g_autoptr(GListModel) controllers = NULL;
  VrWindow *window = new_window ();
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = FALSE;
  guint n;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  n = g_list_model_get_n_items (controllers);
  for (guint i = 0; i < n && target == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* Files dropped on an empty window open in it. */
  files = g_slist_prepend (files, g_object_ref (file));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);

  g_assert_true (accepted);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  g_assert_true (g_file_equal (vr_window_get_file (window), file));

  close_window (window);
}

static void
test_window_size_settings (void)
{
  VrWindow *window;
  int width, height;

  /* A new window takes the last size… */
  g_settings_set_int (settings (), "window-width", 777);
  g_settings_set_int (settings (), "window-height", 555);
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  /* …and remembers its own. */
  gtk_window_set_default_size (GTK_WINDOW (window), 801, 601);
  g_assert_cmpint (g_settings_get_int (settings (), "window-width"), ==, 801);
  g_assert_cmpint (g_settings_get_int (settings (), "window-height"), ==, 601);

  gtk_window_maximize (GTK_WINDOW (window));
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)) ==
                 g_settings_get_boolean (settings (), "window-maximized"));

  close_window (window);
  g_settings_reset (settings (), "window-width");
  g_settings_reset (settings (), "window-height");
  g_settings_reset (settings (), "window-maximized");
}

static void
test_window_open_sample (void)
{
  const char *sample = g_getenv ("VARIORUM_SAMPLE");
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) expected = NULL;
  VrWindow *window;

  if (sample == NULL || !g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no sample document");
      return;
    }

  /* As `meson devenv` sets it. */
  dir = g_path_get_dirname (sample);
  g_setenv ("VARIORUM_SAMPLE_DIR", dir, TRUE);
  file = vr_application_dup_sample_file (app);
  expected = g_file_new_for_path (sample);
  g_assert_true (g_file_equal (file, expected));

  window = new_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  basename = g_file_get_basename (vr_window_get_file (window));
  g_assert_cmpstr (basename, ==, "telegram-254.json");

  g_unsetenv ("VARIORUM_SAMPLE_DIR");
  close_window (window);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_window_document_notify (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  VrWindow *window = new_window ();
  guint document_changes = 0;
  guint loading_changes = 0;

  document = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);

  g_signal_connect (window, "notify::document", G_CALLBACK (on_notify_cb), &document_changes);
  g_signal_connect (window, "notify::loading", G_CALLBACK (on_notify_cb), &loading_changes);

  vr_window_set_document (window, document);
  g_assert_cmpuint (document_changes, ==, 1);
  vr_window_set_document (window, document);
  g_assert_cmpuint (document_changes, ==, 1);
  g_object_set (window, "document", NULL, NULL);
  g_assert_cmpuint (document_changes, ==, 2);
  g_assert_cmpuint (loading_changes, ==, 0);

  /* Loading: on when it starts, off when it ends; the document once. */
  open_and_wait (window, file);
  g_assert_cmpuint (loading_changes, ==, 2);
  g_assert_cmpuint (document_changes, ==, 3);

  g_signal_handlers_disconnect_by_func (window, on_notify_cb, &document_changes);
  g_signal_handlers_disconnect_by_func (window, on_notify_cb, &loading_changes);
  close_window (window);
}

static void
test_window_releases_document (void)
{
  g_autoptr(GFile) file = fixture ("letter.json");
  VrWindow *window = new_window ();
  VrDocument *document;

  open_and_wait (window, file);
  document = vr_window_get_document (window);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* A closed window lets go of itself and of its document. */
  close_window (window);
  g_assert_null (window);
  g_assert_null (document);
}

static void
test_window_help_overlay (void)
{
  VrWindow *window = new_window ();

  /* GtkApplication picks up gtk/help-overlay.ui from the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  close_window (window);
}

static void
test_window_toast_escapes (void)
{
  VrWindow *window = new_window ();

  /* Markup-like text from a document is shown, never parsed: a toast title
   * that failed to parse would warn, and warnings are fatal here. */
  vr_window_add_toast (window, "Copied “<b>Yun</b> & Co” <unclosed");
  flush_events ();

  close_window (window);
}

/* Settings, recent files and caches of the test in a folder of its own. */
static char *
isolate_user_dirs (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("variorum-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", dir, TRUE);

  return dir;
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
  int status;

  g_autofree char *home = isolate_user_dirs ();
  g_autoptr(GFile) home_file = g_file_new_for_path (home);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestWindow", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/open-document", test_window_open_document);
  g_test_add_func ("/window/open-broken", test_window_open_broken);
  g_test_add_func ("/window/open-missing", test_window_open_missing);
  g_test_add_func ("/window/zoom", test_window_zoom);
  g_test_add_func ("/window/panels", test_window_panels);
  g_test_add_func ("/window/actions", test_window_actions_exist);
  g_test_add_func ("/window/accessible-labels", test_window_accessible_labels);
  g_test_add_func ("/window/snapshot", test_window_snapshot);
  g_test_add_func ("/window/one-document-per-window", test_window_one_document_per_window);
  g_test_add_func ("/window/recent", test_window_recent);
  g_test_add_func ("/window/drop-files", test_window_drop_files);
  g_test_add_func ("/window/size-settings", test_window_size_settings);
  g_test_add_func ("/window/open-sample", test_window_open_sample);
  g_test_add_func ("/window/document-notify", test_window_document_notify);
  g_test_add_func ("/window/releases-document", test_window_releases_document);
  g_test_add_func ("/window/help-overlay", test_window_help_overlay);
  g_test_add_func ("/window/toast-escapes", test_window_toast_escapes);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (home_file);
  return status;
}
