/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-present"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-window-private.h"
#include "vr-text-view.h"
#include "present/vr-monitor-choice.h"
#include "present/vr-presentation-window.h"

#define PRESENT_MARK "vr-present"

/* The paragraph holding buffer @offset of the desk's text view. */
static guint
paragraph_at_offset (VrTextView *view,
                     guint       n,
                     int         offset)
{
  guint lo = 0, hi = n;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (vr_text_view_get_paragraph_offset (view, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

guint
_vr_window_get_shown_paragraph (VrWindow *self)
{
  VrTextView *view;
  GtkTextBuffer *buffer;
  GdkRectangle visible, cursor;
  GtkTextIter iter;
  guint n, index;
  int line_top, next_top;

  g_return_val_if_fail (VR_IS_WINDOW (self), 0);

  if (self->document == NULL)
    return 0;

  n = g_list_model_get_n_items (vr_document_get_paragraphs (self->document));
  if (n == 0)
    return 0;

  view = VR_TEXT_VIEW (vr_reader_view_get_text_view (self->reader_view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);

  /* Not laid out yet: the document was just opened, at its start. */
  if (visible.height <= 0)
    return 0;

  /* Where the reader last clicked or searched, when it is in sight. A
   * cursor never placed sits at an end of the text, where building the
   * text left it. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &cursor);
  if (!gtk_text_iter_is_start (&iter) && !gtk_text_iter_is_end (&iter) &&
      cursor.y >= visible.y && cursor.y + cursor.height <= visible.y + visible.height)
    return paragraph_at_offset (view, n, gtk_text_iter_get_offset (&iter));

  /* Otherwise the paragraph at the top, or the next one when the top one
   * is mostly scrolled away and the next starts high in the view. */
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (view), &iter, MAX (visible.y, 0), &line_top);
  index = paragraph_at_offset (view, n, gtk_text_iter_get_offset (&iter));
  if (index + 1 < n && line_top < visible.y)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, vr_text_view_get_paragraph_offset (view, index + 1));
      gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (view), &iter, &next_top, NULL);
      if (next_top < visible.y + visible.height / 3)
        index++;
    }

  return index;
}

/* The desk shows @index at the top of its text, with the cursor there. */
static void
show_desk_paragraph (VrWindow *self,
                     guint     index)
{
  VrTextView *view = VR_TEXT_VIEW (vr_reader_view_get_text_view (self->reader_view));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextMark *mark;
  GtkTextIter iter;
  int offset = vr_text_view_get_paragraph_offset (view, index);

  if (offset < 0)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);

  if ((mark = gtk_text_buffer_get_mark (buffer, PRESENT_MARK)) != NULL)
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  else
    mark = gtk_text_buffer_create_mark (buffer, PRESENT_MARK, &iter, TRUE);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (view), mark, 0.0, TRUE, 0.0, 0.1);

  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
update_status (VrWindow *self)
{
  VrPresentationWindow *presentation = VR_PRESENTATION_WINDOW (self->presentation);
  g_autofree char *status = NULL;
  guint index, n;

  if (presentation == NULL)
    {
      gtk_widget_set_visible (self->present_status, FALSE);
      return;
    }

  index = vr_presentation_window_get_paragraph (presentation);
  n = vr_presentation_window_get_n_paragraphs (presentation);
  if (index + 1 < n)
    /* Translators: shown on the desk while presenting: the paragraph on the projector and the next one */
    status = g_strdup_printf (_("Presenting ¶ %u · next ¶ %u"), index + 1, index + 2);
  else
    /* Translators: shown on the desk while presenting the last paragraph */
    status = g_strdup_printf (_("Presenting ¶ %u · the last"), index + 1);

  gtk_label_set_text (GTK_LABEL (self->present_status), status);
  gtk_widget_set_visible (self->present_status, TRUE);
}

static void
on_presentation_notify_paragraph_cb (VrWindow   *self,
                                     GParamSpec *pspec,
                                     GtkWidget  *presentation)
{
  update_status (self);
}

/* Leaving by Escape, F5 or the window manager: back to the desk, at the
 * paragraph the class last saw. */
static gboolean
on_presentation_close_request_cb (VrWindow  *self,
                                  GtkWindow *presentation)
{
  guint index = vr_presentation_window_get_paragraph (VR_PRESENTATION_WINDOW (presentation));

  gtk_window_present (GTK_WINDOW (self));
  if (self->document == vr_presentation_window_get_document (VR_PRESENTATION_WINDOW (presentation)))
    show_desk_paragraph (self, index);

  return GDK_EVENT_PROPAGATE;
}

static void
on_presentation_destroy_cb (VrWindow  *self,
                            GtkWidget *presentation)
{
  if (self->presentation != presentation)
    return;

  g_signal_handlers_disconnect_by_data (presentation, self);
  self->presentation = NULL;
  update_status (self);
}

/* Fullscreen on a monitor other than the desk's when there is one. */
static void
fullscreen_presentation (VrWindow  *self,
                         GtkWindow *presentation)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *desk = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);
  g_autofree VrMonitorInfo *infos = g_new0 (VrMonitorInfo, MAX (n, 1));
  guint desk_index = G_MAXUINT;
  guint chosen;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      infos[i] = (VrMonitorInfo) { geometry.x, geometry.y, geometry.width, geometry.height };
      if (monitor == desk)
        desk_index = i;
    }

  chosen = vr_presentation_choose_monitor (infos, n, desk_index);
  if (n > 1 && chosen != desk_index)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, chosen);

      gtk_window_fullscreen_on_monitor (presentation, monitor);
    }
  else
    gtk_window_fullscreen (presentation);
}

void
_vr_window_enter_presentation (VrWindow *self)
{
  GtkWidget *presentation;

  g_return_if_fail (VR_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  if (self->presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presentation));
      return;
    }

  presentation = vr_presentation_window_new (self->document, _vr_window_get_shown_paragraph (self));
  self->presentation = presentation;

  g_signal_connect_object (presentation, "close-request",
                           G_CALLBACK (on_presentation_close_request_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "destroy",
                           G_CALLBACK (on_presentation_destroy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::paragraph",
                           G_CALLBACK (on_presentation_notify_paragraph_cb), self, G_CONNECT_SWAPPED);

  fullscreen_presentation (self, GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
  update_status (self);
}

void
_vr_window_leave_presentation (VrWindow *self)
{
  g_return_if_fail (VR_IS_WINDOW (self));

  if (self->presentation != NULL)
    gtk_window_close (GTK_WINDOW (self->presentation));
}

GtkWidget *
_vr_window_get_presentation (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->presentation;
}

static gboolean
forget_present_on_load_cb (gpointer data)
{
  VrWindow *self = data;

  /* The load failed: a document opened later is not presented. */
  if (self->document == NULL && !vr_window_get_loading (self))
    self->present_on_load = FALSE;

  return G_SOURCE_REMOVE;
}

static void
on_notify_loading_cb (VrWindow   *self,
                      GParamSpec *pspec)
{
  if (vr_window_get_loading (self))
    return;

  g_signal_handlers_disconnect_by_func (self, on_notify_loading_cb, NULL);
  /* A loaded document is set after the loading ends: look afterwards. */
  if (self->present_on_load)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, forget_present_on_load_cb,
                     g_object_ref (self), g_object_unref);
}

void
_vr_window_present_when_loaded (VrWindow *self)
{
  g_return_if_fail (VR_IS_WINDOW (self));

  if (self->document != NULL)
    {
      _vr_window_enter_presentation (self);
      return;
    }

  if (!self->present_on_load && vr_window_get_loading (self))
    g_signal_connect (self, "notify::loading", G_CALLBACK (on_notify_loading_cb), NULL);
  self->present_on_load = TRUE;
}

static void
vr_window_present_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VrWindow *self = VR_WINDOW (widget);

  /* F5 toggles, as in slide shows. */
  if (self->presentation != NULL)
    _vr_window_leave_presentation (self);
  else
    _vr_window_enter_presentation (self);
}

void
_vr_window_present_update (VrWindow *self)
{
  gboolean has_document = self->document != NULL;

  g_assert (VR_IS_WINDOW (self));

  /* Another document (or none) ends the presentation of the previous one. */
  if (self->presentation != NULL &&
      vr_presentation_window_get_document (VR_PRESENTATION_WINDOW (self->presentation)) != self->document)
    gtk_window_destroy (GTK_WINDOW (self->presentation));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_document);
  gtk_widget_set_visible (self->present_button, has_document);
  update_status (self);

  if (self->present_on_load && has_document)
    {
      self->present_on_load = FALSE;
      _vr_window_enter_presentation (self);
    }
}

void
_vr_window_present_dispose (VrWindow *self)
{
  g_assert (VR_IS_WINDOW (self));

  if (self->presentation != NULL)
    {
      GtkWidget *presentation = self->presentation;

      g_signal_handlers_disconnect_by_data (presentation, self);
      self->presentation = NULL;
      gtk_window_destroy (GTK_WINDOW (presentation));
    }
}

void
_vr_window_class_present_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, VrWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, VrWindow, present_status);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, vr_window_present_action);
}
