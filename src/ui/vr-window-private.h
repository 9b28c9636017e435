/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-reader-view.h"
#include "vr-window.h"

G_BEGIN_DECLS

/* For the tests: the parts of the window they look at. */
VrReaderView   *_vr_window_get_reader_view  (VrWindow *self);
AdwWindowTitle *_vr_window_get_window_title (VrWindow *self);
GtkStack       *_vr_window_get_stack        (VrWindow *self);
GtkWidget      *_vr_window_get_header_bar   (VrWindow *self);
GMenuModel     *_vr_window_get_recent_menu  (VrWindow *self);

G_END_DECLS
