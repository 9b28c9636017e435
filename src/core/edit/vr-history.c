/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-history"

#include "config.h"

#include "vr-history.h"

struct _VrHistory
{
  GObject     parent_instance;

  VrDocument *document;
  GPtrArray  *commands;
  /* commands[0 .. position) are applied. */
  guint       position;
  /* The position of the saved state, or -1 when no position reaches it
   * (its commands were dropped). */
  int         saved;
  gboolean    busy;

  /* What the properties showed last, to notify only on a change. */
  gboolean    can_undo;
  gboolean    can_redo;
  char       *undo_label;
  char       *redo_label;
};

G_DEFINE_FINAL_TYPE (VrHistory, vr_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_label (VrHistory  *self,
           char      **field,
           VrCommand  *command,
           guint       prop_id)
{
  const char *label = command != NULL ? vr_command_get_label (command) : NULL;

  if (g_strcmp0 (*field, label) == 0)
    return;

  g_free (*field);
  *field = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_state (VrHistory *self)
{
  gboolean can_undo = self->position > 0;
  gboolean can_redo = self->position < self->commands->len;

  g_object_freeze_notify (G_OBJECT (self));

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }

  set_label (self, &self->undo_label,
             can_undo ? g_ptr_array_index (self->commands, self->position - 1) : NULL,
             PROP_UNDO_LABEL);
  set_label (self, &self->redo_label,
             can_redo ? g_ptr_array_index (self->commands, self->position) : NULL,
             PROP_REDO_LABEL);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_document_modified_cb (VrHistory  *self,
                         GParamSpec *pspec,
                         VrDocument *document)
{
  /* A save clears "modified": this state is now the saved one. */
  if (!self->busy && !vr_document_get_modified (document))
    self->saved = (int) self->position;
}

static void
vr_history_dispose (GObject *object)
{
  VrHistory *self = (VrHistory *) object;

  if (self->commands != NULL)
    g_ptr_array_set_size (self->commands, 0);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_history_parent_class)->dispose (object);
}

static void
vr_history_finalize (GObject *object)
{
  VrHistory *self = (VrHistory *) object;

  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (vr_history_parent_class)->finalize (object);
}

static void
vr_history_constructed (GObject *object)
{
  VrHistory *self = (VrHistory *) object;

  G_OBJECT_CLASS (vr_history_parent_class)->constructed (object);

  g_return_if_fail (VR_IS_DOCUMENT (self->document));

  /* An unmodified document is in its saved state; a modified one (an
   * import, say) has no saved state to go back to. */
  self->saved = vr_document_get_modified (self->document) ? -1 : 0;
  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (on_document_modified_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
vr_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VrHistory *self = VR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VrHistory *self = VR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_history_class_init (VrHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vr_history_constructed;
  object_class->dispose = vr_history_dispose;
  object_class->finalize = vr_history_finalize;
  object_class->get_property = vr_history_get_property;
  object_class->set_property = vr_history_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vr_history_init (VrHistory *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

VrHistory *
vr_history_new (VrDocument *document)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  return g_object_new (VR_TYPE_HISTORY,
                       "document", document,
                       NULL);
}

VrDocument *
vr_history_get_document (VrHistory *self)
{
  g_return_val_if_fail (VR_IS_HISTORY (self), NULL);

  return self->document;
}

static void
sync_modified (VrHistory *self)
{
  self->busy = TRUE;
  vr_document_set_modified (self->document, self->saved != (int) self->position);
  self->busy = FALSE;
}

void
vr_history_push (VrHistory *self,
                 VrCommand *command)
{
  g_return_if_fail (VR_IS_HISTORY (self));
  g_return_if_fail (VR_IS_COMMAND (command));
  g_return_if_fail (!self->busy);

  g_object_ref (command);

  /* A new edit after an undo: the undone commands can no longer be redone. */
  if (self->position < self->commands->len)
    {
      if (self->saved > (int) self->position)
        self->saved = -1;
      g_ptr_array_set_size (self->commands, self->position);
    }

  self->busy = TRUE;
  vr_command_apply (command, self->document);
  self->busy = FALSE;

  g_ptr_array_add (self->commands, command);
  self->position++;

  sync_modified (self);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
vr_history_undo (VrHistory *self)
{
  VrCommand *command;

  g_return_val_if_fail (VR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (self->position == 0)
    return FALSE;

  command = g_ptr_array_index (self->commands, self->position - 1);
  self->busy = TRUE;
  vr_command_revert (command, self->document);
  self->busy = FALSE;
  self->position--;

  sync_modified (self);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
vr_history_redo (VrHistory *self)
{
  VrCommand *command;

  g_return_val_if_fail (VR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (self->position >= self->commands->len)
    return FALSE;

  command = g_ptr_array_index (self->commands, self->position);
  self->busy = TRUE;
  vr_command_apply (command, self->document);
  self->busy = FALSE;
  self->position++;

  sync_modified (self);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
vr_history_get_can_undo (VrHistory *self)
{
  g_return_val_if_fail (VR_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
vr_history_get_can_redo (VrHistory *self)
{
  g_return_val_if_fail (VR_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

const char *
vr_history_get_undo_label (VrHistory *self)
{
  g_return_val_if_fail (VR_IS_HISTORY (self), NULL);

  return self->undo_label;
}

const char *
vr_history_get_redo_label (VrHistory *self)
{
  g_return_val_if_fail (VR_IS_HISTORY (self), NULL);

  return self->redo_label;
}

void
vr_history_mark_saved (VrHistory *self)
{
  g_return_if_fail (VR_IS_HISTORY (self));

  self->saved = (int) self->position;
  sync_modified (self);
}

void
vr_history_clear (VrHistory *self)
{
  g_return_if_fail (VR_IS_HISTORY (self));

  g_ptr_array_set_size (self->commands, 0);
  self->position = 0;
  self->saved = vr_document_get_modified (self->document) ? -1 : 0;
  update_state (self);
}
