/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reconciliation edits, each a group of the existing commands, and the
 * suggestions of the names engine for a document. */
#define G_LOG_DOMAIN "vr-reconcile"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vr-error.h"
#include "vr-fold.h"
#include "vr-mention-finder.h"
#include "vr-name-cluster.h"
#include "vr-name-key.h"
#include "vr-reconcile.h"

/* Helpers */

static gboolean
in_document (VrDocument *document,
             VrEntity   *entity)
{
  return entity != NULL &&
         vr_document_lookup_entity (document, vr_entity_get_id (entity)) == entity;
}

static const char *
name_or_empty (VrEntity *entity)
{
  const char *name = vr_entity_get_name (entity);

  return name != NULL ? name : "";
}

static gboolean
decision_is_between (VrDecision *decision,
                     const char *a,
                     const char *b)
{
  const char *da = vr_decision_get_a (decision);
  const char *db = vr_decision_get_b (decision);

  return (g_strcmp0 (da, a) == 0 && g_strcmp0 (db, b) == 0) ||
         (g_strcmp0 (da, b) == 0 && g_strcmp0 (db, a) == 0);
}

/* Adds to @group what records @verdict between @a and @b: the opposite
 * verdict between them goes, and the verdict is added unless it is there.
 * Returns whether anything was added. */
static gboolean
group_record (VrCommand  *group,
              VrDocument *document,
              const char *a,
              const char *b,
              VrVerdict   verdict)
{
  GListModel *decisions = vr_document_get_decisions (document);
  guint n = g_list_model_get_n_items (decisions);
  gboolean found = FALSE;
  gboolean changed = FALSE;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0' || strcmp (a, b) == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decisions, i);

      if (!decision_is_between (decision, a, b))
        continue;
      if (vr_decision_get_verdict (decision) == verdict)
        {
          found = TRUE;
        }
      else
        {
          vr_command_group_take (group, vr_command_remove_decision_new (decision));
          changed = TRUE;
        }
    }

  if (!found)
    {
      g_autoptr(VrDecision) decision = vr_decision_new (a, b, verdict);

      vr_command_group_take (group, vr_command_add_decision_new (decision));
      changed = TRUE;
    }

  return changed;
}

/* The mentions of @entity (not short) written as @variant: its exact text,
 * or text that folds to the same string as long as no other spelling of
 * the entity is written exactly that way. */
static GPtrArray *
mentions_written (VrEntity  *entity,
                  VrVariant *variant)
{
  GListModel *mentions = vr_entity_get_mentions (entity);
  guint n = g_list_model_get_n_items (mentions);
  g_autofree char *folded_form = vr_fold (vr_variant_get_form (variant), NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;
      VrVariant *exact;

      if (vr_mention_get_short (mention))
        continue;
      text = vr_mention_dup_text (mention);
      if (text == NULL)
        continue;
      exact = vr_entity_lookup_variant (entity, text);
      if (exact == variant)
        {
          g_ptr_array_add (result, g_steal_pointer (&mention));
          continue;
        }
      if (exact != NULL)
        continue;
      folded = vr_fold (text, NULL);
      if (g_strcmp0 (folded, folded_form) == 0)
        g_ptr_array_add (result, g_steal_pointer (&mention));
    }

  return result;
}

/* The first spelling of @entity other than @variant, or NULL. */
static const char *
other_form (VrEntity  *entity,
            VrVariant *variant)
{
  GListModel *variants = vr_entity_get_variants (entity);
  guint n = g_list_model_get_n_items (variants);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrVariant) other = g_list_model_get_item (variants, i);

      if (other != variant && vr_variant_get_form (other) != NULL &&
          *vr_variant_get_form (other) != '\0')
        return vr_variant_get_form (other);
    }

  return NULL;
}

/* Moves @variant out of @entity with its mentions into @to (already in
 * @group or the document). When @variant's form was @entity's preferred
 * name, the entity takes its next spelling as name. Returns @entity's
 * preferred name after the move. */
static const char *
group_move_variant (VrCommand *group,
                    VrEntity  *entity,
                    VrVariant *variant,
                    VrEntity  *to)
{
  g_autoptr(GPtrArray) mentions = mentions_written (entity, variant);
  const char *name = vr_entity_get_name (entity);

  vr_command_group_take (group, vr_command_remove_variant_new (entity, variant));
  vr_command_group_take (group, vr_command_add_variant_new (to, variant));
  for (guint i = 0; i < mentions->len; i++)
    vr_command_group_take (group,
                           vr_command_retarget_mention_new (g_ptr_array_index (mentions, i), to));

  if (g_strcmp0 (name, vr_variant_get_form (variant)) == 0)
    {
      const char *next = other_form (entity, variant);

      if (next != NULL)
        {
          vr_command_group_take (group, vr_command_set_string_new (entity, "name", next));
          return next;
        }
    }

  return name;
}

static const char * const copied_properties[] = { "hangul", "hanja", "cyrillic", "description" };

/* Adds the steps of merging @from into @into to @group. @into_forms holds
 * the forms @into has (or will have, after earlier merges of the group);
 * @filled the properties of @into that earlier merges fill. */
static void
group_merge (VrCommand  *group,
             VrDocument *document,
             VrEntity   *into,
             VrEntity   *from,
             GHashTable *into_forms,
             GHashTable *filled)
{
  GListModel *variants = vr_entity_get_variants (from);
  GListModel *mentions = vr_entity_get_mentions (from);
  guint n_variants = g_list_model_get_n_items (variants);
  guint n_mentions = g_list_model_get_n_items (mentions);

  for (guint i = 0; i < n_variants; i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);
      const char *form = vr_variant_get_form (variant);

      /* A form @into has already stays with @from and goes with it. */
      if (form == NULL || g_hash_table_contains (into_forms, form))
        continue;
      g_hash_table_add (into_forms, g_strdup (form));
      vr_command_group_take (group, vr_command_remove_variant_new (from, variant));
      vr_command_group_take (group, vr_command_add_variant_new (into, variant));
    }

  for (guint i = 0; i < n_mentions; i++)
    {
      g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);

      vr_command_group_take (group, vr_command_retarget_mention_new (mention, into));
    }

  /* What @into does not know of the person, @from may. */
  for (guint i = 0; i < G_N_ELEMENTS (copied_properties); i++)
    {
      g_autofree char *mine = NULL;
      g_autofree char *theirs = NULL;

      g_object_get (into, copied_properties[i], &mine, NULL);
      g_object_get (from, copied_properties[i], &theirs, NULL);
      if ((mine == NULL || *mine == '\0') && theirs != NULL && *theirs != '\0' &&
          !g_hash_table_contains (filled, copied_properties[i]))
        {
          g_hash_table_add (filled, (gpointer) copied_properties[i]);
          vr_command_group_take (group,
                                 vr_command_set_string_new (into, copied_properties[i], theirs));
        }
    }

  vr_command_group_take (group, vr_command_delete_entity_new (from));
  group_record (group, document, vr_entity_get_name (into), vr_entity_get_name (from),
                VR_VERDICT_SAME);
}

static GHashTable *
forms_of (VrEntity *entity)
{
  GListModel *variants = vr_entity_get_variants (entity);
  guint n = g_list_model_get_n_items (variants);
  GHashTable *forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);

      if (vr_variant_get_form (variant) != NULL)
        g_hash_table_add (forms, g_strdup (vr_variant_get_form (variant)));
    }

  return forms;
}

static gboolean
check_entity (VrDocument  *document,
              VrEntity    *entity,
              GError     **error)
{
  if (!in_document (document, entity))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_REFERENCE,
                   _("“%s” is not in the document"), name_or_empty (entity));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_variant (VrDocument  *document,
               VrVariant   *variant,
               GError     **error)
{
  VrEntity *entity = vr_variant_get_entity (variant);

  if (entity == NULL || !in_document (document, entity))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_REFERENCE,
                   _("The spelling “%s” is not in the document"),
                   vr_variant_get_form (variant) ? vr_variant_get_form (variant) : "");
      return FALSE;
    }
  return TRUE;
}

/* Edits */

VrCommand *
vr_reconcile_merge_entities (VrDocument  *document,
                             VrEntity    *into,
                             VrEntity    *from,
                             GError     **error)
{
  g_autoptr(GHashTable) into_forms = NULL;
  g_autoptr(GHashTable) filled = NULL;
  g_autofree char *label = NULL;
  VrCommand *group;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (into), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (from), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_entity (document, into, error) || !check_entity (document, from, error))
    return NULL;
  if (into == from)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("“%s” cannot be merged into itself"), name_or_empty (into));
      return NULL;
    }

  /* Translators: an undoable edit, shown as "Undo Merge “Yung Kong-hum” into “Yun Gong-heum”" */
  label = g_strdup_printf (_("Merge “%s” into “%s”"), name_or_empty (from), name_or_empty (into));
  group = vr_command_group_new (label);
  into_forms = forms_of (into);
  filled = g_hash_table_new (g_str_hash, g_str_equal);
  group_merge (group, document, into, from, into_forms, filled);

  return group;
}

VrCommand *
vr_reconcile_move_variant (VrDocument  *document,
                           VrVariant   *variant,
                           VrEntity    *to,
                           GError     **error)
{
  g_autofree char *label = NULL;
  VrCommand *group;
  VrEntity *entity;
  const char *form;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_variant (document, variant, error) || !check_entity (document, to, error))
    return NULL;

  entity = vr_variant_get_entity (variant);
  form = vr_variant_get_form (variant);
  if (form == NULL || *form == '\0')
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE, _("The spelling is empty"));
      return NULL;
    }
  if (entity == to || vr_entity_lookup_variant (to, form) != NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("“%s” is already a spelling of “%s”"), form, name_or_empty (to));
      return NULL;
    }

  /* Translators: an undoable edit, shown as "Undo Move “Yung Kong-hum” to “Yun Gong-heum”" */
  label = g_strdup_printf (_("Move “%s” to “%s”"), form, name_or_empty (to));
  group = vr_command_group_new (label);
  group_move_variant (group, entity, variant, to);
  group_record (group, document, form, vr_entity_get_name (to), VR_VERDICT_SAME);

  return group;
}

VrCommand *
vr_reconcile_split_variant (VrDocument  *document,
                            VrVariant   *variant,
                            VrEntity   **new_entity,
                            GError     **error)
{
  g_autoptr(VrEntity) split = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  VrCommand *group;
  VrEntity *entity;
  const char *form;
  const char *old_name;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_variant (document, variant, error))
    return NULL;

  entity = vr_variant_get_entity (variant);
  form = vr_variant_get_form (variant);
  if (form == NULL || *form == '\0')
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE, _("The spelling is empty"));
      return NULL;
    }
  if (g_list_model_get_n_items (vr_entity_get_variants (entity)) < 2)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("“%s” is the only spelling of “%s”"), form, name_or_empty (entity));
      return NULL;
    }

  id = vr_document_dup_new_entity_id (document, form);
  split = vr_entity_new (id, vr_entity_get_kind (entity), form);

  /* Translators: an undoable edit, shown as "Undo Split “Yung Kong-hum” into a New Entity" */
  label = g_strdup_printf (_("Split “%s” into a New Entity"), form);
  group = vr_command_group_new (label);
  vr_command_group_take (group, vr_command_add_entity_new (split));
  old_name = group_move_variant (group, entity, variant, split);
  group_record (group, document, form, old_name, VR_VERDICT_DIFFERENT);

  if (new_entity != NULL)
    *new_entity = split;

  return group;
}

VrCommand *
vr_reconcile_set_preferred (VrDocument  *document,
                            VrVariant   *variant,
                            GError     **error)
{
  g_autofree char *label = NULL;
  VrCommand *command;
  VrEntity *entity;
  const char *form;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_variant (document, variant, error))
    return NULL;

  entity = vr_variant_get_entity (variant);
  form = vr_variant_get_form (variant);
  if (form == NULL || *form == '\0')
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE, _("The spelling is empty"));
      return NULL;
    }
  if (g_strcmp0 (vr_entity_get_name (entity), form) == 0)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("“%s” is already the preferred name"), form);
      return NULL;
    }

  command = vr_command_set_string_new (entity, "name", form);
  /* Translators: an undoable edit, shown as "Undo Make “Yung Kong-hum” Preferred" */
  label = g_strdup_printf (_("Make “%s” Preferred"), form);
  vr_command_set_label (command, label);

  return command;
}

VrCommand *
vr_reconcile_mark_different (VrDocument  *document,
                             const char  *a,
                             const char  *b,
                             GError     **error)
{
  g_autoptr(VrCommand) group = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (a != NULL && b != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*a == '\0' || *b == '\0')
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE, _("The spelling is empty"));
      return NULL;
    }
  if (strcmp (a, b) == 0)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("“%s” cannot be different from itself"), a);
      return NULL;
    }

  /* Translators: an undoable edit, shown as "Undo Mark “Kim Il” and “Kim Il Sung” as Different" */
  label = g_strdup_printf (_("Mark “%s” and “%s” as Different"), a, b);
  group = vr_command_group_new (label);
  if (!group_record (group, document, a, b, VR_VERDICT_DIFFERENT))
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("“%s” and “%s” are already marked as different"), a, b);
      return NULL;
    }

  return g_steal_pointer (&group);
}

VrCommand *
vr_reconcile_add_variant (VrDocument    *document,
                          VrEntity      *entity,
                          const char    *form,
                          VrNameSystem   system,
                          guint         *n_found,
                          GError       **error)
{
  g_autoptr(VrVariant) variant = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  VrCommand *group;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_entity (document, entity, error))
    return NULL;

  stripped = g_strstrip (g_strdup (form));
  if (*stripped == '\0' || strchr (stripped, '\n') != NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE, _("Type a spelling on one line"));
      return NULL;
    }
  if (vr_entity_lookup_variant (entity, stripped) != NULL)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("“%s” is already a spelling of “%s”"), stripped, name_or_empty (entity));
      return NULL;
    }

  variant = vr_variant_new (stripped, system);
  vr_variant_set_status (variant, VR_VARIANT_STATUS_CONFIRMED);
  found = vr_mention_finder_find_form (document, entity, stripped, NULL);

  /* Translators: an undoable edit, shown as "Undo Add Spelling “Yung Kong-hum”" */
  label = g_strdup_printf (_("Add Spelling “%s”"), stripped);
  group = vr_command_group_new (label);
  vr_command_group_take (group, vr_command_add_variant_new (entity, variant));
  if (found->len > 0)
    vr_command_group_take (group, vr_command_add_mentions_new (found, NULL));

  if (n_found != NULL)
    *n_found = found->len;

  return group;
}

/* Suggestions */

struct _VrSuggestion
{
  GObject    parent_instance;

  GPtrArray *entities;
  GPtrArray *forms;
  double     confidence;
  guint      tier;
  char      *evidence;
};

G_DEFINE_FINAL_TYPE (VrSuggestion, vr_suggestion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONFIDENCE,
  PROP_TIER,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vr_suggestion_finalize (GObject *object)
{
  VrSuggestion *self = VR_SUGGESTION (object);

  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_free);

  G_OBJECT_CLASS (vr_suggestion_parent_class)->finalize (object);
}

static void
vr_suggestion_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VrSuggestion *self = VR_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;
    case PROP_TIER:
      g_value_set_uint (value, self->tier);
      break;
    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_suggestion_class_init (VrSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vr_suggestion_finalize;
  object_class->get_property = vr_suggestion_get_property;

  properties[PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIER] =
    g_param_spec_uint ("tier", NULL, NULL, 1, 2, 2,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_suggestion_init (VrSuggestion *self)
{
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
  self->forms = g_ptr_array_new_with_free_func (g_free);
  self->tier = 2;
}

GPtrArray *
vr_suggestion_get_entities (VrSuggestion *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTION (self), NULL);
  return self->entities;
}

GPtrArray *
vr_suggestion_get_forms (VrSuggestion *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTION (self), NULL);
  return self->forms;
}

double
vr_suggestion_get_confidence (VrSuggestion *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTION (self), 0.0);
  return self->confidence;
}

guint
vr_suggestion_get_tier (VrSuggestion *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTION (self), 0);
  return self->tier;
}

const char *
vr_suggestion_get_evidence (VrSuggestion *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTION (self), NULL);
  return self->evidence;
}

typedef struct
{
  GPtrArray  *spellings;   /* const char *, owned by the model */
  GHashTable *owners;      /* form → GPtrArray of VrEntity (borrowed) */
  GHashTable *position;    /* VrEntity → index + 1 */
  GHashTable *entity_forms;/* VrEntity → GPtrArray of const char * */
  GHashTable *different;   /* "a\x1fb" in both orders */
  GHashTable *same;        /* likewise */
} Index;

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->spellings, g_ptr_array_unref);
  g_clear_pointer (&index->owners, g_hash_table_unref);
  g_clear_pointer (&index->position, g_hash_table_unref);
  g_clear_pointer (&index->entity_forms, g_hash_table_unref);
  g_clear_pointer (&index->different, g_hash_table_unref);
  g_clear_pointer (&index->same, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Index, index_clear)

static void
index_add_form (Index      *index,
                VrEntity   *entity,
                const char *form)
{
  GPtrArray *owners;
  GPtrArray *forms = g_hash_table_lookup (index->entity_forms, entity);

  if (form == NULL || *form == '\0')
    return;

  owners = g_hash_table_lookup (index->owners, form);
  if (owners == NULL)
    {
      owners = g_ptr_array_new ();
      g_hash_table_insert (index->owners, (gpointer) form, owners);
      g_ptr_array_add (index->spellings, (gpointer) form);
    }
  if (!g_ptr_array_find (owners, entity, NULL))
    g_ptr_array_add (owners, entity);
  if (!g_ptr_array_find_with_equal_func (forms, form, g_str_equal, NULL))
    g_ptr_array_add (forms, (gpointer) form);
}

static gboolean
index_pair_in (GHashTable *pairs,
               const char *a,
               const char *b)
{
  g_autofree char *key = g_strconcat (a, "\x1f", b, NULL);

  return g_hash_table_contains (pairs, key);
}

static void
index_pair_add (GHashTable *pairs,
                const char *a,
                const char *b)
{
  g_hash_table_add (pairs, g_strconcat (a, "\x1f", b, NULL));
  g_hash_table_add (pairs, g_strconcat (b, "\x1f", a, NULL));
}

static gboolean
index_decided_different (Index    *index,
                         VrEntity *a,
                         VrEntity *b)
{
  GPtrArray *fa = g_hash_table_lookup (index->entity_forms, a);
  GPtrArray *fb = g_hash_table_lookup (index->entity_forms, b);

  for (guint i = 0; i < fa->len; i++)
    for (guint j = 0; j < fb->len; j++)
      if (index_pair_in (index->different, g_ptr_array_index (fa, i), g_ptr_array_index (fb, j)))
        return TRUE;

  return FALSE;
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  Index *index = user_data;
  VrEntity *ea = *(VrEntity **) a;
  VrEntity *eb = *(VrEntity **) b;
  guint ca = vr_entity_get_mention_count (ea);
  guint cb = vr_entity_get_mention_count (eb);
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (index->position, ea));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (index->position, eb));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return pa < pb ? -1 : pa > pb;
}

/* Why the first entity's spellings match another's: the closest pair. */
static char *
explain (Index        *index,
         VrSuggestion *suggestion,
         guint        *tier)
{
  VrEntity *first = g_ptr_array_index (suggestion->entities, 0);
  GPtrArray *mine = g_ptr_array_new ();
  GPtrArray *theirs = g_ptr_array_new ();
  g_autoptr(GPtrArray) reasons = NULL;
  gboolean decided = FALSE;
  GString *text;

  for (guint i = 0; i < suggestion->forms->len; i++)
    {
      const char *form = g_ptr_array_index (suggestion->forms, i);
      GPtrArray *owners = g_hash_table_lookup (index->owners, form);

      if (g_ptr_array_find (owners, first, NULL))
        g_ptr_array_add (mine, (gpointer) form);
      if (owners->len > 1 || !g_ptr_array_find (owners, first, NULL))
        g_ptr_array_add (theirs, (gpointer) form);
    }

  for (guint t = VR_NAME_TIER_1; t <= VR_NAME_TIER_2 && reasons == NULL; t++)
    for (guint i = 0; i < mine->len && reasons == NULL; i++)
      for (guint j = 0; j < theirs->len && reasons == NULL; j++)
        {
          const char *a = g_ptr_array_index (mine, i);
          const char *b = g_ptr_array_index (theirs, j);

          if (index_pair_in (index->same, a, b))
            decided = TRUE;
          reasons = vr_name_explain_match (a, b, t);
          if (reasons != NULL)
            *tier = t;
        }

  g_ptr_array_unref (mine);
  g_ptr_array_unref (theirs);

  if (reasons == NULL)
    return g_strdup (decided ? _("marked as the same person")
                             : _("linked through other spellings"));
  if (reasons->len == 0)
    return g_strdup (_("the same spelling"));

  text = g_string_new (NULL);
  for (guint i = 0; i < reasons->len; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, g_dgettext (GETTEXT_PACKAGE, g_ptr_array_index (reasons, i)));
    }
  return g_string_free (text, FALSE);
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  Index *index = user_data;
  VrSuggestion *sa = VR_SUGGESTION ((gpointer) a);
  VrSuggestion *sb = VR_SUGGESTION ((gpointer) b);
  guint pa, pb;

  if (sa->confidence != sb->confidence)
    return sa->confidence > sb->confidence ? -1 : 1;
  pa = GPOINTER_TO_UINT (g_hash_table_lookup (index->position, g_ptr_array_index (sa->entities, 0)));
  pb = GPOINTER_TO_UINT (g_hash_table_lookup (index->position, g_ptr_array_index (sb->entities, 0)));
  return pa < pb ? -1 : pa > pb;
}

/* The suggestions from one group of spellings: one per entity kind that
 * two or more of its owners share, less the entities a person told apart. */
static void
suggest_from_group (Index             *index,
                    const VrNameGroup *group,
                    GListStore        *store)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();

  for (guint i = 0; i < group->members->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (index->owners, g_ptr_array_index (group->members, i));

      for (guint j = 0; list != NULL && j < list->len; j++)
        if (!g_ptr_array_find (owners, g_ptr_array_index (list, j), NULL))
          g_ptr_array_add (owners, g_ptr_array_index (list, j));
    }
  if (owners->len < 2)
    return;

  g_ptr_array_sort_with_data (owners, compare_entities, index);

  for (guint k = VR_ENTITY_KIND_PERSON; k <= VR_ENTITY_KIND_OTHER; k++)
    {
      g_autoptr(VrSuggestion) suggestion = NULL;

      suggestion = g_object_new (VR_TYPE_SUGGESTION, NULL);
      for (guint i = 0; i < owners->len; i++)
        {
          VrEntity *entity = g_ptr_array_index (owners, i);
          gboolean apart = FALSE;

          if (vr_entity_get_kind (entity) != k)
            continue;
          for (guint j = 0; j < suggestion->entities->len && !apart; j++)
            apart = index_decided_different (index, entity,
                                             g_ptr_array_index (suggestion->entities, j));
          if (!apart)
            g_ptr_array_add (suggestion->entities, g_object_ref (entity));
        }
      if (suggestion->entities->len < 2)
        continue;

      for (guint i = 0; i < group->members->len; i++)
        {
          const char *form = g_ptr_array_index (group->members, i);
          GPtrArray *list = g_hash_table_lookup (index->owners, form);

          for (guint j = 0; j < list->len; j++)
            if (g_ptr_array_find (suggestion->entities, g_ptr_array_index (list, j), NULL))
              {
                g_ptr_array_add (suggestion->forms, g_strdup (form));
                break;
              }
        }

      suggestion->confidence = CLAMP (group->confidence, 0.0, 1.0);
      suggestion->tier = group->tier;
      suggestion->evidence = explain (index, suggestion, &suggestion->tier);
      g_list_store_append (store, suggestion);
    }
}

GListModel *
vr_reconcile_suggest (VrDocument *document)
{
  g_auto(Index) index = { 0, };
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GArray) decisions = NULL;
  GListModel *entities;
  GListModel *decision_list;
  GListStore *store;
  guint n_entities, n_decisions;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  store = g_list_store_new (VR_TYPE_SUGGESTION);
  entities = vr_document_get_entities (document);
  decision_list = vr_document_get_decisions (document);
  n_entities = g_list_model_get_n_items (entities);
  n_decisions = g_list_model_get_n_items (decision_list);

  index.spellings = g_ptr_array_new ();
  index.owners = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);
  index.position = g_hash_table_new (NULL, NULL);
  index.entity_forms = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);
  index.different = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index.same = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The model owns every string used below and does not change meanwhile. */
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);
      GListModel *variants = vr_entity_get_variants (entity);
      guint n_variants = g_list_model_get_n_items (variants);

      g_hash_table_insert (index.position, entity, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (index.entity_forms, entity, g_ptr_array_new ());
      index_add_form (&index, entity, vr_entity_get_name (entity));
      for (guint j = 0; j < n_variants; j++)
        {
          g_autoptr(VrVariant) variant = g_list_model_get_item (variants, j);

          if (vr_variant_get_status (variant) != VR_VARIANT_STATUS_REJECTED)
            index_add_form (&index, entity, vr_variant_get_form (variant));
        }
    }

  decisions = g_array_sized_new (FALSE, FALSE, sizeof (VrNameDecision), n_decisions);
  for (guint i = 0; i < n_decisions; i++)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decision_list, i);
      VrNameDecision d;

      d.a = vr_decision_get_a (decision);
      d.b = vr_decision_get_b (decision);
      if (d.a == NULL || d.b == NULL)
        continue;
      d.verdict = vr_decision_get_verdict (decision) == VR_VERDICT_DIFFERENT
                  ? VR_NAME_VERDICT_DIFFERENT : VR_NAME_VERDICT_SAME;
      g_array_append_val (decisions, d);
      index_pair_add (d.verdict == VR_NAME_VERDICT_DIFFERENT ? index.different : index.same,
                      d.a, d.b);
    }

  if (index.spellings->len > 0)
    groups = vr_name_cluster ((const char * const *) index.spellings->pdata,
                              index.spellings->len, VR_NAME_TIER_2,
                              (const VrNameDecision *) (gpointer) decisions->data,
                              decisions->len, NULL);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    suggest_from_group (&index, g_ptr_array_index (groups, i), store);

  g_list_store_sort (store, compare_suggestions, &index);

  return G_LIST_MODEL (store);
}

static gboolean
check_suggestion (VrDocument    *document,
                  VrSuggestion  *suggestion,
                  GError       **error)
{
  if (suggestion->entities->len < 2)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE, _("The suggestion names only one entity"));
      return FALSE;
    }
  for (guint i = 0; i < suggestion->entities->len; i++)
    if (!in_document (document, g_ptr_array_index (suggestion->entities, i)))
      {
        g_set_error (error, VR_ERROR, VR_ERROR_REFERENCE,
                     _("The suggestion is out of date: “%s” is no longer in the document"),
                     name_or_empty (g_ptr_array_index (suggestion->entities, i)));
        return FALSE;
      }
  return TRUE;
}

static char *
suggestion_names (VrSuggestion *suggestion)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < suggestion->entities->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of a suggestion's entities */
        g_string_append (names, _(", "));
      g_string_append (names, name_or_empty (g_ptr_array_index (suggestion->entities, i)));
    }
  return g_string_free (names, FALSE);
}

VrCommand *
vr_reconcile_accept (VrDocument    *document,
                     VrSuggestion  *suggestion,
                     GError       **error)
{
  g_autoptr(GHashTable) into_forms = NULL;
  g_autoptr(GHashTable) filled = NULL;
  g_autofree char *names = NULL;
  g_autofree char *label = NULL;
  VrCommand *group;
  VrEntity *into;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_SUGGESTION (suggestion), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_suggestion (document, suggestion, error))
    return NULL;

  names = suggestion_names (suggestion);
  /* Translators: an undoable edit, shown as "Undo Accept Suggestion “Yun Gong-heum, Yung Kong-hum”" */
  label = g_strdup_printf (_("Accept Suggestion “%s”"), names);
  group = vr_command_group_new (label);

  into = g_ptr_array_index (suggestion->entities, 0);
  into_forms = forms_of (into);
  filled = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < suggestion->entities->len; i++)
    group_merge (group, document, into, g_ptr_array_index (suggestion->entities, i),
                 into_forms, filled);

  return group;
}

VrCommand *
vr_reconcile_reject (VrDocument    *document,
                     VrSuggestion  *suggestion,
                     GError       **error)
{
  g_autoptr(VrCommand) group = NULL;
  g_autofree char *names = NULL;
  g_autofree char *label = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_SUGGESTION (suggestion), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_suggestion (document, suggestion, error))
    return NULL;

  names = suggestion_names (suggestion);
  /* Translators: an undoable edit, shown as "Undo Reject Suggestion “Yun Gong-heum, Yung Kong-hum”" */
  label = g_strdup_printf (_("Reject Suggestion “%s”"), names);
  group = vr_command_group_new (label);

  for (guint i = 0; i < suggestion->entities->len; i++)
    for (guint j = i + 1; j < suggestion->entities->len; j++)
      changed |= group_record (group, document,
                               vr_entity_get_name (g_ptr_array_index (suggestion->entities, i)),
                               vr_entity_get_name (g_ptr_array_index (suggestion->entities, j)),
                               VR_VERDICT_DIFFERENT);

  if (!changed)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_VALUE,
                   _("The entities have the same name; rename one to tell them apart"));
      return NULL;
    }

  return g_steal_pointer (&group);
}
