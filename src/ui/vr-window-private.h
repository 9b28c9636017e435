/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-reader-view.h"
#include "vr-window.h"

G_BEGIN_DECLS

/* Who opened a recent document, as GtkRecentManager records it: a fixed,
 * untranslated name, so that the list survives a change of language. */
#define RECENT_APP_NAME "Variorum"

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

/* vr-window-actions.c: the win.* actions, recent documents and dropped files. */
void            _vr_window_class_actions_init (GtkWidgetClass *widget_class);
void            _vr_window_actions_init       (VrWindow       *self);
void            _vr_window_actions_dispose    (VrWindow       *self);
void            _vr_window_actions_update     (VrWindow       *self);

/* For the tests: the parts of the window they look at. */
VrReaderView   *_vr_window_get_reader_view    (VrWindow       *self);
AdwWindowTitle *_vr_window_get_window_title   (VrWindow       *self);
GtkStack       *_vr_window_get_stack          (VrWindow       *self);
GtkWidget      *_vr_window_get_header_bar     (VrWindow       *self);
GMenuModel     *_vr_window_get_recent_menu    (VrWindow       *self);

G_END_DECLS
