/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-spelling-reason"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-name-key.h"
#include "vr-spelling-reason.h"

static gboolean
has_same_decision (VrDocument *document,
                   const char *a,
                   const char *b)
{
  GListModel *decisions = vr_document_get_decisions (document);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decisions, i);
      const char *da = vr_decision_get_a (decision);
      const char *db = vr_decision_get_b (decision);

      if (vr_decision_get_verdict (decision) == VR_VERDICT_SAME &&
          ((g_strcmp0 (da, a) == 0 && g_strcmp0 (db, b) == 0) ||
           (g_strcmp0 (da, b) == 0 && g_strcmp0 (db, a) == 0)))
        return TRUE;
    }

  return FALSE;
}

char *
vr_spelling_dup_reason (VrDocument *document,
                        VrVariant  *variant,
                        gboolean   *by_rule)
{
  VrEntity *entity;
  const char *form, *name;

  g_return_val_if_fail (document == NULL || VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  if (by_rule != NULL)
    *by_rule = FALSE;

  entity = vr_variant_get_entity (variant);
  if (entity == NULL)
    return NULL;

  form = vr_variant_get_form (variant);
  name = vr_entity_get_name (entity);
  if (form == NULL || name == NULL || g_str_equal (form, name))
    return NULL;

  /* The strict tier names fewer differences when it matches. */
  for (VrNameTier tier = VR_NAME_TIER_1; tier <= VR_NAME_TIER_2; tier++)
    {
      g_autoptr(GPtrArray) reasons = vr_name_explain_match (name, form, tier);

      if (reasons != NULL && reasons->len > 0)
        {
          g_ptr_array_add (reasons, NULL);
          if (by_rule != NULL)
            *by_rule = TRUE;
          return g_strjoinv ("; ", (char **) reasons->pdata);
        }
    }

  if (document != NULL && has_same_decision (document, form, name))
    /* Translators: why a spelling belongs to its entity: a person said so */
    return g_strdup (_("Recorded decision"));

  return NULL;
}
