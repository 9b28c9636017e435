/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-application-private.h"
#include "vr-window-private.h"

G_DEFINE_FINAL_TYPE (VrWindow, vr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_autofree char *marked = NULL;
  const char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *tooltip = NULL;
  GFile *file;

  if (self->document != NULL)
    {
      title = vr_document_get_title (self->document);
      if ((file = vr_document_get_file (self->document)))
        subtitle = dup_display_path (file);
    }

  if (title == NULL || title[0] == '\0')
    title = _("Variorum");

  /* GNOME marks unsaved changes with a bullet before the title. */
  if (self->document != NULL && vr_document_get_modified (self->document))
    title = marked = g_strconcat ("• ", title, NULL);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Archive titles are long and get ellipsized: the whole one on hover.
   * A tooltip set as text is not parsed as markup. */
  if (self->document != NULL)
    tooltip = subtitle ? g_strconcat (title, "\n", subtitle, NULL) : g_strdup (title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), tooltip);

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
    {
      g_signal_connect_object (document, "notify::title",
                               G_CALLBACK (on_document_notify_title_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (on_document_notify_title_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file",
                               G_CALLBACK (on_document_notify_title_cb),
                               self, G_CONNECT_SWAPPED);
    }

  _vr_window_edit_set_document (self, document);
  _vr_window_recovery_set_document (self, document);
  _vr_window_monitor_set_document (self, document);
  _vr_window_notes_set_document (self, document);

  vr_reader_view_set_document (self->reader_view, document);
  gtk_stack_set_visible_child_name (self->stack, document ? "document" : "empty");

  /* Panels and search belong to a document: the empty state has none. */
  gtk_widget_set_visible (self->panel_buttons, document != NULL);
  gtk_widget_set_visible (self->search_button, document != NULL);

  update_title (self);
  _vr_window_actions_update (self);
  _vr_window_reconcile_update (self);
  _vr_window_present_update (self);

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

void
_vr_window_set_loading (VrWindow     *self,
                        GCancellable *cancellable)
{
  set_loading (self, cancellable);
}

void
_vr_window_add_to_recent (VrWindow *self,
                          GFile    *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/json",
    .app_name = (char *) RECENT_APP_NAME,
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
  _vr_window_add_to_recent (self, vr_document_get_file (document));
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
_vr_window_get_edit_menu (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return G_MENU_MODEL (self->edit_section);
}

GMenuModel *
_vr_window_get_recent_menu (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return G_MENU_MODEL (self->recent_section);
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
vr_window_close_request (GtkWindow *window)
{
  VrWindow *self = VR_WINDOW (window);

  /* Unsaved changes: ask, and close later if the answer allows. */
  if (!_vr_window_confirm_close (self))
    return TRUE;
  _vr_window_recovery_close (self);

  set_loading (self, NULL);

  return GTK_WINDOW_CLASS (vr_window_parent_class)->close_request (window);
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

  _vr_window_edit_dispose (self);
  _vr_window_notes_dispose (self);
  _vr_window_actions_dispose (self);
  _vr_window_recovery_dispose (self);
  _vr_window_monitor_dispose (self);
  _vr_window_reconcile_dispose (self);
  _vr_window_present_dispose (self);

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

  g_type_ensure (VR_TYPE_READER_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, VrWindow, edit_section);

  _vr_window_class_actions_init (widget_class);
  _vr_window_class_edit_init (widget_class);
  _vr_window_class_monitor_init (widget_class);
  _vr_window_class_reconcile_init (widget_class);
  _vr_window_class_names_init (widget_class);
  _vr_window_class_notes_init (widget_class);
  _vr_window_class_present_init (widget_class);
  _vr_window_class_compare_init (widget_class);
}

static void
vr_window_init (VrWindow *self)
{
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
  g_settings_bind (self->settings, "show-entities", self->reader_view, "show-entities", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-details", self->reader_view, "show-details", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-spellings", self->reader_view, "show-spellings", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->reader_view, "toast",
                           G_CALLBACK (on_reader_view_toast_cb),
                           self, G_CONNECT_SWAPPED);

  /* The focusable part of a GtkMenuButton is an inner toggle that GTK 4.8
   * leaves unnamed, whatever the menu button itself is called. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->menu_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"),
                                      -1);

  gtk_widget_set_visible (self->panel_buttons, FALSE);
  gtk_widget_set_visible (self->search_button, FALSE);

  _vr_window_actions_init (self);
  _vr_window_edit_update (self);
  _vr_window_monitor_set_document (self, NULL);
  _vr_window_reconcile_update (self);
  _vr_window_notes_init (self);
  _vr_window_present_update (self);
  _vr_window_compare_init (self);

  update_title (self);
}
