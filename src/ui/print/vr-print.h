/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vr-handout.h"

G_BEGIN_DECLS

/* The window's ways out to paper: both draw a VrHandout. */

/* A print operation that draws @document's handout: begin-print lays it
 * out on the operation's page, draw-page draws it; a "Handout" tab holds
 * the options. Run it with any GtkPrintOperationAction. */
GtkPrintOperation *vr_print_operation_new (VrDocument *document);

/* Shows the print dialog for @document (GtkPrintOperation, with a tab of
 * handout options) and prints it. */
void     vr_print_document             (GtkWindow       *parent,
                                        VrDocument      *document);

/* Asks where to save a PDF (GtkFileChooserNative) and writes the handout
 * there, as `variorum --export-pdf` does; reports success in a toast when
 * @parent is a VrWindow, an error in a dialog. */
void     vr_print_export_pdf           (GtkWindow       *parent,
                                        VrDocument      *document);

/* Writes the handout of @document to @output in a worker thread, from a
 * copy of the document; reports like vr_print_export_pdf(). */
void     vr_print_export_pdf_to_file   (GtkWindow       *parent,
                                        VrDocument      *document,
                                        GFile           *output);

/* `variorum --export-pdf OUT FILE`: no display needed. @inputs is the
 * NULL-terminated list of FILE arguments (exactly one is expected).
 * Returns the exit status and prints errors on stderr. */
int      vr_print_export_pdf_command   (const char         *output,
                                        const char * const *inputs);

G_END_DECLS
