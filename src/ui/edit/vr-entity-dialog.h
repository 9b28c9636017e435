/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_ENTITY_DIALOG (vr_entity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VrEntityDialog, vr_entity_dialog, VR, ENTITY_DIALOG, AdwWindow)

/* Edits an entity: preferred name, kind, description, Hangul, Hanja,
 * Cyrillic. Beside its spellings in the document it shows, live, the forms
 * its Hangul implies (RR with the usual surname spellings, MR and its plain
 * form, Kontsevich Cyrillic); a form that is not yet a spelling can be
 * added, which also tags its occurrences in the text.
 *
 * Nothing changes until Save (Enter): the dialog then emits "save"
 * (VrCommand *command), one command holding every change, for the caller
 * to push on the history; with no change it just closes. Cancel (Escape)
 * closes. "delete" (no arguments) asks the caller to delete the entity. */
VrEntityDialog *vr_entity_dialog_new            (GtkWindow      *parent,
                                                 VrDocument     *document,
                                                 VrEntity       *entity);
VrEntity       *vr_entity_dialog_get_entity     (VrEntityDialog *self);
/* The command Save would emit, or NULL when nothing changed. */
VrCommand      *vr_entity_dialog_build_command  (VrEntityDialog *self);
void            vr_entity_dialog_save           (VrEntityDialog *self);

/* For tests: the entry of a property ("name", "description", "hangul",
 * "hanja", "cyrillic"), the kind row, and the implied forms shown, each
 * with the button that adds it (NULL when it is already a spelling). */
GtkEditable    *vr_entity_dialog_get_entry      (VrEntityDialog *self,
                                                 const char     *property);
AdwComboRow    *vr_entity_dialog_get_kind_row   (VrEntityDialog *self);
guint           vr_entity_dialog_get_n_forms    (VrEntityDialog *self);
const char     *vr_entity_dialog_get_form       (VrEntityDialog *self,
                                                 guint           index,
                                                 GtkWidget     **add_button);

G_END_DECLS
