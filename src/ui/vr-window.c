/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-application-private.h"
#include "vr-reader-view.h"
#include "vr-window-private.h"

#define RECENT_MAX 5

struct _VrWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  VrDocument           *document;
  GCancellable         *load_cancellable;
  GtkRecentManager     *recent_manager;

  /* Template children */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *menu_button;
  GtkWidget            *panel_buttons;
  GtkWidget            *search_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  VrReaderView         *reader_view;
  GMenu                *recent_section;
};

G_DEFINE_FINAL_TYPE (VrWindow, vr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The zoom steps of the menu and shortcuts; the "zoom" key itself takes any
 * value in its range. */
static const double zoom_levels[] = {
  0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0
};

/* Settings keys that are also toggle actions of the window. */
static const char *settings_toggles[] = {
  "show-entities",
  "show-details",
  "show-spellings",
};

static const char *reader_actions[] = {
  "reader.search",
  "reader.next-mention",
  "reader.previous-mention",
  "reader.copy-citation",
  "reader.focus-entities",
};

VrWindow *
vr_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (VR_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

VrDocument *
vr_window_get_document (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
vr_window_get_file (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->document ? vr_document_get_file (self->document) : NULL;
}

gboolean
vr_window_get_loading (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

gboolean
vr_window_is_empty (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), FALSE);

  return self->document == NULL && self->load_cancellable == NULL;
}

void
vr_window_add_toast (VrWindow   *self,
                     const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (VR_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is Pango markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static char *
dup_display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();
  gsize home_len = home ? strlen (home) : 0;

  if (path == NULL)
    return g_file_get_parse_name (file);

  if (home_len > 1 && g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + home_len, NULL);

  return g_steal_pointer (&path);
}

static void
update_title (VrWindow *self)
{
  const char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  GFile *file;

  if (self->document != NULL)
    {
      title = vr_document_get_title (self->document);
      if ((file = vr_document_get_file (self->document)))
        subtitle = dup_display_path (file);
    }

  if (title == NULL || title[0] == '\0')
    title = _("Variorum");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (self->document != NULL)
    /* Translators: the window's name in the task switcher: "DOCUMENT TITLE — Variorum" */
    window_title = g_strdup_printf (_("%s — Variorum"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title ? window_title : _("Variorum"));
}

static void
on_document_notify_title_cb (VrWindow   *self,
                             GParamSpec *pspec,
                             VrDocument *document)
{
  update_title (self);
}

static void
update_actions (VrWindow *self)
{
  gboolean has_document = self->document != NULL;
  double zoom = g_settings_get_double (self->settings, "zoom");

  for (guint i = 0; i < G_N_ELEMENTS (reader_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), reader_actions[i], has_document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in",
                                 zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out",
                                 zoom > zoom_levels[0] + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset",
                                 G_APPROX_VALUE (zoom, 1.0, 0.001) == FALSE);
}

void
vr_window_set_document (VrWindow   *self,
                        VrDocument *document)
{
  g_return_if_fail (VR_IS_WINDOW (self));
  g_return_if_fail (!document || VR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_notify_title_cb, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "notify::title",
                             G_CALLBACK (on_document_notify_title_cb),
                             self, G_CONNECT_SWAPPED);

  vr_reader_view_set_document (self->reader_view, document);
  gtk_stack_set_visible_child_name (self->stack, document ? "document" : "empty");

  /* Panels and search belong to a document: the empty state has none. */
  gtk_widget_set_visible (self->panel_buttons, document != NULL);
  gtk_widget_set_visible (self->search_button, document != NULL);

  update_title (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
show_error (VrWindow   *self,
            const char *message)
{
  AdwMessageDialog *dialog;

  /* The body is plain text: a loader message quotes the file's name. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Open the Document"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_loading (VrWindow     *self,
             GCancellable *cancellable)
{
  gboolean was_loading = self->load_cancellable != NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_set_object (&self->load_cancellable, cancellable);

  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
add_to_recent (VrWindow *self,
               GFile    *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/json",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "variorum %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

static void
vr_window_load_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VrWindow) self = user_data;
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  document = vr_document_load_file_finish (result, &error);

  /* A newer load or the window's end replaced this one. */
  if (cancellable != self->load_cancellable)
    return;

  set_loading (self, NULL);

  if (document == NULL)
    {
      show_error (self, error->message);
      return;
    }

  vr_window_set_document (self, document);
  add_to_recent (self, vr_document_get_file (document));
}

void
vr_window_open_file (VrWindow *self,
                     GFile    *file)
{
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (VR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);

  vr_document_load_file_async (file, cancellable,
                               vr_window_load_cb,
                               g_object_ref (self));
}

VrReaderView *
_vr_window_get_reader_view (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->reader_view;
}

AdwWindowTitle *
_vr_window_get_window_title (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->window_title;
}

GtkStack *
_vr_window_get_stack (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->stack;
}

GtkWidget *
_vr_window_get_header_bar (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->header_bar);
}

GMenuModel *
_vr_window_get_recent_menu (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return G_MENU_MODEL (self->recent_section);
}

static void
open_in_app (VrWindow *self,
             GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (VR_IS_APPLICATION (app))
    _vr_application_open_file (VR_APPLICATION (app), file, self);
  else
    vr_window_open_file (self, file);
}

static char *
escape_mnemonic (const char *label)
{
  GString *str = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_')
        g_string_append_c (str, '_');
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

/* Most recently used first. */
static int
compare_recent_info (gconstpointer a,
                     gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *mb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (mb, ma);
}

static void
update_recent_menu (VrWindow *self)
{
  g_autoptr(GMenu) submenu = g_menu_new ();
  GList *items;
  guint n = 0;

  items = gtk_recent_manager_get_items (self->recent_manager);
  items = g_list_sort (items, compare_recent_info);
  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      const char *uri = gtk_recent_info_get_uri (info);

      if (n >= RECENT_MAX)
        break;

      if (!gtk_recent_info_has_application (info, g_get_application_name ()) ||
          !gtk_recent_info_is_local (info) ||
          !gtk_recent_info_exists (info) ||
          !g_str_has_suffix (uri, ".json"))
        continue;

      label = escape_mnemonic (gtk_recent_info_get_display_name (info));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (submenu, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_menu_remove_all (self->recent_section);
  if (n > 0)
    g_menu_append_submenu (self->recent_section, _("Open _Recent"), G_MENU_MODEL (submenu));
}

static void
on_recent_manager_changed_cb (VrWindow         *self,
                              GtkRecentManager *manager)
{
  update_recent_menu (self);
}

static void
on_file_chooser_response_cb (VrWindow             *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          open_in_app (self, file);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
vr_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GFile *current;

  gtk_file_filter_set_name (documents, _("Variorum documents"));
  gtk_file_filter_add_mime_type (documents, "application/json");
  gtk_file_filter_add_suffix (documents, "json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Open a Document"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), documents);

  /* Start where the open document lives. */
  if ((current = vr_window_get_file (self)))
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_file_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
vr_window_open_sample_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) sample = NULL;

  if (!VR_IS_APPLICATION (app))
    return;

  sample = vr_application_dup_sample_file (VR_APPLICATION (app));
  open_in_app (self, sample);
}

static void
vr_window_open_recent_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_in_app (self, file);
}

static void
vr_window_zoom_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom");
  double next = zoom;

  if (g_str_equal (action_name, "win.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom + 0.001)
          {
            next = zoom_levels[i];
            break;
          }
    }
  else if (g_str_equal (action_name, "win.zoom-out"))
    {
      for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
        if (zoom_levels[i - 1] < zoom - 0.001)
          {
            next = zoom_levels[i - 1];
            break;
          }
    }
  else
    next = 1.0;

  g_settings_set_double (self->settings, "zoom", next);
}

static void
vr_window_reader_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);

  /* Buttons in the header bar are outside the reader view, where its own
   * actions cannot be seen: pass them on. */
  gtk_widget_activate_action_variant (GTK_WIDGET (self->reader_view), action_name, param);
}

static void
vr_window_close_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
on_settings_changed_zoom_cb (VrWindow   *self,
                             const char *key,
                             GSettings  *settings)
{
  update_actions (self);
}

static void
on_reader_view_toast_cb (VrWindow     *self,
                         const char   *message,
                         VrReaderView *view)
{
  if (message != NULL)
    vr_window_add_toast (self, message);
}

static gboolean
on_drop_target_drop_cb (VrWindow      *self,
                        const GValue  *value,
                        double         x,
                        double         y,
                        GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  for (const GSList *l = files; l; l = l->next)
    open_in_app (self, l->data);

  return TRUE;
}

static gboolean
vr_window_close_request (GtkWindow *window)
{
  VrWindow *self = VR_WINDOW (window);

  set_loading (self, NULL);

  return GTK_WINDOW_CLASS (vr_window_parent_class)->close_request (window);
}

static void
vr_window_constructed (GObject *object)
{
  VrWindow *self = VR_WINDOW (object);

  G_OBJECT_CLASS (vr_window_parent_class)->constructed (object);

  update_recent_menu (self);
}

static void
vr_window_dispose (GObject *object)
{
  VrWindow *self = VR_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_notify_title_cb, self);
  g_clear_object (&self->document);

  /* A settings action outlives the window's action group otherwise, and
   * reports its next change to the group after the group is gone. */
  for (guint i = 0; i < G_N_ELEMENTS (settings_toggles); i++)
    g_action_map_remove_action (G_ACTION_MAP (self), settings_toggles[i]);

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vr_window_parent_class)->dispose (object);
}

static void
vr_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VrWindow *self = VR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, vr_window_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VrWindow *self = VR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_window_class_init (VrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vr_window_constructed;
  object_class->dispose = vr_window_dispose;
  object_class->get_property = vr_window_get_property;
  object_class->set_property = vr_window_set_property;

  window_class->close_request = vr_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/vr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VrWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, panel_buttons);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, vr_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, vr_window_open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", vr_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, vr_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, vr_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, vr_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, vr_window_close_action);
  for (guint i = 0; i < G_N_ELEMENTS (reader_actions); i++)
    gtk_widget_class_install_action (widget_class, reader_actions[i], NULL, vr_window_reader_action);

  /* The reader's keys also work while the focus is in the header bar. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reader.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "reader.focus-entities", NULL);

  g_type_ensure (VR_TYPE_READER_VIEW);
}

static void
vr_window_init (VrWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->recent_manager = gtk_recent_manager_get_default ();

  /* Size is read once and written as it changes: windows do not follow
   * each other's size. */
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);

  g_settings_bind (self->settings, "zoom", self->reader_view, "zoom", G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (settings_toggles); i++)
    {
      const char *key = settings_toggles[i];
      g_autoptr(GAction) action = g_settings_create_action (self->settings, key);

      g_action_map_add_action (G_ACTION_MAP (self), action);
      g_settings_bind (self->settings, key, self->reader_view, key, G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->settings, "changed::zoom",
                           G_CALLBACK (on_settings_changed_zoom_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "toast",
                           G_CALLBACK (on_reader_view_toast_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (on_recent_manager_changed_cb),
                           self, G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop",
                           G_CALLBACK (on_drop_target_drop_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  gtk_widget_set_visible (self->panel_buttons, FALSE);
  gtk_widget_set_visible (self->search_button, FALSE);

  update_title (self);
  update_actions (self);
}
