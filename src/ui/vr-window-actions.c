/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-application-private.h"
#include "vr-window-private.h"
#include "print/vr-print.h"

#define RECENT_MAX 5

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

      if (!gtk_recent_info_has_application (info, RECENT_APP_NAME) ||
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
vr_window_print_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);

  if (self->document == NULL)
    return;

  if (g_str_equal (action_name, "win.print"))
    vr_print_document (GTK_WINDOW (self), self->document);
  else
    vr_print_export_pdf (GTK_WINDOW (self), self->document);
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
  _vr_window_actions_update (self);
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

void
_vr_window_actions_update (VrWindow *self)
{
  gboolean has_document = self->document != NULL;
  double zoom = g_settings_get_double (self->settings, "zoom");

  for (guint i = 0; i < G_N_ELEMENTS (reader_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), reader_actions[i], has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in",
                                 zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out",
                                 zoom > zoom_levels[0] + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset",
                                 G_APPROX_VALUE (zoom, 1.0, 0.001) == FALSE);
}

void
_vr_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, vr_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, vr_window_open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", vr_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, vr_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, vr_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, vr_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, vr_window_close_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, vr_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, vr_window_print_action);
  for (guint i = 0; i < G_N_ELEMENTS (reader_actions); i++)
    gtk_widget_class_install_action (widget_class, reader_actions[i], NULL, vr_window_reader_action);

  /* The reader's keys also work while the focus is in the header bar. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reader.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "reader.focus-entities", NULL);
}

void
_vr_window_actions_init (VrWindow *self)
{
  GtkDropTarget *drop_target;

  g_assert (VR_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (settings_toggles); i++)
    {
      const char *key = settings_toggles[i];
      g_autoptr(GAction) action = g_settings_create_action (self->settings, key);

      g_action_map_add_action (G_ACTION_MAP (self), action);
    }

  g_signal_connect_object (self->settings, "changed::zoom",
                           G_CALLBACK (on_settings_changed_zoom_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (on_recent_manager_changed_cb),
                           self, G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop",
                           G_CALLBACK (on_drop_target_drop_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  update_recent_menu (self);
  _vr_window_actions_update (self);
}

void
_vr_window_actions_dispose (VrWindow *self)
{
  g_assert (VR_IS_WINDOW (self));

  /* A settings action outlives the window's action group otherwise, and
   * reports its next change to the group after the group is gone. */
  for (guint i = 0; i < G_N_ELEMENTS (settings_toggles); i++)
    g_action_map_remove_action (G_ACTION_MAP (self), settings_toggles[i]);
}
