/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-print"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vr-print.h"
#include "vr-window.h"

/* The print settings of this session, so that a second print starts from
 * the printer and options of the first. */
static GtkPrintSettings *last_settings;

typedef struct
{
  VrHandout      *handout;
  GtkCheckButton *people;
  GtkCheckButton *notes;
  GtkSpinButton  *font_size;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->handout);
  g_free (job);
}

static VrPaperSize
default_paper_size (void)
{
  return g_strcmp0 (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) == 0
         ? VR_PAPER_SIZE_LETTER : VR_PAPER_SIZE_A4;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  guint n_pages;

  /* The operation works in points on the full page, like the PDF. */
  n_pages = vr_handout_paginate (job->handout,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  if (page_nr < 0 || (guint) page_nr >= vr_handout_get_n_pages (job->handout))
    return;

  vr_handout_draw_page (job->handout, gtk_print_context_get_cairo_context (context), page_nr);
}

static GObject *
on_create_custom_widget_cb (GtkPrintOperation *operation,
                            PrintJob          *job)
{
  GtkWidget *box, *row, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  job->people = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Append the _people and their spellings")));
  gtk_check_button_set_active (job->people, vr_handout_get_include_people (job->handout));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->people));

  job->notes = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Append the _notes")));
  gtk_check_button_set_active (job->notes, vr_handout_get_include_notes (job->handout));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->notes));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("_Text size (points)"));
  job->font_size = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (8, 24, 0.5));
  gtk_spin_button_set_value (job->font_size, vr_handout_get_font_size (job->handout));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (job->font_size));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (job->font_size));
  gtk_box_append (GTK_BOX (box), row);

  return G_OBJECT (box);
}

static void
on_custom_widget_apply_cb (GtkPrintOperation *operation,
                           GtkWidget         *widget,
                           PrintJob          *job)
{
  vr_handout_set_include_people (job->handout, gtk_check_button_get_active (job->people));
  vr_handout_set_include_notes (job->handout, gtk_check_button_get_active (job->notes));
  vr_handout_set_font_size (job->handout, gtk_spin_button_get_value (job->font_size));
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  AdwMessageDialog *dialog;

  /* The body is plain text: messages quote file names. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (parent, _("Could Not Print the Document"),
                  error ? error->message : _("The printer reported an error."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
    }
}

GtkPrintOperation *
vr_print_operation_new (VrDocument *document)
{
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  job = g_new0 (PrintJob, 1);
  job->handout = vr_handout_new (document);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, vr_document_get_title (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Handout"));

  page_setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (default_paper_size () == VR_PAPER_SIZE_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "vr-print-job", job, (GDestroyNotify) print_job_free);

  return operation;
}

void
vr_print_document (GtkWindow  *parent,
                   VrDocument *document)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (VR_IS_DOCUMENT (document));

  operation = vr_print_operation_new (document);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (on_done_cb), parent, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), NULL);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could Not Print the Document"), error->message);
}

static gboolean
write_handout (VrDocument  *document,
               GFile       *output,
               VrPaperSize  paper_size,
               GError     **error)
{
  g_autoptr(VrHandout) handout = vr_handout_new (document);

  vr_handout_set_paper_size (handout, paper_size);
  return vr_handout_write_pdf (handout, output, error);
}

typedef struct
{
  GBytes      *bytes;
  GFile       *source;
  GFile       *output;
  VrPaperSize  paper_size;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->source);
  g_clear_object (&data->output);
  g_free (data);
}

/* Layout and PDF take about 0.2 s for the sample: too long for the main
 * thread. The worker reads its own copy of the document, so that edits
 * meanwhile cannot race with it. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(VrDocument) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = vr_document_load_bytes (data->bytes, NULL, &error);
  if (copy != NULL && data->source != NULL)
    vr_document_set_file (copy, data->source);

  if (copy == NULL || !write_handout (copy, data->output, data->paper_size, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GtkWindow *parent = GTK_IS_WINDOW (source_object) ? GTK_WINDOW (source_object) : NULL;
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (parent, _("Could Not Export the PDF"), error->message);
    }
  else if (VR_IS_WINDOW (parent))
    {
      g_autofree char *name = g_file_get_basename (data->output);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      vr_window_add_toast (VR_WINDOW (parent), message);
    }
}

void
vr_print_export_pdf_to_file (GtkWindow  *parent,
                             VrDocument *document,
                             GFile      *output)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  GFile *source;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (VR_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (output));

  data = g_new0 (ExportData, 1);
  data->bytes = vr_document_serialize (document);
  data->source = (source = vr_document_get_file (document)) ? g_object_ref (source) : NULL;
  data->output = g_object_ref (output);
  data->paper_size = default_paper_size ();

  task = g_task_new (parent, NULL, on_export_done_cb, NULL);
  g_task_set_source_tag (task, vr_print_export_pdf_to_file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response_cb (GtkFileChooserNative *chooser,
                       int                   response,
                       VrDocument           *document)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    vr_print_export_pdf_to_file (parent, document, file);

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static char *
suggest_name (VrDocument *document)
{
  GFile *file = vr_document_get_file (document);
  g_autofree char *base = NULL;
  char *dot;

  if (file != NULL && (base = g_file_get_basename (file)) != NULL)
    {
      if ((dot = strrchr (base, '.')) != NULL && dot != base)
        *dot = '\0';
      return g_strconcat (base, ".pdf", NULL);
    }

  return g_strdup (_("Handout.pdf"));
}

void
vr_print_export_pdf (GtkWindow  *parent,
                     VrDocument *document)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GFile *file;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (VR_IS_DOCUMENT (document));

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");

  chooser = gtk_file_chooser_native_new (_("Export as PDF"),
                                         parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);

  name = suggest_name (document);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if ((file = vr_document_get_file (document)))
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect_data (chooser, "response",
                         G_CALLBACK (on_export_response_cb),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

int
vr_print_export_pdf_command (const char         *output,
                             const char * const *inputs)
{
  const char *input = inputs ? inputs[0] : NULL;
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (output != NULL, 1);

  if (input == NULL || inputs[1] != NULL)
    {
      g_printerr (_("--export-pdf needs one document to export: variorum --export-pdf OUT.pdf FILE\n"));
      return 1;
    }

  in_file = g_file_new_for_commandline_arg (input);
  document = vr_document_load_file_named (in_file, input, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  out_file = g_file_new_for_commandline_arg (output);
  if (!write_handout (document, out_file, VR_PAPER_SIZE_A4, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
