/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "vr-document.h"

G_BEGIN_DECLS

#define VR_TYPE_COMMAND (vr_command_get_type ())
G_DECLARE_FINAL_TYPE (VrCommand, vr_command, VR, COMMAND, GObject)

/* One undoable edit of a document. A command changes the document only
 * through the model's public API, so every view follows through the
 * model's signals. Commands are applied and reverted by a VrHistory in
 * stack order: a command may rely on the document being exactly as it left
 * it. "label" is translated and names the edit for a menu ("Tag “Yun”",
 * shown as "Undo Tag “Yun”"). */

typedef void (*VrCommandFunc) (VrDocument *document,
                               gpointer    user_data);

const char *vr_command_get_label            (VrCommand     *self);
void        vr_command_set_label            (VrCommand     *self,
                                             const char    *label);

/* Used by VrHistory; a command is applied, then reverted, then applied… */
void        vr_command_apply                (VrCommand     *self,
                                             VrDocument    *document);
void        vr_command_revert               (VrCommand     *self,
                                             VrDocument    *document);

/* For edits without a command of their own. */
VrCommand  *vr_command_new_custom           (const char    *label,
                                             VrCommandFunc  apply,
                                             VrCommandFunc  revert,
                                             gpointer       user_data,
                                             GDestroyNotify destroy);

/* Several commands as one step, applied in order and reverted in reverse.
 * With a NULL @label the group takes its first command's label. */
VrCommand  *vr_command_group_new            (const char    *label);
void        vr_command_group_add            (VrCommand     *group,
                                             VrCommand     *command);
/* Like vr_command_group_add() but takes the caller's reference. */
void        vr_command_group_take           (VrCommand     *group,
                                             VrCommand     *command);
guint       vr_command_group_get_n_commands (VrCommand     *group);

/* Mentions. @mention is not yet in the document; its entity and paragraph
 * are (or are added by an earlier command of the same group). */
VrCommand  *vr_command_add_mention_new      (VrMention     *mention);
/* Many at once (a "Find mentions" result), one merge into the document.
 * The array's mentions are referenced, not copied. @label may be NULL. */
VrCommand  *vr_command_add_mentions_new     (GPtrArray     *mentions,
                                             const char    *label);
VrCommand  *vr_command_remove_mention_new   (VrMention     *mention);
VrCommand  *vr_command_retarget_mention_new (VrMention     *mention,
                                             VrEntity      *entity);

/* Tags the text from @start to @end of @paragraph in @version_id as a
 * mention of @entity, in one step: adds @entity first when it is not in
 * the document yet, and when the mention is not @is_short and its text is
 * not yet a spelling of @entity, adds that spelling (system "other", status
 * "confirmed"). Labelled "Tag “TEXT”". NULL with @error set when the span
 * is empty, outside the text, or already tagged. */
VrCommand  *vr_command_tag_new              (VrDocument    *document,
                                             VrEntity      *entity,
                                             VrParagraph   *paragraph,
                                             const char    *version_id,
                                             guint          start,
                                             guint          end,
                                             gboolean       is_short,
                                             GError       **error);

/* Entities. @entity is new (its id from vr_document_dup_new_entity_id) and
 * may already hold its variants. Deleting removes its mentions; reverting
 * puts the entity back in its place with its variants and mentions. */
VrCommand  *vr_command_add_entity_new       (VrEntity      *entity);
VrCommand  *vr_command_delete_entity_new    (VrEntity      *entity);

/* Variants of an entity; a removed variant comes back in its place. */
VrCommand  *vr_command_add_variant_new      (VrEntity      *entity,
                                             VrVariant     *variant);
VrCommand  *vr_command_remove_variant_new   (VrEntity      *entity,
                                             VrVariant     *variant);

/* Labelled metadata fields. @position -1 appends. */
VrCommand  *vr_command_add_field_new        (VrMetadata    *metadata,
                                             int            position,
                                             VrField       *field);
VrCommand  *vr_command_remove_field_new     (VrMetadata    *metadata,
                                             guint          position);

/* Annotations and decisions. Reverting a removal puts the object back in
 * its place in its list. */
VrCommand  *vr_command_add_annotation_new    (VrAnnotation *annotation);
VrCommand  *vr_command_remove_annotation_new (VrAnnotation *annotation);
VrCommand  *vr_command_add_decision_new      (VrDecision   *decision);
VrCommand  *vr_command_remove_decision_new   (VrDecision   *decision);

/* Sets a property of a model object (VrEntity, VrVariant, VrMetadata,
 * VrField, VrMention…) through its setter; reverting restores the value it
 * had when the command was applied. The label names the property ("Rename
 * Entity", "Edit Title", "Change Status"). */
VrCommand  *vr_command_set_property_new     (GObject       *object,
                                             const char    *property,
                                             const GValue  *value);
VrCommand  *vr_command_set_string_new       (gpointer       object,
                                             const char    *property,
                                             const char    *value);
/* For enum, boolean and integer properties. */
VrCommand  *vr_command_set_int_new          (gpointer       object,
                                             const char    *property,
                                             int            value);
/* For GStrv properties (authors, recipients). */
VrCommand  *vr_command_set_strv_new         (gpointer            object,
                                             const char         *property,
                                             const char * const *value);

G_END_DECLS
