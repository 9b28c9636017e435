/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-entity-dialog.h"
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

  /* vr-window-edit.c */
  VrHistory            *history;
  GtkFileChooserNative *save_chooser;
  AdwMessageDialog     *close_dialog;
  guint                 saving : 1;
  guint                 close_confirmed : 1;
  guint                 close_after_save_as : 1;

  /* vr-window-annotate.c */
  GtkWidget            *tag_popover;

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
  GMenu                *edit_section;
};

/* vr-window-actions.c: the win.* actions, recent documents and dropped files. */
void            _vr_window_class_actions_init (GtkWidgetClass *widget_class);
void            _vr_window_actions_init       (VrWindow       *self);
void            _vr_window_actions_dispose    (VrWindow       *self);
void            _vr_window_actions_update     (VrWindow       *self);

/* vr-window-edit.c: Save, Save As, undo and redo, the prompt on close. */
void            _vr_window_class_edit_init    (GtkWidgetClass *widget_class);
void            _vr_window_edit_set_document  (VrWindow       *self,
                                               VrDocument     *document);
void            _vr_window_edit_update        (VrWindow       *self);
void            _vr_window_edit_dispose       (VrWindow       *self);
/* FALSE when the window must stay open: the user is asked first. */
gboolean        _vr_window_confirm_close      (VrWindow       *self);
/* Saves in a worker thread; an error is shown, and the document stays. */
void            _vr_window_save_to            (VrWindow       *self,
                                               GFile          *file,
                                               gboolean        close_after);
void            _vr_window_add_to_recent      (VrWindow       *self,
                                               GFile          *file);

/* vr-window-annotate.c: tagging, mentions and entities by hand. */
void            _vr_window_class_annotate_init (GtkWidgetClass *widget_class);
void            _vr_window_annotate_update     (VrWindow       *self);
VrEntityDialog *_vr_window_edit_entity         (VrWindow       *self,
                                                VrEntity       *entity);
GtkWidget      *_vr_window_get_tag_popover     (VrWindow       *self);

/* For the tests: the parts of the window they look at. */
VrReaderView   *_vr_window_get_reader_view    (VrWindow       *self);
AdwWindowTitle *_vr_window_get_window_title   (VrWindow       *self);
GtkStack       *_vr_window_get_stack          (VrWindow       *self);
GtkWidget      *_vr_window_get_header_bar     (VrWindow       *self);
GMenuModel     *_vr_window_get_recent_menu    (VrWindow       *self);
GMenuModel     *_vr_window_get_edit_menu      (VrWindow       *self);
GtkFileChooserNative *_vr_window_get_save_chooser (VrWindow  *self);
AdwMessageDialog     *_vr_window_get_close_dialog (VrWindow  *self);

G_END_DECLS
