/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reconcile"

#include "config.h"

#include <glib/gstdio.h>

#include "vr-document.h"
#include "vr-error.h"
#include "vr-history.h"
#include "vr-loader.h"
#include "vr-reconcile.h"
#include "vr-writer.h"

/* p0: "Yun Gong-heum met Kim Il Sung."        yun 0–13, kim 18–29
 * p1: "Yung Kong-hum spoke. Yun was asked."   yung 0–13, yun 21–24 (short)
 * p2: "Later Yun Gong-heum left. Comrade Kim Il-sung agreed." (untagged)
 *
 * Two entities for one man, as an importer might leave them. */
typedef struct
{
  VrDocument  *document;
  VrHistory   *history;
  VrEntity    *yun;
  VrEntity    *yung;
  VrEntity    *kim;
  VrVariant   *yun_rr;
  VrVariant   *yung_tr;
  VrVariant   *kim_mr;
  VrParagraph *p[3];
} Fixture;

static const char * const texts[] = {
  "Yun Gong-heum met Kim Il Sung.",
  "Yung Kong-hum spoke. Yun was asked.",
  "Later Yun Gong-heum left. Comrade Kim Il-sung agreed.",
};

static void
add_mention (VrDocument  *document,
             VrEntity    *entity,
             VrParagraph *paragraph,
             guint        start,
             guint        end,
             gboolean     is_short)
{
  g_autoptr(VrMention) mention = vr_mention_new (entity, paragraph, "en", start, end);

  vr_mention_set_short (mention, is_short);
  vr_document_add_mention (document, mention);
}

static VrEntity *
add_entity (VrDocument    *document,
            const char    *id,
            const char    *name,
            VrNameSystem   system,
            VrVariant    **variant)
{
  g_autoptr(VrEntity) entity = vr_entity_new (id, VR_ENTITY_KIND_PERSON, name);
  g_autoptr(VrVariant) v = vr_variant_new (name, system);

  vr_entity_add_variant (entity, v);
  vr_document_add_entity (document, entity);
  *variant = v;
  return entity;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VrVersion) en = vr_version_new ("en");

  f->document = vr_document_new ();
  vr_document_add_version (f->document, en);

  for (guint i = 0; i < G_N_ELEMENTS (f->p); i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      f->p[i] = vr_paragraph_new (id);
      vr_paragraph_set_text (f->p[i], "en", texts[i]);
      vr_document_add_paragraph (f->document, f->p[i]);
      g_object_unref (f->p[i]);
    }

  f->yun = add_entity (f->document, "yun-gong-heum", "Yun Gong-heum", VR_NAME_SYSTEM_RR, &f->yun_rr);
  vr_entity_set_description (f->yun, "Minister of Trade");
  f->kim = add_entity (f->document, "kim-il-sung", "Kim Il Sung", VR_NAME_SYSTEM_MR, &f->kim_mr);
  f->yung = add_entity (f->document, "yung-kong-hum", "Yung Kong-hum", VR_NAME_SYSTEM_TRANSLATOR, &f->yung_tr);
  vr_entity_set_hangul (f->yung, "윤공흠");

  add_mention (f->document, f->yun, f->p[0], 0, 13, FALSE);
  add_mention (f->document, f->kim, f->p[0], 18, 29, FALSE);
  add_mention (f->document, f->yung, f->p[1], 0, 13, FALSE);
  add_mention (f->document, f->yun, f->p[1], 21, 24, TRUE);

  vr_document_set_modified (f->document, FALSE);
  f->history = vr_history_new (f->document);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->document);
}

static char *
snapshot (VrDocument *document)
{
  g_autoptr(GBytes) bytes = vr_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint
n_items (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Pushes @command (taking it), checks that undo restores the state before
 * exactly and redo the state after, and leaves the command applied. */
static void
push_undo_redo (VrHistory *history,
                VrCommand *command)
{
  VrDocument *document = vr_history_get_document (history);
  g_autofree char *before = snapshot (document);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_nonnull (command);
  vr_history_push (history, command);
  g_object_unref (command);
  after = snapshot (document);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (vr_document_get_modified (document));

  g_assert_true (vr_history_undo (history));
  undone = snapshot (document);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (vr_history_redo (history));
  redone = snapshot (document);
  g_assert_cmpstr (redone, ==, after);
}

/* Whether the document holds a decision between @a and @b (either order)
 * with @verdict, and how many decisions there are between them at all. */
static guint
count_decisions (VrDocument *document,
                 const char *a,
                 const char *b,
                 VrVerdict   verdict,
                 guint      *n_any)
{
  GListModel *decisions = vr_document_get_decisions (document);
  guint found = 0;

  if (n_any != NULL)
    *n_any = 0;
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(VrDecision) d = g_list_model_get_item (decisions, i);

      if (!((g_strcmp0 (vr_decision_get_a (d), a) == 0 && g_strcmp0 (vr_decision_get_b (d), b) == 0) ||
            (g_strcmp0 (vr_decision_get_a (d), b) == 0 && g_strcmp0 (vr_decision_get_b (d), a) == 0)))
        continue;
      if (n_any != NULL)
        (*n_any)++;
      if (vr_decision_get_verdict (d) == verdict)
        found++;
    }
  return found;
}

static VrEntity *
mention_entity (VrDocument  *document,
                VrParagraph *paragraph,
                guint        offset)
{
  VrMention *mention = vr_document_find_mention_at (document, paragraph, "en", offset);

  g_assert_nonnull (mention);
  return vr_mention_get_entity (mention);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VrCommand *command;

  command = vr_reconcile_merge_entities (f->document, f->yun, f->yung, &error);
  g_assert_no_error (error);
  push_undo_redo (f->history, command);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==,
                   "Merge “Yung Kong-hum” into “Yun Gong-heum”");

  g_assert_cmpuint (n_items (vr_document_get_entities (f->document)), ==, 2);
  g_assert_null (vr_document_lookup_entity (f->document, "yung-kong-hum"));
  g_assert_cmpuint (n_items (vr_entity_get_variants (f->yun)), ==, 2);
  g_assert_true (vr_entity_lookup_variant (f->yun, "Yung Kong-hum") == f->yung_tr);
  g_assert_true (vr_variant_get_entity (f->yung_tr) == f->yun);
  g_assert_cmpuint (vr_variant_get_count (f->yung_tr), ==, 1);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 3);
  g_assert_true (mention_entity (f->document, f->p[1], 0) == f->yun);
  /* What only the merged entity knew is kept; what both knew is not replaced. */
  g_assert_cmpstr (vr_entity_get_hangul (f->yun), ==, "윤공흠");
  g_assert_cmpstr (vr_entity_get_description (f->yun), ==, "Minister of Trade");
  g_assert_cmpuint (count_decisions (f->document, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_SAME, NULL), ==, 1);

  g_assert_true (vr_history_undo (f->history));
  g_assert_true (vr_document_lookup_entity (f->document, "yung-kong-hum") == f->yung);
  g_assert_true (vr_variant_get_entity (f->yung_tr) == f->yung);
  g_assert_true (mention_entity (f->document, f->p[1], 0) == f->yung);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 2);
  g_assert_null (vr_entity_get_hangul (f->yun));
  g_assert_cmpuint (n_items (vr_document_get_decisions (f->document)), ==, 0);
  g_assert_false (vr_document_get_modified (f->document));
}

static void
test_merge_shared_form (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VrVariant) copy = vr_variant_new ("Yun Gong-heum", VR_NAME_SYSTEM_OTHER);
  g_autoptr(GError) error = NULL;

  /* A form both have is not listed twice. */
  vr_entity_add_variant (f->yung, copy);
  push_undo_redo (f->history, vr_reconcile_merge_entities (f->document, f->yun, f->yung, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (vr_entity_get_variants (f->yun)), ==, 2);
  g_assert_true (vr_entity_lookup_variant (f->yun, "Yun Gong-heum") == f->yun_rr);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  push_undo_redo (f->history, vr_reconcile_move_variant (f->document, f->yung_tr, f->yun, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==,
                   "Move “Yung Kong-hum” to “Yun Gong-heum”");
  g_assert_true (vr_variant_get_entity (f->yung_tr) == f->yun);
  g_assert_cmpuint (n_items (vr_entity_get_variants (f->yung)), ==, 0);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yung), ==, 0);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 3);
  g_assert_cmpuint (vr_variant_get_count (f->yung_tr), ==, 1);
  g_assert_true (mention_entity (f->document, f->p[1], 0) == f->yun);
  /* The entity stays (it may hold more), and the verdict is recorded. */
  g_assert_true (vr_document_lookup_entity (f->document, "yung-kong-hum") == f->yung);
  g_assert_cmpuint (count_decisions (f->document, "Yung Kong-hum", "Yun Gong-heum",
                                     VR_VERDICT_SAME, NULL), ==, 1);

  g_assert_true (vr_history_undo (f->history));
  g_assert_true (vr_variant_get_entity (f->yung_tr) == f->yung);
  g_assert_true (mention_entity (f->document, f->p[1], 0) == f->yung);
  g_assert_cmpuint (vr_variant_get_count (f->yung_tr), ==, 1);
}

static void
test_split (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VrEntity *split = NULL;
  VrCommand *command;

  /* Merge first, then take the spelling back out. */
  command = vr_reconcile_merge_entities (f->document, f->yun, f->yung, &error);
  g_assert_no_error (error);
  vr_history_push (f->history, command);
  g_object_unref (command);

  command = vr_reconcile_split_variant (f->document, f->yung_tr, &split, &error);
  g_assert_no_error (error);
  g_assert_nonnull (split);
  push_undo_redo (f->history, command);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==,
                   "Split “Yung Kong-hum” into a New Entity");

  g_assert_true (vr_document_lookup_entity (f->document, "yung-kong-hum") == split);
  g_assert_cmpstr (vr_entity_get_name (split), ==, "Yung Kong-hum");
  g_assert_cmpint (vr_entity_get_kind (split), ==, VR_ENTITY_KIND_PERSON);
  g_assert_true (vr_variant_get_entity (f->yung_tr) == split);
  g_assert_cmpuint (vr_entity_get_mention_count (split), ==, 1);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 2);
  g_assert_true (mention_entity (f->document, f->p[1], 0) == split);
  /* The short "Yun" stays with the entity it was tagged for. */
  g_assert_true (mention_entity (f->document, f->p[1], 22) == f->yun);
  /* "different" replaces the "same" the merge recorded. */
  g_assert_cmpuint (count_decisions (f->document, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_DIFFERENT, NULL), ==, 1);
  g_assert_cmpuint (count_decisions (f->document, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_SAME, NULL), ==, 0);

  g_assert_true (vr_history_undo (f->history));
  g_assert_null (vr_document_lookup_entity (f->document, "yung-kong-hum"));
  g_assert_true (vr_variant_get_entity (f->yung_tr) == f->yun);
  g_assert_cmpuint (count_decisions (f->document, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_SAME, NULL), ==, 1);
}

static void
test_split_preferred (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VrVariant) other = vr_variant_new ("Yun Kong-hum", VR_NAME_SYSTEM_MR);
  g_autoptr(GError) error = NULL;

  /* Splitting out the preferred name leaves the entity its next spelling. */
  vr_entity_add_variant (f->yun, other);
  push_undo_redo (f->history, vr_reconcile_split_variant (f->document, f->yun_rr, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vr_entity_get_name (f->yun), ==, "Yun Kong-hum");
  g_assert_cmpuint (count_decisions (f->document, "Yun Gong-heum", "Yun Kong-hum",
                                     VR_VERDICT_DIFFERENT, NULL), ==, 1);
  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpstr (vr_entity_get_name (f->yun), ==, "Yun Gong-heum");
}

static void
test_set_preferred (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VrCommand *command;

  command = vr_reconcile_merge_entities (f->document, f->yun, f->yung, &error);
  vr_history_push (f->history, command);
  g_object_unref (command);

  push_undo_redo (f->history, vr_reconcile_set_preferred (f->document, f->yung_tr, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Make “Yung Kong-hum” Preferred");
  g_assert_cmpstr (vr_entity_get_name (f->yun), ==, "Yung Kong-hum");
  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpstr (vr_entity_get_name (f->yun), ==, "Yun Gong-heum");
}

static void
test_mark_different (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VrDecision) same = vr_decision_new ("Yung Kong-hum", "Yun Gong-heum", VR_VERDICT_SAME);
  g_autoptr(GError) error = NULL;
  guint n_any;

  vr_document_add_decision (f->document, same);
  push_undo_redo (f->history,
                  vr_reconcile_mark_different (f->document, "Yun Gong-heum", "Yung Kong-hum", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==,
                   "Mark “Yun Gong-heum” and “Yung Kong-hum” as Different");
  g_assert_cmpuint (count_decisions (f->document, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_DIFFERENT, &n_any), ==, 1);
  g_assert_cmpuint (n_any, ==, 1);

  /* Saying it twice is no edit. */
  g_assert_null (vr_reconcile_mark_different (f->document, "Yung Kong-hum", "Yun Gong-heum", &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_VALUE);
}

static void
test_add_variant (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_found = 99;

  push_undo_redo (f->history,
                  vr_reconcile_add_variant (f->document, f->kim, "  Kim Il-sung ",
                                            VR_NAME_SYSTEM_RR, &n_found, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Add Spelling “Kim Il-sung”");
  g_assert_cmpuint (n_found, ==, 1);
  g_assert_nonnull (vr_entity_lookup_variant (f->kim, "Kim Il-sung"));
  g_assert_cmpint (vr_variant_get_status (vr_entity_lookup_variant (f->kim, "Kim Il-sung")), ==,
                   VR_VARIANT_STATUS_CONFIRMED);
  g_assert_cmpuint (vr_variant_get_count (vr_entity_lookup_variant (f->kim, "Kim Il-sung")), ==, 1);
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 2);
  g_assert_true (mention_entity (f->document, f->p[2], 35) == f->kim);
  /* Only the new spelling is tagged, not the other names in the text. */
  g_assert_null (vr_document_find_mention_at (f->document, f->p[2], "en", 7));

  g_assert_true (vr_history_undo (f->history));
  g_assert_null (vr_entity_lookup_variant (f->kim, "Kim Il-sung"));
  g_assert_null (vr_document_find_mention_at (f->document, f->p[2], "en", 35));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VrVariant) stray = vr_variant_new ("Pak", VR_NAME_SYSTEM_RR);
  g_autoptr(VrEntity) outside = vr_entity_new ("outside", VR_ENTITY_KIND_PERSON, "Outside");
  g_autofree char *before = snapshot (f->document);
  g_autofree char *after = NULL;
  struct {
    VrCommand *command;
    int        code;
  } cases[11];
  guint n = 0;
  GError *error = NULL;

#define REFUSE(call, c) G_STMT_START { cases[n].command = (call); cases[n].code = (c); \
    g_assert_null (cases[n].command); g_assert_error (error, VR_ERROR, cases[n].code); \
    g_clear_error (&error); n++; } G_STMT_END

  REFUSE (vr_reconcile_merge_entities (f->document, f->yun, f->yun, &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_merge_entities (f->document, f->yun, outside, &error), VR_ERROR_REFERENCE);
  REFUSE (vr_reconcile_move_variant (f->document, f->yun_rr, f->yun, &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_move_variant (f->document, stray, f->yun, &error), VR_ERROR_REFERENCE);
  REFUSE (vr_reconcile_split_variant (f->document, f->yung_tr, NULL, &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_set_preferred (f->document, f->yun_rr, &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_mark_different (f->document, "Yun", "Yun", &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_mark_different (f->document, "", "Yun", &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_add_variant (f->document, f->yun, "Yun Gong-heum", VR_NAME_SYSTEM_RR,
                                    NULL, &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_add_variant (f->document, f->yun, "   ", VR_NAME_SYSTEM_RR,
                                    NULL, &error), VR_ERROR_VALUE);
  REFUSE (vr_reconcile_add_variant (f->document, outside, "Out", VR_NAME_SYSTEM_RR,
                                    NULL, &error), VR_ERROR_REFERENCE);
#undef REFUSE

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (cases));
  after = snapshot (f->document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (vr_document_get_modified (f->document));
  g_assert_false (vr_history_get_can_undo (f->history));
}

static VrSuggestion *
only_suggestion (VrDocument *document)
{
  g_autoptr(GListModel) suggestions = vr_reconcile_suggest (document);

  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 1);
  return g_list_model_get_item (suggestions, 0);
}

static guint
n_suggestions (VrDocument *document)
{
  g_autoptr(GListModel) suggestions = vr_reconcile_suggest (document);

  return g_list_model_get_n_items (suggestions);
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VrSuggestion) suggestion = only_suggestion (f->document);
  g_autoptr(GError) error = NULL;
  GPtrArray *entities = vr_suggestion_get_entities (suggestion);
  GPtrArray *forms = vr_suggestion_get_forms (suggestion);

  /* The entity with more mentions comes first: it is the one kept. */
  g_assert_cmpuint (entities->len, ==, 2);
  g_assert_true (g_ptr_array_index (entities, 0) == f->yun);
  g_assert_true (g_ptr_array_index (entities, 1) == f->yung);
  g_assert_cmpuint (forms->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (forms, 0), ==, "Yun Gong-heum");
  g_assert_cmpstr (g_ptr_array_index (forms, 1), ==, "Yung Kong-hum");
  g_assert_cmpuint (vr_suggestion_get_tier (suggestion), ==, 2);
  g_assert_cmpfloat (vr_suggestion_get_confidence (suggestion), >, 0.5);
  g_assert_cmpfloat (vr_suggestion_get_confidence (suggestion), <=, 1.0);
  g_test_message ("evidence: %s", vr_suggestion_get_evidence (suggestion));
  g_assert_nonnull (strstr (vr_suggestion_get_evidence (suggestion), "k/g"));

  /* Accepting merges. */
  push_undo_redo (f->history, vr_reconcile_accept (f->document, suggestion, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==,
                   "Accept Suggestion “Yun Gong-heum, Yung Kong-hum”");
  g_assert_null (vr_document_lookup_entity (f->document, "yung-kong-hum"));
  g_assert_true (vr_variant_get_entity (f->yung_tr) == f->yun);
  g_assert_true (mention_entity (f->document, f->p[1], 0) == f->yun);
  g_assert_cmpuint (n_suggestions (f->document), ==, 0);

  /* A suggestion whose entities are gone is out of date. */
  g_assert_null (vr_reconcile_accept (f->document, suggestion, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_REFERENCE);

  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n_suggestions (f->document), ==, 1);
}

static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VrSuggestion) suggestion = only_suggestion (f->document);
  g_autoptr(GError) error = NULL;

  push_undo_redo (f->history, vr_reconcile_reject (f->document, suggestion, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==,
                   "Reject Suggestion “Yun Gong-heum, Yung Kong-hum”");
  g_assert_cmpuint (count_decisions (f->document, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_DIFFERENT, NULL), ==, 1);
  g_assert_cmpuint (n_items (vr_document_get_entities (f->document)), ==, 3);
  g_assert_cmpuint (n_suggestions (f->document), ==, 0);

  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n_suggestions (f->document), ==, 1);
}

static void
test_suggest_different (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VrVariant) other = vr_variant_new ("Yun Kong-hum", VR_NAME_SYSTEM_MR);
  g_autoptr(VrEntity) place = vr_entity_new ("yun-place", VR_ENTITY_KIND_PLACE, "Yun Gong-heum");

  /* An entity of another kind spelled alike is no candidate. */
  vr_document_add_entity (f->document, place);
  g_assert_cmpuint (n_suggestions (f->document), ==, 1);

  /* A "different" between any two of their spellings keeps them apart,
   * even when another spelling links them. */
  vr_entity_add_variant (f->yung, other);
  push_undo_redo (f->history,
                  vr_reconcile_mark_different (f->document, "Yun Gong-heum", "Yun Kong-hum", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_suggestions (f->document), ==, 0);
  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n_suggestions (f->document), ==, 1);
}

static VrDocument *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VARIORUM_SAMPLE"));
  g_autoptr(GError) error = NULL;
  VrDocument *document = vr_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The sample telegram with "Yung Kong-hum" made its own entity, and no
 * decision about it: what an import without reconciliation gives. */
static VrDocument *
load_sample_two_yuns (VrEntity **yun,
                      VrEntity **yung)
{
  VrDocument *document = load_sample ();
  g_autoptr(VrEntity) entity = vr_entity_new ("yung-kong-hum", VR_ENTITY_KIND_PERSON, "Yung Kong-hum");
  g_autoptr(GPtrArray) mentions = NULL;
  VrVariant *variant;
  GListModel *decisions = vr_document_get_decisions (document);

  *yun = vr_document_lookup_entity (document, "yun-gong-heum");
  variant = vr_entity_lookup_variant (*yun, "Yung Kong-hum");
  g_assert_nonnull (variant);
  mentions = vr_document_get_variant_mentions (document, variant);
  g_assert_cmpuint (mentions->len, >, 0);

  g_object_ref (variant);
  vr_entity_remove_variant (*yun, variant);
  vr_entity_add_variant (entity, variant);
  g_object_unref (variant);
  vr_document_add_entity (document, entity);
  for (guint i = 0; i < mentions->len; i++)
    vr_document_retarget_mention (document, g_ptr_array_index (mentions, i), entity);
  while (g_list_model_get_n_items (decisions) > 0)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decisions, 0);

      vr_document_remove_decision (document, decision);
    }
  *yung = entity;
  return document;
}

static void
test_sample_suggest (void)
{
  g_autoptr(VrDocument) plain = load_sample ();
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(VrHistory) history = NULL;
  g_autoptr(VrSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  VrEntity *yun, *yung;
  guint n_yun, n_yung, n_entities;

  /* The sample as reconciled proposes nothing. */
  g_assert_cmpuint (n_suggestions (plain), ==, 0);

  document = load_sample_two_yuns (&yun, &yung);
  history = vr_history_new (document);
  n_yun = vr_entity_get_mention_count (yun);
  n_yung = vr_entity_get_mention_count (yung);
  n_entities = n_items (vr_document_get_entities (document));

  suggestion = only_suggestion (document);
  g_assert_true (g_ptr_array_index (vr_suggestion_get_entities (suggestion), 0) == yun);
  g_assert_true (g_ptr_array_index (vr_suggestion_get_entities (suggestion), 1) == yung);
  g_assert_nonnull (strstr (vr_suggestion_get_evidence (suggestion), "k/g"));

  push_undo_redo (history, vr_reconcile_accept (document, suggestion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (vr_document_get_entities (document)), ==, n_entities - 1);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, n_yun + n_yung);
  g_assert_cmpuint (n_suggestions (document), ==, 0);
}

/* Every edit survives saving and loading again. */
static void
test_sample_round_trip (void)
{
  g_autoptr(VrDocument) document = load_sample ();
  g_autoptr(VrDocument) reloaded = NULL;
  g_autoptr(VrHistory) history = vr_history_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-reconcile-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GFile) file = NULL;
  VrEntity *yun = vr_document_lookup_entity (document, "yun-gong-heum");
  VrEntity *split = NULL;
  VrEntity *reloaded_split;
  guint n_split;

  g_assert_no_error (error);
  push_undo_redo (history,
                  vr_reconcile_split_variant (document, vr_entity_lookup_variant (yun, "Yung Kong-hum"),
                                              &split, &error));
  g_assert_no_error (error);
  n_split = vr_entity_get_mention_count (split);
  g_assert_cmpuint (n_split, >, 0);
  push_undo_redo (history,
                  vr_reconcile_add_variant (document, yun, "Yun Kong-hum", VR_NAME_SYSTEM_MR,
                                            NULL, &error));
  g_assert_no_error (error);

  path = g_build_filename (dir, "telegram.json", NULL);
  backup = g_strconcat (path, "~", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (vr_document_save_file (document, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);

  reloaded_split = vr_document_lookup_entity (reloaded, vr_entity_get_id (split));
  g_assert_nonnull (reloaded_split);
  g_assert_cmpstr (vr_entity_get_name (reloaded_split), ==, "Yung Kong-hum");
  g_assert_cmpuint (vr_entity_get_mention_count (reloaded_split), ==, n_split);
  g_assert_nonnull (vr_entity_lookup_variant (vr_document_lookup_entity (reloaded, "yun-gong-heum"),
                                              "Yun Kong-hum"));
  g_assert_cmpuint (count_decisions (reloaded, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_DIFFERENT, NULL), ==, 1);
  g_assert_cmpuint (count_decisions (reloaded, "Yun Gong-heum", "Yung Kong-hum",
                                     VR_VERDICT_SAME, NULL), ==, 0);
  {
    g_autofree char *a = snapshot (document);
    g_autofree char *b = snapshot (reloaded);

    g_assert_cmpstr (a, ==, b);
  }

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reconcile/merge", test_merge);
  ADD ("/reconcile/merge-shared-form", test_merge_shared_form);
  ADD ("/reconcile/move", test_move);
  ADD ("/reconcile/split", test_split);
  ADD ("/reconcile/split-preferred", test_split_preferred);
  ADD ("/reconcile/set-preferred", test_set_preferred);
  ADD ("/reconcile/mark-different", test_mark_different);
  ADD ("/reconcile/add-variant", test_add_variant);
  ADD ("/reconcile/refused", test_refused);
  ADD ("/reconcile/suggest", test_suggest);
  ADD ("/reconcile/reject", test_reject);
  ADD ("/reconcile/suggest-different", test_suggest_different);
#undef ADD
  g_test_add_func ("/reconcile/sample-suggest", test_sample_suggest);
  g_test_add_func ("/reconcile/sample-round-trip", test_sample_round_trip);

  return g_test_run ();
}
