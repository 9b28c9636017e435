/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-window-private.h"

/* Autosave: unsaved changes are kept in a recovery file (vr-recovery.h) at
 * most a second after each edit, and offered back on the next start. The
 * document's own file is only ever written by Save. */

#define RECOVERY_DELAY_MS 1000
/* Serializing runs on the main thread (the model is not thread-safe): the
 * sample takes 0.2 ms, a 20 MB document most of a second. Past this cost,
 * autosave waits twenty times as long as serializing took, so that it
 * never stalls the window more than a twentieth of the time. */
#define EXPENSIVE_US      (50 * 1000)
#define MAX_DELAY_MS      (60 * 1000)

typedef struct
{
  VrWindow     *window;
  char         *id;
  GCancellable *cancellable;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->window);
  g_clear_pointer (&data->id, g_free);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteData, write_data_free)

static void schedule_write (VrWindow *self,
                            guint     delay);

static void
delete_recovery (const char *id)
{
  g_autoptr(GError) error = NULL;

  if (!vr_recovery_delete (id, &error))
    g_debug ("%s", error->message);
}

static gboolean
wants_recovery (VrWindow *self)
{
  return self->document != NULL &&
         vr_document_get_modified (self->document) &&
         !self->recovery_discarded;
}

static void
on_recovery_written_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WriteData) data = user_data;
  g_autoptr(GError) error = NULL;
  VrWindow *self = data->window;
  gboolean written;

  written = vr_recovery_save_finish (result, &error);

  if (self->recovery_discarded)
    {
      /* Discarded while this was being written. */
      delete_recovery (data->id);
      return;
    }

  /* The window is gone without closing: what was written stays. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  self->recovery_writing = FALSE;

  if (!written)
    {
      /* Said once: the same failure would follow every edit. */
      if (!self->recovery_failed)
        {
          g_autofree char *message = NULL;

          self->recovery_failed = TRUE;
          message = g_strdup_printf (_("Unsaved changes cannot be kept for recovery: %s"),
                                     error->message);
          vr_window_add_toast (self, message);
        }
      return;
    }
  self->recovery_failed = FALSE;

  /* Saved, undone to the saved state, or another document since. */
  if (!wants_recovery (self) || g_strcmp0 (data->id, self->recovery_id) != 0)
    delete_recovery (data->id);

  if (self->recovery_again)
    {
      self->recovery_again = FALSE;
      schedule_write (self, 0);
    }
}

static gboolean
on_recovery_timeout_cb (gpointer user_data)
{
  VrWindow *self = user_data;
  WriteData *data;
  gint64 start;

  self->recovery_timeout = 0;

  if (!wants_recovery (self) || self->recovery_id == NULL)
    return G_SOURCE_REMOVE;

  /* One write at a time, to one file: the next follows this one. */
  if (self->recovery_writing)
    {
      self->recovery_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  data = g_new0 (WriteData, 1);
  data->window = g_object_ref (self);
  data->id = g_strdup (self->recovery_id);
  data->cancellable = g_object_ref (self->recovery_cancellable);

  self->recovery_writing = TRUE;
  start = g_get_monotonic_time ();
  vr_recovery_save_async (self->document, self->recovery_id,
                          self->history ? vr_history_get_undo_label (self->history) : NULL,
                          data->cancellable, on_recovery_written_cb, data);
  self->recovery_cost = g_get_monotonic_time () - start;

  return G_SOURCE_REMOVE;
}

/* Coalesces: the first change since the last write starts the delay,
 * later ones join it. A costly document waits longer. */
static void
schedule_write (VrWindow *self,
                guint     delay)
{
  if (self->recovery_cost > EXPENSIVE_US && delay > 0)
    delay = (guint) MIN (self->recovery_cost / 1000 * 20, MAX_DELAY_MS);

  if (self->recovery_timeout != 0)
    return;

  self->recovery_timeout = g_timeout_add (delay, on_recovery_timeout_cb, self);
}

static void
forget_recovery (VrWindow *self)
{
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  self->recovery_again = FALSE;
  if (self->recovery_id != NULL)
    delete_recovery (self->recovery_id);
}

static void
on_history_changed_cb (VrWindow  *self,
                       VrHistory *history)
{
  if (wants_recovery (self))
    schedule_write (self, RECOVERY_DELAY_MS);
  else
    forget_recovery (self);
}

static void
on_document_notify_modified_cb (VrWindow   *self,
                                GParamSpec *pspec,
                                VrDocument *document)
{
  /* Saved, or undone back to the saved state. */
  if (!vr_document_get_modified (document))
    forget_recovery (self);
}

static void
update_id (VrWindow *self)
{
  GFile *file = self->document ? vr_document_get_file (self->document) : NULL;

  g_clear_pointer (&self->recovery_id, g_free);
  if (file != NULL)
    self->recovery_id = vr_recovery_dup_id (file);
  else if (self->document != NULL)
    self->recovery_id = vr_recovery_new_id ();
}

static void
on_document_notify_file_cb (VrWindow   *self,
                            GParamSpec *pspec,
                            VrDocument *document)
{
  /* Saved under another name: the recovery follows the name. */
  forget_recovery (self);
  update_id (self);
  if (wants_recovery (self))
    schedule_write (self, RECOVERY_DELAY_MS);
}

static void
disconnect_document (VrWindow *self)
{
  if (self->recovery_document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->recovery_document, self);
      g_clear_object (&self->recovery_document);
    }
  if (self->recovery_history != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->recovery_history, self);
      g_clear_object (&self->recovery_history);
    }
}

void
_vr_window_recovery_set_document (VrWindow   *self,
                                  VrDocument *document)
{
  disconnect_document (self);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  self->recovery_again = FALSE;
  self->recovery_discarded = FALSE;
  self->recovery_cost = 0;

  if (self->recovery_cancellable == NULL)
    self->recovery_cancellable = g_cancellable_new ();

  update_id (self);

  if (document == NULL)
    return;

  self->recovery_document = g_object_ref (document);
  g_signal_connect_object (document, "notify::modified",
                           G_CALLBACK (on_document_notify_modified_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file",
                           G_CALLBACK (on_document_notify_file_cb),
                           self, G_CONNECT_SWAPPED);

  if (self->history != NULL)
    {
      self->recovery_history = g_object_ref (self->history);
      g_signal_connect_object (self->history, "changed",
                               G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

void
_vr_window_recovery_close (VrWindow *self)
{
  /* Closing with unsaved changes is the user's "Discard". */
  if (self->document != NULL && vr_document_get_modified (self->document))
    {
      self->recovery_discarded = TRUE;
      forget_recovery (self);
    }
}

void
_vr_window_recovery_dispose (VrWindow *self)
{
  disconnect_document (self);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  if (self->recovery_cancellable != NULL)
    g_cancellable_cancel (self->recovery_cancellable);
  g_clear_object (&self->recovery_cancellable);
  g_clear_pointer (&self->recovery_id, g_free);
}

const char *
_vr_window_get_recovery_id (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->recovery_id;
}

gboolean
_vr_window_recovery_keep_aside (VrWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (VR_IS_WINDOW (self), FALSE);

  if (self->document == NULL || !vr_document_get_modified (self->document))
    return TRUE;

  /* A copy apart from the document's own recovery, which follows the
   * document that replaces this one. */
  id = vr_recovery_new_id ();
  if (!vr_recovery_save (self->document, id,
                         self->history ? vr_history_get_undo_label (self->history) : NULL,
                         &error))
    {
      vr_window_add_toast (self, error->message);
      return FALSE;
    }

  forget_recovery (self);
  return TRUE;
}

/* ---- the offer on start ------------------------------------------------ */

typedef struct
{
  VrWindow  *window;
  GPtrArray *entries;
  guint      next;
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_object (&offer->window);
  g_clear_pointer (&offer->entries, g_ptr_array_unref);
  g_free (offer);
}

static void offer_next (Offer *offer);

static VrWindow *
window_for_restore (VrWindow   *self,
                    VrRecovery *entry)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GFile *original = vr_recovery_get_original (entry);

  if (vr_window_is_empty (self))
    return self;

  /* The window that shows the file as saved takes its unsaved changes. */
  if (original != NULL && app != NULL)
    for (const GList *l = gtk_application_get_windows (app); l; l = l->next)
      {
        VrWindow *window;
        GFile *shown;

        if (!VR_IS_WINDOW (l->data))
          continue;
        window = l->data;
        shown = vr_window_get_file (window);
        if (shown != NULL && g_file_equal (shown, original) &&
            !vr_document_get_modified (vr_window_get_document (window)))
          return window;
      }

  return vr_window_new (app);
}

static void
restore (VrWindow   *self,
         VrRecovery *entry)
{
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  VrWindow *window;

  document = vr_recovery_load (entry, NULL, &error);
  if (document == NULL)
    {
      vr_window_add_toast (self, error->message);
      return;
    }

  window = window_for_restore (self, entry);
  vr_window_set_document (window, document);
  /* It goes on under the same recovery until saved. */
  g_free (window->recovery_id);
  window->recovery_id = g_strdup (vr_recovery_get_id (entry));
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_offer_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Offer            *offer)
{
  VrRecovery *entry = g_ptr_array_index (offer->entries, offer->next);

  /* One answer per dialog: the offer moves on (or ends) now. */
  g_signal_handlers_disconnect_by_data (dialog, offer);

  if (g_str_equal (response, "restore"))
    restore (offer->window, entry);
  else if (g_str_equal (response, "discard"))
    delete_recovery (vr_recovery_get_id (entry));
  /* Otherwise closed: kept for the next start. */

  offer->next++;
  offer_next (offer);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* xgettext:no-c-format */
    /* Translators: a time today, see g_date_time_format() */
    return g_date_time_format (local, _("today at %H:%M"));

  /* xgettext:no-c-format */
  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

static void
offer_next (Offer *offer)
{
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *where = NULL;
  AdwMessageDialog *dialog;
  VrRecovery *entry;
  GFile *original;
  const char *title;

  if (offer->next >= offer->entries->len ||
      gtk_widget_in_destruction (GTK_WIDGET (offer->window)))
    {
      offer_free (offer);
      return;
    }

  entry = g_ptr_array_index (offer->entries, offer->next);
  original = vr_recovery_get_original (entry);
  title = vr_recovery_get_title (entry);
  when = format_time (vr_recovery_get_time (entry));
  where = original ? g_file_get_parse_name (original) : g_strdup (_("a document that was never saved"));

  if (title == NULL || title[0] == '\0')
    title = _("Untitled");

  /* Plain text: the title comes from the document. */
  if (vr_recovery_get_label (entry) != NULL)
    /* Translators: “TITLE” (PATH) had unsaved changes when Variorum stopped TIME. The last: EDIT LABEL. */
    body = g_strdup_printf (_("“%s” (%s) had unsaved changes when Variorum stopped %s. The last change: %s."),
                            title, where, when, vr_recovery_get_label (entry));
  else
    body = g_strdup_printf (_("“%s” (%s) had unsaved changes when Variorum stopped %s."),
                            title, where, when);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (offer->window),
                                                       _("Restore Unsaved Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  /* Escape keeps it for the next start. */
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_offer_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_owned (VrWindow   *self,
          VrRecovery *entry)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return FALSE;

  for (const GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (VR_IS_WINDOW (l->data) &&
        g_strcmp0 (VR_WINDOW (l->data)->recovery_id, vr_recovery_get_id (entry)) == 0 &&
        vr_window_get_document (l->data) != NULL &&
        vr_document_get_modified (vr_window_get_document (l->data)))
      return TRUE;

  return FALSE;
}

guint
_vr_window_offer_recovery (VrWindow *self)
{
  g_autoptr(GPtrArray) all = NULL;
  Offer *offer;
  guint n;

  g_return_val_if_fail (VR_IS_WINDOW (self), 0);

  all = vr_recovery_list ();
  offer = g_new0 (Offer, 1);
  offer->window = g_object_ref (self);
  offer->entries = g_ptr_array_new_with_free_func (g_object_unref);

  /* Only orphans: a window of this instance may be keeping one. */
  for (guint i = 0; i < all->len; i++)
    if (!is_owned (self, g_ptr_array_index (all, i)))
      g_ptr_array_add (offer->entries, g_object_ref (g_ptr_array_index (all, i)));

  if (offer->entries->len == 0)
    {
      offer_free (offer);
      return 0;
    }

  n = offer->entries->len;
  offer_next (offer);

  return n;
}
