/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-entity-dialog.h"
#include "vr-export.h"
#include "vr-reader-view.h"
#include "vr-window.h"
#include "compare/vr-compare-view.h"

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

  /* vr-window-recovery.c */
  VrDocument           *recovery_document;
  VrHistory            *recovery_history;
  GCancellable         *recovery_cancellable;
  char                 *recovery_id;
  guint                 recovery_timeout;
  gint64                recovery_cost;
  guint                 recovery_writing : 1;
  guint                 recovery_again : 1;
  guint                 recovery_discarded : 1;
  guint                 recovery_failed : 1;

  /* vr-window-monitor.c */
  VrDocument           *monitor_document;
  GFileMonitor         *monitor;
  char                 *monitor_stamp;
  AdwMessageDialog     *external_dialog;
  GtkRevealer          *external_revealer;
  GtkLabel             *external_label;
  GtkWidget            *external_reload_button;
  /* vr-window-reconcile.c */
  GtkFileChooserNative *export_chooser;
  AdwToast             *reconcile_toast;  /* the last one shown */
  guint                 exporting : 1;
  /* vr-window-notes.c */
  GtkWidget            *note_popover;
  /* vr-window-present.c */
  GtkWidget            *presentation;
  GtkWidget            *present_button;
  GtkWidget            *present_status;
  guint                 present_on_load : 1;

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

  /* vr-window-compare.c */
  VrCompareView        *compare_view;
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

/* vr-window-recovery.c: autosave to a recovery file, the offer on start. */
void            _vr_window_recovery_set_document (VrWindow   *self,
                                                  VrDocument *document);
/* The window closes with its changes discarded. */
void            _vr_window_recovery_close     (VrWindow       *self);
void            _vr_window_recovery_dispose   (VrWindow       *self);
/* Keeps the unsaved changes in a recovery file of their own, before the
 * document is replaced; FALSE (and a toast) when that failed. */
gboolean        _vr_window_recovery_keep_aside (VrWindow      *self);
/* Offers each recovery no window owns, one dialog at a time over @self;
 * returns how many. */
guint           _vr_window_offer_recovery     (VrWindow       *self);
const char     *_vr_window_get_recovery_id    (VrWindow       *self);

/* vr-window-monitor.c: the file changed by another program. */
void            _vr_window_class_monitor_init (GtkWidgetClass *widget_class);
void            _vr_window_monitor_set_document (VrWindow   *self,
                                                 VrDocument *document);
void            _vr_window_monitor_dispose    (VrWindow       *self);
/* After our own save of the document's file. */
void            _vr_window_monitor_saved      (VrWindow       *self);
/* FALSE when the user is asked first (the file changed since we loaded or
 * saved it); the answer then saves, or not. */
gboolean        _vr_window_monitor_confirm_save (VrWindow     *self,
                                                 GFile        *file,
                                                 gboolean      close_after);
GtkRevealer    *_vr_window_get_external_bar   (VrWindow       *self);
AdwMessageDialog *_vr_window_get_external_dialog (VrWindow    *self);
/* vr-window-reconcile.c: reconciling spellings (win.make-preferred,
 * win.move-variant, win.split-variant, win.merge-entity, win.mark-different,
 * win.set-variant-system, win.set-variant-status, win.add-spelling,
 * win.show-add-spelling) and exporting them (win.export-spellings). */
void            _vr_window_class_reconcile_init (GtkWidgetClass *widget_class);
void            _vr_window_reconcile_update     (VrWindow       *self);
void            _vr_window_reconcile_dispose    (VrWindow       *self);
/* Writes the spellings and decisions to @file in a worker thread; an
 * error is shown in a dialog. */
void            _vr_window_export_spellings     (VrWindow       *self,
                                                 GFile          *file,
                                                 VrExportFormat  format);
gboolean        _vr_window_get_exporting        (VrWindow       *self);
GtkFileChooserNative *_vr_window_get_export_chooser  (VrWindow  *self);
AdwToast             *_vr_window_get_reconcile_toast (VrWindow  *self);
/* vr-window-names.c: accepting and rejecting suggestions (the actions
 * win.accept-suggestion and win.reject-suggestion, with the row's position
 * in the Suggestions page), and File → Import… (win.import). */
void            _vr_window_class_names_init   (GtkWidgetClass *widget_class);
/* Imports @file (an archive page's text) in a worker thread, showing the
 * loading spinner; the result opens here unsaved, or in a new window when
 * this one has unsaved changes. A failure is shown, the document stays. */
void            _vr_window_import_file        (VrWindow       *self,
                                               GFile          *file);
/* vr-window.c: shows the loading spinner while @cancellable's work runs
 * (NULL: none); a newer call cancels the earlier work. */
void            _vr_window_set_loading        (VrWindow       *self,
                                               GCancellable   *cancellable);
/* vr-window-notes.c: close-reading notes (Ctrl+M), edited and deleted
 * from the text or the Notes page. */
void            _vr_window_class_notes_init   (GtkWidgetClass *widget_class);
void            _vr_window_notes_init         (VrWindow       *self);
void            _vr_window_notes_set_document (VrWindow       *self,
                                               VrDocument     *document);
void            _vr_window_notes_dispose      (VrWindow       *self);
GtkWidget      *_vr_window_get_note_popover   (VrWindow       *self);
/* vr-window-present.c: presentation mode (F5), a fullscreen window of the
 * same document for projection. */
void            _vr_window_class_present_init (GtkWidgetClass *widget_class);
void            _vr_window_present_update     (VrWindow       *self);
void            _vr_window_present_dispose    (VrWindow       *self);
void            _vr_window_enter_presentation (VrWindow       *self);
void            _vr_window_leave_presentation (VrWindow       *self);
/* Presents as soon as a document is shown (variorum --present FILE). */
void            _vr_window_present_when_loaded (VrWindow      *self);
/* The VrPresentationWindow while presenting, else NULL. */
GtkWidget      *_vr_window_get_presentation   (VrWindow       *self);
/* The paragraph the desk's text shows: where a presentation starts. */
guint           _vr_window_get_shown_paragraph (VrWindow      *self);
/* vr-window-compare.c: the comparison of two versions (win.compare). */
void            _vr_window_class_compare_init (GtkWidgetClass *widget_class);
void            _vr_window_compare_init       (VrWindow       *self);
VrCompareView  *_vr_window_get_compare_view   (VrWindow       *self);

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
