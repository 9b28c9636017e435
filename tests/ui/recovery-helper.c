/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recovery-helper"

#include "config.h"

#include <stdio.h>
#include <adwaita.h>

#include "vr-application-private.h"
#include "vr-window-private.h"

/* For test-recovery: opens FILE in a window, renames its title to TITLE as
 * a user edit, waits until the recovery file holds that edit, prints
 * "ready" and then runs until it is killed.
 *
 *   recovery-helper FILE TITLE */

static gboolean
has_recovery (gpointer data)
{
  g_autoptr(GPtrArray) list = vr_recovery_list ();

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (vr_recovery_get_title (g_ptr_array_index (list, i)), data) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, tick_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
not_loading (gpointer data)
{
  return !vr_window_get_loading (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VrApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VrCommand) command = NULL;
  VrWindow *window;

  if (argc != 3)
    {
      g_printerr ("usage: recovery-helper FILE TITLE\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.RecoveryHelper", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  file = g_file_new_for_commandline_arg (argv[1]);
  window = vr_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));

  command = vr_command_set_string_new (vr_document_get_metadata (vr_window_get_document (window)),
                                       "title", argv[2]);
  vr_window_push_command (window, command);
  iterate_until (has_recovery, argv[2]);

  printf ("ready\n");
  fflush (stdout);

  for (;;)
    g_main_context_iteration (NULL, TRUE);
}
