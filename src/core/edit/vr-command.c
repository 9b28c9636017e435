/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vr-command.h"
#include "vr-error.h"
#include "vr-model-private.h"

typedef struct
{
  void (*apply)  (VrCommand  *self,
                  VrDocument *document);
  void (*revert) (VrCommand  *self,
                  VrDocument *document);
} CommandVTable;

struct _VrCommand
{
  GObject              parent_instance;

  char                *label;
  const CommandVTable *vtable;

  /* Kind-specific state; which members are used depends on the vtable. */
  GObject             *object;     /* the mention, entity, variant, metadata… */
  GObject             *target;     /* an entity the command moves to, or the owner */
  GObject             *previous;   /* what the command replaced */
  GPtrArray           *items;      /* mentions, or a group's commands */
  GParamSpec          *pspec;
  GValue               value;
  GValue               old_value;
  /* An enum's string as the file had it (unknown values, an absent status),
   * so that undo writes back the same bytes. */
  void               (*set_raw) (gpointer    object,
                                 const char *raw);
  char                *old_raw;
  int                  position;

  VrCommandFunc        custom_apply;
  VrCommandFunc        custom_revert;
  gpointer             user_data;
  GDestroyNotify       destroy;
};

G_DEFINE_FINAL_TYPE (VrCommand, vr_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vr_command_dispose (GObject *object)
{
  VrCommand *self = (VrCommand *) object;

  g_clear_object (&self->object);
  g_clear_object (&self->target);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (vr_command_parent_class)->dispose (object);
}

static void
vr_command_finalize (GObject *object)
{
  VrCommand *self = (VrCommand *) object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->old_raw, g_free);
  if (G_IS_VALUE (&self->value))
    g_value_unset (&self->value);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);

  G_OBJECT_CLASS (vr_command_parent_class)->finalize (object);
}

static void
vr_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VrCommand *self = VR_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VrCommand *self = VR_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      vr_command_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_command_class_init (VrCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vr_command_dispose;
  object_class->finalize = vr_command_finalize;
  object_class->get_property = vr_command_get_property;
  object_class->set_property = vr_command_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_command_init (VrCommand *self)
{
  self->position = -1;
}

static VrCommand *
command_new (const CommandVTable *vtable,
             const char          *label)
{
  VrCommand *self = g_object_new (VR_TYPE_COMMAND, NULL);

  self->vtable = vtable;
  self->label = g_strdup (label);

  return self;
}

const char *
vr_command_get_label (VrCommand *self)
{
  g_return_val_if_fail (VR_IS_COMMAND (self), NULL);

  if (self->label == NULL && self->items != NULL && self->items->len > 0 &&
      VR_IS_COMMAND (g_ptr_array_index (self->items, 0)))
    return vr_command_get_label (g_ptr_array_index (self->items, 0));

  return self->label != NULL ? self->label : "";
}

void
vr_command_set_label (VrCommand  *self,
                      const char *label)
{
  g_return_if_fail (VR_IS_COMMAND (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
vr_command_apply (VrCommand  *self,
                  VrDocument *document)
{
  g_return_if_fail (VR_IS_COMMAND (self));
  g_return_if_fail (VR_IS_DOCUMENT (document));

  self->vtable->apply (self, document);
}

void
vr_command_revert (VrCommand  *self,
                   VrDocument *document)
{
  g_return_if_fail (VR_IS_COMMAND (self));
  g_return_if_fail (VR_IS_DOCUMENT (document));

  self->vtable->revert (self, document);
}

/* Custom */

static void
custom_apply (VrCommand  *self,
              VrDocument *document)
{
  self->custom_apply (document, self->user_data);
}

static void
custom_revert (VrCommand  *self,
               VrDocument *document)
{
  self->custom_revert (document, self->user_data);
}

static const CommandVTable custom_vtable = { custom_apply, custom_revert };

VrCommand *
vr_command_new_custom (const char     *label,
                       VrCommandFunc   apply,
                       VrCommandFunc   revert,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  VrCommand *self;

  g_return_val_if_fail (apply != NULL, NULL);
  g_return_val_if_fail (revert != NULL, NULL);

  self = command_new (&custom_vtable, label);
  self->custom_apply = apply;
  self->custom_revert = revert;
  self->user_data = user_data;
  self->destroy = destroy;

  return self;
}

/* Group */

static void
group_apply (VrCommand  *self,
             VrDocument *document)
{
  for (guint i = 0; i < self->items->len; i++)
    vr_command_apply (g_ptr_array_index (self->items, i), document);
}

static void
group_revert (VrCommand  *self,
              VrDocument *document)
{
  for (guint i = self->items->len; i > 0; i--)
    vr_command_revert (g_ptr_array_index (self->items, i - 1), document);
}

static const CommandVTable group_vtable = { group_apply, group_revert };

VrCommand *
vr_command_group_new (const char *label)
{
  VrCommand *self = command_new (&group_vtable, label);

  self->items = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

void
vr_command_group_add (VrCommand *group,
                      VrCommand *command)
{
  g_return_if_fail (VR_IS_COMMAND (group));
  g_return_if_fail (group->vtable == &group_vtable);
  g_return_if_fail (VR_IS_COMMAND (command));
  g_return_if_fail (command != group);

  g_ptr_array_add (group->items, g_object_ref (command));
}

void
vr_command_group_take (VrCommand *group,
                       VrCommand *command)
{
  g_return_if_fail (VR_IS_COMMAND (command));

  vr_command_group_add (group, command);
  g_object_unref (command);
}

guint
vr_command_group_get_n_commands (VrCommand *group)
{
  g_return_val_if_fail (VR_IS_COMMAND (group), 0);
  g_return_val_if_fail (group->vtable == &group_vtable, 0);

  return group->items->len;
}

/* Mentions */

static void
add_mention_apply (VrCommand  *self,
                   VrDocument *document)
{
  vr_document_add_mention (document, VR_MENTION (self->object));
}

static void
add_mention_revert (VrCommand  *self,
                    VrDocument *document)
{
  vr_document_remove_mention (document, VR_MENTION (self->object));
}

static const CommandVTable add_mention_vtable = { add_mention_apply, add_mention_revert };
static const CommandVTable remove_mention_vtable = { add_mention_revert, add_mention_apply };

VrCommand *
vr_command_add_mention_new (VrMention *mention)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  VrCommand *self;

  g_return_val_if_fail (VR_IS_MENTION (mention), NULL);

  text = vr_mention_dup_text (mention);
  if (text == NULL)
    text = g_strdup (vr_entity_get_name (vr_mention_get_entity (mention)));
  /* Translators: an undoable edit, shown as "Undo Tag “Yun”" */
  label = g_strdup_printf (_("Tag “%s”"), text != NULL ? text : "");

  self = command_new (&add_mention_vtable, label);
  self->object = g_object_ref (G_OBJECT (mention));

  return self;
}

VrCommand *
vr_command_remove_mention_new (VrMention *mention)
{
  VrCommand *self;

  g_return_val_if_fail (VR_IS_MENTION (mention), NULL);

  self = command_new (&remove_mention_vtable, _("Remove Mention"));
  self->object = g_object_ref (G_OBJECT (mention));

  return self;
}

static void
add_mentions_apply (VrCommand  *self,
                    VrDocument *document)
{
  vr_document_add_mentions (document, self->items);
}

static void
add_mentions_revert (VrCommand  *self,
                     VrDocument *document)
{
  for (guint i = self->items->len; i > 0; i--)
    vr_document_remove_mention (document, g_ptr_array_index (self->items, i - 1));
}

static const CommandVTable add_mentions_vtable = { add_mentions_apply, add_mentions_revert };

VrCommand *
vr_command_add_mentions_new (GPtrArray  *mentions,
                             const char *label)
{
  VrCommand *self;

  g_return_val_if_fail (mentions != NULL, NULL);

  self = command_new (&add_mentions_vtable, label != NULL ? label : _("Add Mentions"));
  self->items = g_ptr_array_new_full (mentions->len, g_object_unref);
  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);

      g_return_val_if_fail (VR_IS_MENTION (mention), self);
      g_ptr_array_add (self->items, g_object_ref (mention));
    }

  return self;
}

static void
retarget_apply (VrCommand  *self,
                VrDocument *document)
{
  VrMention *mention = VR_MENTION (self->object);

  g_set_object (&self->previous, G_OBJECT (vr_mention_get_entity (mention)));
  vr_document_retarget_mention (document, mention, VR_ENTITY (self->target));
}

static void
retarget_revert (VrCommand  *self,
                 VrDocument *document)
{
  vr_document_retarget_mention (document, VR_MENTION (self->object), VR_ENTITY (self->previous));
}

static const CommandVTable retarget_vtable = { retarget_apply, retarget_revert };

VrCommand *
vr_command_retarget_mention_new (VrMention *mention,
                                 VrEntity  *entity)
{
  VrCommand *self;

  g_return_val_if_fail (VR_IS_MENTION (mention), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);

  self = command_new (&retarget_vtable, _("Change Entity"));
  self->object = g_object_ref (G_OBJECT (mention));
  self->target = g_object_ref (G_OBJECT (entity));

  return self;
}

VrCommand *
vr_command_tag_new (VrDocument   *document,
                    VrEntity     *entity,
                    VrParagraph  *paragraph,
                    const char   *version_id,
                    guint         start,
                    guint         end,
                    gboolean      is_short,
                    GError      **error)
{
  g_autoptr(VrMention) mention = NULL;
  g_autoptr(VrCommand) group = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (VR_IS_PARAGRAPH (paragraph), NULL);
  g_return_val_if_fail (version_id != NULL, NULL);

  if (vr_document_lookup_paragraph (document, vr_paragraph_get_id (paragraph)) != paragraph)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_REFERENCE, _("The paragraph is not in the document"));
      return NULL;
    }

  mention = vr_mention_new (entity, paragraph, version_id, start, end);
  text = vr_mention_dup_text (mention);
  if (start >= end || text == NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_RANGE, _("Select some text to tag"));
      return NULL;
    }

  if (vr_document_lookup_mention (document, paragraph, version_id, start, end) != NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_DUPLICATE, _("“%s” is already tagged"), text);
      return NULL;
    }

  vr_mention_set_short (mention, is_short);

  /* Translators: an undoable edit, shown as "Undo Tag “Yun”" */
  label = g_strdup_printf (_("Tag “%s”"), text);
  group = vr_command_group_new (label);

  if (vr_document_lookup_entity (document, vr_entity_get_id (entity)) != entity)
    vr_command_group_take (group, vr_command_add_entity_new (entity));

  if (!is_short && vr_entity_lookup_variant (entity, text) == NULL)
    {
      g_autoptr(VrVariant) variant = vr_variant_new (text, VR_NAME_SYSTEM_OTHER);

      vr_variant_set_status (variant, VR_VARIANT_STATUS_CONFIRMED);
      vr_command_group_take (group, vr_command_add_variant_new (entity, variant));
    }

  vr_command_group_take (group, vr_command_add_mention_new (mention));

  return g_steal_pointer (&group);
}

/* Entities */

static int
find_in_model (GListModel *model,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return (int) i;
    }

  return -1;
}

static void
add_entity_apply (VrCommand  *self,
                  VrDocument *document)
{
  GListModel *entities = vr_document_get_entities (document);

  if (self->position >= 0 && (guint) self->position <= g_list_model_get_n_items (entities))
    vr_document_insert_entity (document, self->position, VR_ENTITY (self->object));
  else
    vr_document_add_entity (document, VR_ENTITY (self->object));
}

static void
add_entity_revert (VrCommand  *self,
                   VrDocument *document)
{
  vr_document_remove_entity (document, VR_ENTITY (self->object));
}

static const CommandVTable add_entity_vtable = { add_entity_apply, add_entity_revert };

VrCommand *
vr_command_add_entity_new (VrEntity *entity)
{
  g_autofree char *label = NULL;
  VrCommand *self;

  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);

  /* Translators: an undoable edit, shown as "Undo Add Entity “Kim Il”" */
  label = g_strdup_printf (_("Add Entity “%s”"), vr_entity_get_name (entity) ? vr_entity_get_name (entity) : "");
  self = command_new (&add_entity_vtable, label);
  self->object = g_object_ref (G_OBJECT (entity));

  return self;
}

static void
delete_entity_apply (VrCommand  *self,
                     VrDocument *document)
{
  VrEntity *entity = VR_ENTITY (self->object);
  GListModel *mentions = vr_entity_get_mentions (entity);
  guint n = g_list_model_get_n_items (mentions);

  self->position = find_in_model (vr_document_get_entities (document), entity);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (mentions, i));

  vr_document_remove_entity (document, entity);
}

static void
delete_entity_revert (VrCommand  *self,
                      VrDocument *document)
{
  VrEntity *entity = VR_ENTITY (self->object);

  if (self->position >= 0)
    vr_document_insert_entity (document, self->position, entity);
  else
    vr_document_add_entity (document, entity);

  if (self->items->len > 0)
    vr_document_add_mentions (document, self->items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
}

static const CommandVTable delete_entity_vtable = { delete_entity_apply, delete_entity_revert };

VrCommand *
vr_command_delete_entity_new (VrEntity *entity)
{
  g_autofree char *label = NULL;
  VrCommand *self;

  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);

  /* Translators: an undoable edit, shown as "Undo Delete Entity “Kim Il”" */
  label = g_strdup_printf (_("Delete Entity “%s”"), vr_entity_get_name (entity) ? vr_entity_get_name (entity) : "");
  self = command_new (&delete_entity_vtable, label);
  self->object = g_object_ref (G_OBJECT (entity));

  return self;
}

/* Variants */

static void
add_variant_apply (VrCommand  *self,
                   VrDocument *document)
{
  VrEntity *entity = VR_ENTITY (self->target);
  guint n = g_list_model_get_n_items (vr_entity_get_variants (entity));

  if (self->position >= 0 && (guint) self->position <= n)
    vr_entity_insert_variant (entity, self->position, VR_VARIANT (self->object));
  else
    vr_entity_add_variant (entity, VR_VARIANT (self->object));
}

static void
add_variant_revert (VrCommand  *self,
                    VrDocument *document)
{
  vr_entity_remove_variant (VR_ENTITY (self->target), VR_VARIANT (self->object));
}

static void
remove_variant_apply (VrCommand  *self,
                      VrDocument *document)
{
  self->position = find_in_model (vr_entity_get_variants (VR_ENTITY (self->target)), self->object);
  add_variant_revert (self, document);
}

static const CommandVTable add_variant_vtable = { add_variant_apply, add_variant_revert };
static const CommandVTable remove_variant_vtable = { remove_variant_apply, add_variant_apply };

static const char *
form_or_empty (VrVariant *variant)
{
  const char *form = vr_variant_get_form (variant);

  return form != NULL ? form : "";
}

static VrCommand *
variant_command_new (const CommandVTable *vtable,
                     const char          *label,
                     VrEntity            *entity,
                     VrVariant           *variant)
{
  VrCommand *self;

  self = command_new (vtable, label);
  self->object = g_object_ref (G_OBJECT (variant));
  self->target = g_object_ref (G_OBJECT (entity));

  return self;
}

VrCommand *
vr_command_add_variant_new (VrEntity  *entity,
                            VrVariant *variant)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  /* Translators: an undoable edit; %s is a spelling of a name */
  label = g_strdup_printf (_("Add Spelling “%s”"), form_or_empty (variant));
  return variant_command_new (&add_variant_vtable, label, entity, variant);
}

VrCommand *
vr_command_remove_variant_new (VrEntity  *entity,
                               VrVariant *variant)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  /* Translators: an undoable edit; %s is a spelling of a name */
  label = g_strdup_printf (_("Remove Spelling “%s”"), form_or_empty (variant));
  return variant_command_new (&remove_variant_vtable, label, entity, variant);
}

/* Fields */

static void
add_field_apply (VrCommand  *self,
                 VrDocument *document)
{
  VrMetadata *metadata = VR_METADATA (self->target);
  guint n = g_list_model_get_n_items (vr_metadata_get_fields (metadata));

  if (self->position >= 0 && (guint) self->position <= n)
    vr_metadata_insert_field (metadata, self->position, VR_FIELD (self->object));
  else
    {
      self->position = n;
      vr_metadata_add_field (metadata, VR_FIELD (self->object));
    }
}

static void
add_field_revert (VrCommand  *self,
                  VrDocument *document)
{
  VrMetadata *metadata = VR_METADATA (self->target);
  int position = find_in_model (vr_metadata_get_fields (metadata), self->object);

  g_return_if_fail (position >= 0);
  self->position = position;
  vr_metadata_remove_field (metadata, position);
}

static const CommandVTable add_field_vtable = { add_field_apply, add_field_revert };
static const CommandVTable remove_field_vtable = { add_field_revert, add_field_apply };

VrCommand *
vr_command_add_field_new (VrMetadata *metadata,
                          int         position,
                          VrField    *field)
{
  VrCommand *self;

  g_return_val_if_fail (VR_IS_METADATA (metadata), NULL);
  g_return_val_if_fail (VR_IS_FIELD (field), NULL);

  self = command_new (&add_field_vtable, _("Add Field"));
  self->object = g_object_ref (G_OBJECT (field));
  self->target = g_object_ref (G_OBJECT (metadata));
  self->position = position;

  return self;
}

VrCommand *
vr_command_remove_field_new (VrMetadata *metadata,
                             guint       position)
{
  g_autoptr(VrField) field = NULL;
  VrCommand *self;

  g_return_val_if_fail (VR_IS_METADATA (metadata), NULL);

  field = g_list_model_get_item (vr_metadata_get_fields (metadata), position);
  g_return_val_if_fail (field != NULL, NULL);

  self = command_new (&remove_field_vtable, _("Remove Field"));
  self->object = G_OBJECT (g_steal_pointer (&field));
  self->target = g_object_ref (G_OBJECT (metadata));
  self->position = position;

  return self;
}

/* Annotations and decisions */

static void
add_annotation_apply (VrCommand  *self,
                      VrDocument *document)
{
  /* Back in its place when a removal is undone; an addition appends. */
  vr_document_insert_annotation (document,
                                 self->position >= 0 ? (guint) self->position : G_MAXUINT,
                                 VR_ANNOTATION (self->object));
}

static void
add_annotation_revert (VrCommand  *self,
                       VrDocument *document)
{
  self->position = find_in_model (vr_document_get_annotations (document), self->object);
  vr_document_remove_annotation (document, VR_ANNOTATION (self->object));
}

static const CommandVTable add_annotation_vtable = { add_annotation_apply, add_annotation_revert };
static const CommandVTable remove_annotation_vtable = { add_annotation_revert, add_annotation_apply };

VrCommand *
vr_command_add_annotation_new (VrAnnotation *annotation)
{
  VrCommand *self;

  g_return_val_if_fail (VR_IS_ANNOTATION (annotation), NULL);

  self = command_new (&add_annotation_vtable, _("Add Note"));
  self->object = g_object_ref (G_OBJECT (annotation));
  self->position = -1;

  return self;
}

VrCommand *
vr_command_remove_annotation_new (VrAnnotation *annotation)
{
  VrCommand *self;

  g_return_val_if_fail (VR_IS_ANNOTATION (annotation), NULL);

  self = command_new (&remove_annotation_vtable, _("Remove Note"));
  self->object = g_object_ref (G_OBJECT (annotation));
  self->position = -1;

  return self;
}

static void
add_decision_apply (VrCommand  *self,
                    VrDocument *document)
{
  vr_document_insert_decision (document,
                               self->position >= 0 ? (guint) self->position : G_MAXUINT,
                               VR_DECISION (self->object));
}

static void
add_decision_revert (VrCommand  *self,
                     VrDocument *document)
{
  self->position = find_in_model (vr_document_get_decisions (document), self->object);
  vr_document_remove_decision (document, VR_DECISION (self->object));
}

static const CommandVTable add_decision_vtable = { add_decision_apply, add_decision_revert };
static const CommandVTable remove_decision_vtable = { add_decision_revert, add_decision_apply };

VrCommand *
vr_command_add_decision_new (VrDecision *decision)
{
  VrCommand *self;

  g_return_val_if_fail (VR_IS_DECISION (decision), NULL);

  self = command_new (&add_decision_vtable, _("Record Decision"));
  self->object = g_object_ref (G_OBJECT (decision));
  self->position = -1;

  return self;
}

VrCommand *
vr_command_remove_decision_new (VrDecision *decision)
{
  VrCommand *self;

  g_return_val_if_fail (VR_IS_DECISION (decision), NULL);

  self = command_new (&remove_decision_vtable, _("Remove Decision"));
  self->object = g_object_ref (G_OBJECT (decision));
  self->position = -1;

  return self;
}

/* Properties */

static void
set_property_apply (VrCommand  *self,
                    VrDocument *document)
{
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_value_init (&self->old_value, self->pspec->value_type);
  g_object_get_property (self->object, self->pspec->name, &self->old_value);

  if (self->set_raw != NULL)
    {
      const char *raw = NULL;

      if (VR_IS_ENTITY (self->object))
        raw = vr_entity_get_kind_raw (VR_ENTITY (self->object));
      else if (g_str_equal (self->pspec->name, "system"))
        raw = vr_variant_get_system_raw (VR_VARIANT (self->object));
      else if (_vr_variant_has_status (VR_VARIANT (self->object)))
        raw = vr_variant_get_status_raw (VR_VARIANT (self->object));

      g_free (self->old_raw);
      self->old_raw = g_strdup (raw);
    }

  g_object_set_property (self->object, self->pspec->name, &self->value);
}

static void
set_property_revert (VrCommand  *self,
                     VrDocument *document)
{
  if (self->set_raw != NULL)
    self->set_raw (self->object, self->old_raw);
  else
    g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static const CommandVTable set_property_vtable = { set_property_apply, set_property_revert };

static const char *
property_label (GObject    *object,
                const char *property)
{
  static const struct {
    const char *type_name;
    const char *property;
    const char *label;
  } labels[] = {
    { "VrEntity", "name", N_("Rename Entity") },
    { "VrEntity", "kind", N_("Change Kind") },
    { "VrEntity", "description", N_("Edit Description") },
    { "VrEntity", "hangul", N_("Edit Hangul") },
    { "VrEntity", "hanja", N_("Edit Hanja") },
    { "VrEntity", "cyrillic", N_("Edit Cyrillic") },
    { "VrVariant", "form", N_("Edit Spelling") },
    { "VrVariant", "system", N_("Change System") },
    { "VrVariant", "status", N_("Change Status") },
    { "VrVariant", "note", N_("Edit Note") },
    { "VrMetadata", "title", N_("Edit Title") },
    { "VrMetadata", "date", N_("Edit Date") },
    { "VrMetadata", "summary", N_("Edit Summary") },
    { "VrMetadata", "repository", N_("Edit Repository") },
    { "VrMetadata", "archive", N_("Edit Archive") },
    { "VrMetadata", "archive-location", N_("Edit Archive Location") },
    { "VrMetadata", "translator", N_("Edit Translator") },
    { "VrMetadata", "original-language", N_("Edit Original Language") },
    { "VrMetadata", "classification", N_("Edit Classification") },
    { "VrMetadata", "authors", N_("Edit Authors") },
    { "VrMetadata", "recipients", N_("Edit Recipients") },
    { "VrField", "label", N_("Rename Field") },
    { "VrField", "value", N_("Edit Field") },
    { "VrMention", "short", N_("Change Reference") },
    { "VrMention", "uncertain", N_("Change Certainty") },
  };
  const char *type_name = G_OBJECT_TYPE_NAME (object);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (labels[i].type_name, type_name) &&
          g_str_equal (labels[i].property, property))
        return _(labels[i].label);
    }

  return _("Edit");
}

VrCommand *
vr_command_set_property_new (GObject      *object,
                             const char   *property,
                             const GValue *value)
{
  GParamSpec *pspec;
  VrCommand *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail ((pspec->flags & G_PARAM_WRITABLE) != 0, NULL);
  g_return_val_if_fail ((pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0, NULL);

  self = command_new (&set_property_vtable, property_label (object, pspec->name));
  self->object = g_object_ref (object);
  self->pspec = pspec;
  if (VR_IS_ENTITY (object) && g_str_equal (pspec->name, "kind"))
    self->set_raw = (gpointer) _vr_entity_set_kind_raw;
  else if (VR_IS_VARIANT (object) && g_str_equal (pspec->name, "system"))
    self->set_raw = (gpointer) _vr_variant_set_system_raw;
  else if (VR_IS_VARIANT (object) && g_str_equal (pspec->name, "status"))
    self->set_raw = (gpointer) _vr_variant_set_status_raw;
  g_value_init (&self->value, pspec->value_type);
  if (!g_value_transform (value, &self->value))
    {
      g_critical ("Cannot set property “%s” from a value of type %s",
                  property, G_VALUE_TYPE_NAME (value));
      g_param_value_set_default (pspec, &self->value);
    }

  return self;
}

VrCommand *
vr_command_set_string_new (gpointer    object,
                           const char *property,
                           const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);

  return vr_command_set_property_new (object, property, &gvalue);
}

VrCommand *
vr_command_set_int_new (gpointer    object,
                        const char *property,
                        int         value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  /* GValue transforms int to enum only through the enum's own type. */
  g_value_init (&gvalue, pspec->value_type);
  if (G_TYPE_IS_ENUM (pspec->value_type))
    g_value_set_enum (&gvalue, value);
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&gvalue, value != 0);
  else
    {
      g_auto(GValue) ivalue = G_VALUE_INIT;

      g_value_init (&ivalue, G_TYPE_INT);
      g_value_set_int (&ivalue, value);
      g_return_val_if_fail (g_value_transform (&ivalue, &gvalue), NULL);
    }

  return vr_command_set_property_new (object, property, &gvalue);
}

VrCommand *
vr_command_set_strv_new (gpointer            object,
                         const char         *property,
                         const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);

  return vr_command_set_property_new (object, property, &gvalue);
}
