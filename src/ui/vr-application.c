/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-application"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-application-private.h"
#include "vr-window.h"
#include "vr-window-private.h"
#include "print/vr-print.h"

#define SAMPLE_NAME "telegram-254.json"

struct _VrApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  int             exit_status;
  char         ***arguments;
  guint           exit_after_first_frame : 1;
  guint           recovery_offered : 1;
  guint           present_next_open : 1;
};

G_DEFINE_FINAL_TYPE (VrApplication, vr_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "exit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Exit once the first frame with the document is drawn (for measurements)"), NULL },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write FILE as a printable PDF handout to OUT.pdf and exit"), N_("OUT.pdf") },
  { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show FILE full screen in presentation mode, for projection (Escape leaves)"), NULL },
  { NULL }
};

VrApplication *
vr_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (VR_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
vr_application_get_settings (VrApplication *self)
{
  g_return_val_if_fail (VR_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}

GFile *
vr_application_dup_sample_file (VrApplication *self)
{
  const char *dir;
  g_autofree char *installed = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (VR_IS_APPLICATION (self), NULL);

  dir = g_getenv ("VARIORUM_SAMPLE_DIR");
  if (dir != NULL && dir[0] != '\0')
    return g_file_new_build_filename (dir, SAMPLE_NAME, NULL);

  installed = g_build_filename (PKGDATADIR, "samples", SAMPLE_NAME, NULL);
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (installed);

  /* Run straight from a build folder without `meson devenv`. */
  source = g_build_filename (SOURCE_SAMPLEDIR, SAMPLE_NAME, NULL);
  if (g_file_test (source, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (source);

  return g_file_new_for_path (installed);
}

int
vr_application_get_exit_status (VrApplication *self)
{
  g_return_val_if_fail (VR_IS_APPLICATION (self), 1);

  return self->exit_status;
}

gboolean
_vr_application_get_exit_after_first_frame (VrApplication *self)
{
  g_return_val_if_fail (VR_IS_APPLICATION (self), FALSE);

  return self->exit_after_first_frame;
}

static VrWindow *
find_window_for_file (VrApplication *self,
                      GFile         *file)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!VR_IS_WINDOW (l->data))
        continue;

      shown = vr_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static VrWindow *
create_window (VrApplication *self)
{
  return vr_window_new (GTK_APPLICATION (self));
}

void
_vr_application_open_file (VrApplication *self,
                           GFile         *file,
                           VrWindow      *from)
{
  VrWindow *window;

  g_return_if_fail (VR_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!from || VR_IS_WINDOW (from));

  /* One document per window: a file already shown is brought forward,
   * an empty window takes the file, otherwise it gets a window of its own. */
  if ((window = find_window_for_file (self, file)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (from != NULL && vr_window_is_empty (from))
    window = from;
  else
    window = create_window (self);

  vr_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_first_frame_after_paint_cb (GdkFrameClock *frame_clock,
                               VrWindow      *window)
{
  GtkApplication *app;

  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_after_paint_cb, window);

  if ((app = gtk_window_get_application (GTK_WINDOW (window))))
    g_application_quit (G_APPLICATION (app));
}

/* --exit-after-first-frame measures how soon a document is on screen: the
 * document is loaded before the window is presented, and the application
 * quits after the first frame that shows it. */
static void
present_for_first_frame (VrApplication *self,
                         GFile         *file)
{
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  VrWindow *window;
  GdkFrameClock *frame_clock;

  if (file != NULL)
    {
      document = vr_document_load_file (file, NULL, &error);
      if (document == NULL)
        {
          g_printerr ("%s\n", error->message);
          self->exit_status = 1;
          return;
        }
    }

  window = create_window (self);
  vr_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert (frame_clock != NULL);
  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_first_frame_after_paint_cb),
                           window, 0);
}

/* Once, in the primary instance: no other instance owns a recovery file. */
static void
offer_recovery (VrApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->recovery_offered || !VR_IS_WINDOW (window))
    return;

  self->recovery_offered = TRUE;
  _vr_window_offer_recovery (VR_WINDOW (window));
}

static int
vr_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  VrApplication *self = VR_APPLICATION (app);
  const char *pdf = NULL;

  /* Before GTK starts: no display, and never handed to a running instance. */
  if (g_variant_dict_lookup (options, "export-pdf", "^&ay", &pdf))
    {
      const char * const *files = NULL;

      /* What parsing left of the command line: the FILE arguments. */
      if (self->arguments != NULL && *self->arguments != NULL && (*self->arguments)[0] != NULL)
        files = (const char * const *) *self->arguments + 1;
      return vr_print_export_pdf_command (pdf, files);
    }

  if (g_variant_dict_contains (options, "present"))
    {
      const char * const *args = self->arguments ? (const char * const *) *self->arguments : NULL;
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 1; args != NULL && args[0] != NULL && args[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (args[i]));

      if (files->len == 0)
        {
          g_printerr (_("--present needs a document to show: variorum --present FILE\n"));
          return 1;
        }

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* A running Variorum presents it: the hint travels with the files. */
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, (GFile **) files->pdata, files->len, "present");
          return 0;
        }

      self->present_next_open = TRUE;
    }

  if (g_variant_dict_contains (options, "exit-after-first-frame"))
    {
      /* A measurement always runs in a process of its own. */
      self->exit_after_first_frame = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  /* Carry on with the default handling (open or activate). */
  return -1;
}

static gboolean
vr_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  VrApplication *self = VR_APPLICATION (app);
  gboolean handled;

  /* GApplication keeps the FILE arguments out of the options dictionary;
   * handle-local-options reaches them through this. */
  self->arguments = arguments;
  handled = G_APPLICATION_CLASS (vr_application_parent_class)->local_command_line (app, arguments, exit_status);
  self->arguments = NULL;

  return handled;
}

static void
vr_application_activate (GApplication *app)
{
  VrApplication *self = VR_APPLICATION (app);
  GtkWindow *window;

  if (self->exit_after_first_frame)
    {
      present_for_first_frame (self, NULL);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (create_window (self));

  gtk_window_present (window);
  offer_recovery (self);
}

static void
vr_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  VrApplication *self = VR_APPLICATION (app);
  GtkWindow *active;

  if (self->exit_after_first_frame)
    {
      present_for_first_frame (self, n_files > 0 ? files[0] : NULL);
      return;
    }

  active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* --present FILE: the first file goes on the projector once it is shown. */
  if ((self->present_next_open || g_strcmp0 (hint, "present") == 0) && n_files > 0)
    {
      VrWindow *window = find_window_for_file (self, files[0]);

      if (window == NULL)
        {
          window = VR_IS_WINDOW (active) && vr_window_is_empty (VR_WINDOW (active))
                   ? VR_WINDOW (active) : create_window (self);
          vr_window_open_file (window, files[0]);
        }
      gtk_window_present (GTK_WINDOW (window));
      _vr_window_present_when_loaded (window);

      files++;
      n_files--;
      active = GTK_WINDOW (window);
    }
  self->present_next_open = FALSE;

  for (int i = 0; i < n_files; i++)
    {
      VrWindow *from = VR_IS_WINDOW (active) ? VR_WINDOW (active) : NULL;

      _vr_application_open_file (self, files[i], from);
      active = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  offer_recovery (self);
}

static void
vr_application_quit_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  VrApplication *self = user_data;
  GList *windows;

  /* Closing each window lets it save its size first, and a window with
   * unsaved changes asks; it closes itself once answered, and the last
   * window to go ends the application. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (VR_IS_WINDOW (l->data))
      return;

  g_application_quit (G_APPLICATION (self));
}

static void
vr_application_new_window_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  VrApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (create_window (self)));
}

static void
vr_application_shortcuts_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  VrApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
vr_application_about_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Variorum developers", NULL };
  VrApplication *self = user_data;
  GtkWindow *parent;
  GtkWidget *about;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Variorum"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Variorum developers"),
                        "developers", developers,
                        "copyright", _("© 2026 The Variorum developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Read archival documents in translation and reconcile the spellings of names"),
                        /* Translators: Replace "translator-credits" with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "quit", vr_application_quit_action },
  { "new-window", vr_application_new_window_action },
  { "shortcuts", vr_application_shortcuts_action },
  { "about", vr_application_about_action },
};

static const struct {
  const char *action;
  const char *accels[4];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control><Shift>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.tag-selection", { "<Control>t", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.show-entities", { "F9", NULL } },
  { "win.show-details", { "<Control>i", NULL } },
  { "win.show-spellings", { "<Control>j", NULL } },
  { "win.present", { "F5", NULL } },
};

static void
vr_application_startup (GApplication *app)
{
  VrApplication *self = VR_APPLICATION (app);

  g_set_application_name (_("Variorum"));
  gtk_window_set_default_icon_name (APP_ID);

  G_APPLICATION_CLASS (vr_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries, G_N_ELEMENTS (app_entries),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
vr_application_dispose (GObject *object)
{
  VrApplication *self = VR_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vr_application_parent_class)->dispose (object);
}

static void
vr_application_class_init (VrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = vr_application_dispose;

  app_class->local_command_line = vr_application_local_command_line;
  app_class->handle_local_options = vr_application_handle_local_options;
  app_class->startup = vr_application_startup;
  app_class->activate = vr_application_activate;
  app_class->open = vr_application_open;
}

static void
vr_application_init (VrApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}
