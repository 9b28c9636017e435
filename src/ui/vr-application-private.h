/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-application.h"
#include "vr-window.h"

G_BEGIN_DECLS

/* Opens @file where it belongs: the window that already shows it, else
 * @from when that window is empty, else a new window. */
void     _vr_application_open_file                  (VrApplication *self,
                                                     GFile         *file,
                                                     VrWindow      *from);
gboolean _vr_application_get_exit_after_first_frame (VrApplication *self);

G_END_DECLS
