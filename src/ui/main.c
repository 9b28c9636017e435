/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "variorum"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vr-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VrApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vr_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : vr_application_get_exit_status (app);
}
