/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include <glib/gstdio.h>

#include "vr-document.h"
#include "vr-error.h"
#include "vr-history.h"
#include "vr-writer.h"

/* p0: "Yun Gong-heum met Kim Il Sung."      Yun 0–13, Kim 18–29
 * p1: "Yung Kong-hum spoke. Yun was asked." Yun 0–13, Yun 21–24 (short)
 * p2: "Later Yun Gong-heum left."           (untagged) */
typedef struct
{
  VrDocument  *document;
  VrHistory   *history;
  VrEntity    *yun;
  VrEntity    *kim;
  VrVariant   *yun_rr;
  VrVariant   *yun_tr;
  VrParagraph *p[3];
} Fixture;

static const char * const texts[] = {
  "Yun Gong-heum met Kim Il Sung.",
  "Yung Kong-hum spoke. Yun was asked.",
  "Later Yun Gong-heum left.",
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VrVersion) en = vr_version_new ("en");
  g_autoptr(VrVariant) kim_var = NULL;

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

  f->yun = vr_entity_new ("yun-gong-heum", VR_ENTITY_KIND_PERSON, "Yun Gong-heum");
  f->yun_rr = vr_variant_new ("Yun Gong-heum", VR_NAME_SYSTEM_RR);
  f->yun_tr = vr_variant_new ("Yung Kong-hum", VR_NAME_SYSTEM_TRANSLATOR);
  vr_entity_add_variant (f->yun, f->yun_rr);
  vr_entity_add_variant (f->yun, f->yun_tr);
  g_object_unref (f->yun_rr);
  g_object_unref (f->yun_tr);
  vr_document_add_entity (f->document, f->yun);
  g_object_unref (f->yun);

  f->kim = vr_entity_new ("kim-il-sung", VR_ENTITY_KIND_PERSON, "Kim Il Sung");
  kim_var = vr_variant_new ("Kim Il Sung", VR_NAME_SYSTEM_MR);
  vr_entity_add_variant (f->kim, kim_var);
  vr_document_add_entity (f->document, f->kim);
  g_object_unref (f->kim);

  add_mention (f->document, f->yun, f->p[0], 0, 13, FALSE);
  add_mention (f->document, f->kim, f->p[0], 18, 29, FALSE);
  add_mention (f->document, f->yun, f->p[1], 0, 13, FALSE);
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

/* The whole document as the writer sees it: the strictest comparison of
 * two states. */
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
push_undo_redo (Fixture   *f,
                VrCommand *command)
{
  g_autofree char *before = snapshot (f->document);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  vr_history_push (f->history, command);
  g_object_unref (command);
  after = snapshot (f->document);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (vr_document_get_modified (f->document));

  g_assert_true (vr_history_undo (f->history));
  undone = snapshot (f->document);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (vr_history_redo (f->history));
  redone = snapshot (f->document);
  g_assert_cmpstr (redone, ==, after);
}

static void
push (Fixture   *f,
      VrCommand *command)
{
  vr_history_push (f->history, command);
  g_object_unref (command);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_add_mention (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VrMention) mention = vr_mention_new (f->yun, f->p[2], "en", 6, 19);
  guint changed = 0;

  g_signal_connect_swapped (f->document, "mentions-changed", G_CALLBACK (count_cb), &changed);

  push_undo_redo (f, vr_command_add_mention_new (mention));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Tag “Yun Gong-heum”");
  g_assert_cmpuint (n_items (vr_document_get_mentions (f->document)), ==, 5);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 4);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);
  g_assert_true (vr_document_find_mention_at (f->document, f->p[2], "en", 7) == mention);

  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 3);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 1);
  g_assert_null (vr_document_find_mention_at (f->document, f->p[2], "en", 7));
  g_assert_false (vr_document_get_modified (f->document));
}

static void
test_add_mentions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VrEntity) choe = vr_entity_new ("choe", VR_ENTITY_KIND_PERSON, "Choe");
  VrCommand *group;

  g_ptr_array_add (mentions, vr_mention_new (f->yun, f->p[2], "en", 6, 19));
  g_ptr_array_add (mentions, vr_mention_new (f->kim, f->p[1], "en", 21, 24));

  push_undo_redo (f, vr_command_add_mentions_new (mentions, "Find Mentions"));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Find Mentions");
  g_assert_cmpuint (n_items (vr_document_get_mentions (f->document)), ==, 6);
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 2);

  /* A new entity and its mentions in one step. */
  g_ptr_array_set_size (mentions, 0);
  g_ptr_array_add (mentions, vr_mention_new (choe, f->p[2], "en", 0, 5));
  group = vr_command_group_new (NULL);
  vr_command_group_take (group, vr_command_add_entity_new (choe));
  vr_command_group_take (group, vr_command_add_mentions_new (mentions, NULL));
  g_assert_cmpuint (vr_command_group_get_n_commands (group), ==, 2);
  push_undo_redo (f, group);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Add Entity “Choe”");
  g_assert_cmpuint (vr_entity_get_mention_count (choe), ==, 1);
  g_assert_true (vr_document_lookup_entity (f->document, "choe") == choe);

  g_assert_true (vr_history_undo (f->history));
  g_assert_null (vr_document_lookup_entity (f->document, "choe"));
  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n_items (vr_document_get_mentions (f->document)), ==, 4);
  g_assert_false (vr_document_get_modified (f->document));
  g_assert_false (vr_history_get_can_undo (f->history));
}

static VrMention *
mention_at (Fixture *f,
            guint    paragraph,
            guint    offset)
{
  return vr_document_find_mention_at (f->document, f->p[paragraph], "en", offset);
}

static void
test_remove_mention (Fixture       *f,
                     gconstpointer  data)
{
  VrMention *mention = mention_at (f, 1, 0);

  push_undo_redo (f, vr_command_remove_mention_new (mention));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Remove Mention");
  g_assert_null (mention_at (f, 1, 0));
  g_assert_cmpuint (vr_variant_get_count (f->yun_tr), ==, 0);
  g_assert_true (vr_history_undo (f->history));
  g_assert_nonnull (mention_at (f, 1, 0));
  g_assert_cmpuint (vr_variant_get_count (f->yun_tr), ==, 1);
}

static void
test_retarget_mention (Fixture       *f,
                       gconstpointer  data)
{
  VrMention *mention = mention_at (f, 1, 21);

  push_undo_redo (f, vr_command_retarget_mention_new (mention, f->kim));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Change Entity");
  g_assert_true (vr_mention_get_entity (mention) == f->kim);
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 2);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 2);
  g_assert_true (vr_history_undo (f->history));
  g_assert_true (vr_mention_get_entity (mention) == f->yun);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 3);
}

static void
test_delete_entity (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = snapshot (f->document);
  g_autofree char *after = NULL;

  push_undo_redo (f, vr_command_delete_entity_new (f->yun));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Delete Entity “Yun Gong-heum”");
  g_assert_null (vr_document_lookup_entity (f->document, "yun-gong-heum"));
  g_assert_cmpuint (n_items (vr_document_get_entities (f->document)), ==, 1);
  g_assert_cmpuint (n_items (vr_document_get_mentions (f->document)), ==, 1);

  g_assert_true (vr_history_undo (f->history));
  /* Back in its place, with its variants, mentions and counts. */
  g_assert_true (g_list_model_get_item (vr_document_get_entities (f->document), 0) == (gpointer) f->yun);
  g_object_unref (f->yun);
  g_assert_cmpuint (n_items (vr_entity_get_variants (f->yun)), ==, 2);
  g_assert_cmpuint (vr_entity_get_mention_count (f->yun), ==, 3);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 1);
  g_assert_cmpuint (vr_variant_get_count (f->yun_tr), ==, 1);
  g_assert_nonnull (mention_at (f, 1, 22));
  after = snapshot (f->document);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (vr_document_get_modified (f->document));
}

static void
test_entity_properties (Fixture       *f,
                        gconstpointer  data)
{
  static const struct {
    const char *property;
    const char *value;
    const char *label;
  } edits[] = {
    { "name", "Yun Kong-hum", "Rename Entity" },
    { "description", "Minister of Trade", "Edit Description" },
    { "hangul", "윤공흠", "Edit Hangul" },
    { "hanja", "尹公欽", "Edit Hanja" },
    { "cyrillic", "Юн Гон Хым", "Edit Cyrillic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *value = NULL;

      push_undo_redo (f, vr_command_set_string_new (f->yun, edits[i].property, edits[i].value));
      g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, edits[i].label);
      g_object_get (f->yun, edits[i].property, &value, NULL);
      g_assert_cmpstr (value, ==, edits[i].value);
    }

  push_undo_redo (f, vr_command_set_int_new (f->yun, "kind", VR_ENTITY_KIND_ORGANIZATION));
  g_assert_cmpint (vr_entity_get_kind (f->yun), ==, VR_ENTITY_KIND_ORGANIZATION);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Change Kind");

  /* Undo everything, step by step, back to the saved state. */
  while (vr_history_undo (f->history))
    ;
  g_assert_cmpstr (vr_entity_get_name (f->yun), ==, "Yun Gong-heum");
  g_assert_null (vr_entity_get_hangul (f->yun));
  g_assert_cmpint (vr_entity_get_kind (f->yun), ==, VR_ENTITY_KIND_PERSON);
  g_assert_false (vr_document_get_modified (f->document));
}

static void
test_variants (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VrVariant) yun = vr_variant_new ("Yun", VR_NAME_SYSTEM_OTHER);

  push_undo_redo (f, vr_command_add_variant_new (f->yun, yun));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Add Spelling “Yun”");
  g_assert_cmpuint (n_items (vr_entity_get_variants (f->yun)), ==, 3);

  /* Removing the first one brings it back first. */
  push_undo_redo (f, vr_command_remove_variant_new (f->yun, f->yun_rr));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Remove Spelling “Yun Gong-heum”");
  g_assert_null (vr_entity_lookup_variant (f->yun, "Yun Gong-heum"));
  g_assert_true (vr_history_undo (f->history));
  g_assert_true (g_list_model_get_item (vr_entity_get_variants (f->yun), 0) == (gpointer) f->yun_rr);
  g_object_unref (f->yun_rr);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 1);

  push_undo_redo (f, vr_command_set_int_new (f->yun_tr, "status", VR_VARIANT_STATUS_REJECTED));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Change Status");
  g_assert_cmpint (vr_variant_get_status (f->yun_tr), ==, VR_VARIANT_STATUS_REJECTED);
  push_undo_redo (f, vr_command_set_int_new (f->yun_tr, "system", VR_NAME_SYSTEM_MR));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Change System");
  g_assert_cmpint (vr_variant_get_system (f->yun_tr), ==, VR_NAME_SYSTEM_MR);
  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpint (vr_variant_get_system (f->yun_tr), ==, VR_NAME_SYSTEM_TRANSLATOR);
}

static void
test_metadata (Fixture       *f,
               gconstpointer  data)
{
  VrMetadata *metadata = vr_document_get_metadata (f->document);
  g_autoptr(VrField) number = vr_field_new ("Document number", "254");
  g_autoptr(VrField) drafted = vr_field_new ("Drafted by", "Ivanov");
  const char * const authors[] = { "V. Ivanov", "A. Petrov", NULL };
  GListModel *fields = vr_metadata_get_fields (metadata);

  push_undo_redo (f, vr_command_set_string_new (metadata, "title", "Telegram 254"));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Edit Title");
  g_assert_cmpstr (vr_document_get_title (f->document), ==, "Telegram 254");
  push_undo_redo (f, vr_command_set_string_new (metadata, "archive-location", "Fond 5446"));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Edit Archive Location");
  push_undo_redo (f, vr_command_set_strv_new (metadata, "authors", authors));
  g_assert_cmpstr (vr_metadata_get_authors (metadata)[1], ==, "A. Petrov");

  push_undo_redo (f, vr_command_add_field_new (metadata, -1, number));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Add Field");
  push_undo_redo (f, vr_command_add_field_new (metadata, 0, drafted));
  g_assert_true (g_list_model_get_item (fields, 0) == (gpointer) drafted);
  g_object_unref (drafted);
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "254");

  push_undo_redo (f, vr_command_set_string_new (number, "value", "255"));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Edit Field");
  g_assert_cmpstr (vr_metadata_lookup_field (metadata, "Document number"), ==, "255");
  push_undo_redo (f, vr_command_set_string_new (number, "label", "Number"));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Rename Field");

  push_undo_redo (f, vr_command_remove_field_new (metadata, 0));
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Remove Field");
  g_assert_cmpuint (n_items (fields), ==, 1);
  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n_items (fields), ==, 2);
  g_assert_true (g_list_model_get_item (fields, 0) == (gpointer) drafted);
  g_object_unref (drafted);

  while (vr_history_undo (f->history))
    ;
  g_assert_cmpuint (n_items (fields), ==, 0);
  g_assert_null (vr_metadata_get_title (metadata));
  g_assert_null (vr_metadata_get_authors (metadata));
  g_assert_false (vr_document_get_modified (f->document));
}

static void
test_annotations_decisions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VrAnnotation) note = vr_annotation_new ("n1", f->p[0], "en", 0, 13, "Check the spelling");
  g_autoptr(VrDecision) decision = vr_decision_new ("Yun Gong-heum", "Yung Kong-hum", VR_VERDICT_SAME);

  push_undo_redo (f, vr_command_add_annotation_new (note));
  g_assert_cmpuint (n_items (vr_document_get_annotations (f->document)), ==, 1);
  push_undo_redo (f, vr_command_remove_annotation_new (note));
  g_assert_cmpuint (n_items (vr_document_get_annotations (f->document)), ==, 0);
  push_undo_redo (f, vr_command_add_decision_new (decision));
  g_assert_cmpuint (n_items (vr_document_get_decisions (f->document)), ==, 1);
  push_undo_redo (f, vr_command_remove_decision_new (decision));
  g_assert_cmpuint (n_items (vr_document_get_decisions (f->document)), ==, 0);
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

/* Undoing a removal puts the note or decision back in its place, not at the
 * end: the saved file keeps its order (push_undo_redo compares the bytes). */
static void
test_remove_in_place (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *notes = vr_document_get_annotations (f->document);
  GListModel *decisions = vr_document_get_decisions (f->document);
  VrAnnotation *n[3];
  VrDecision *d[3];

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *a = g_strdup_printf ("A%u", i);
      g_autofree char *b = g_strdup_printf ("B%u", i);

      n[i] = vr_annotation_new (id, f->p[i], "en", 0, 5, "note");
      d[i] = vr_decision_new (a, b, VR_VERDICT_DIFFERENT);
      push (f, vr_command_add_annotation_new (n[i]));
      push (f, vr_command_add_decision_new (d[i]));
      g_object_unref (n[i]);
      g_object_unref (d[i]);
    }
  g_assert_true (item_at (notes, 2) == n[2]);
  g_assert_true (item_at (decisions, 2) == d[2]);

  push_undo_redo (f, vr_command_remove_annotation_new (n[1]));
  g_assert_cmpuint (n_items (notes), ==, 2);
  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n_items (notes), ==, 3);
  g_assert_true (item_at (notes, 1) == n[1]);
  g_assert_true (item_at (notes, 2) == n[2]);

  push_undo_redo (f, vr_command_remove_decision_new (d[0]));
  g_assert_cmpuint (n_items (decisions), ==, 2);
  g_assert_true (vr_history_undo (f->history));
  g_assert_true (item_at (decisions, 0) == d[0]);
  g_assert_true (item_at (decisions, 1) == d[1]);

  /* Redoing an addition after other edits still appends it. */
  while (vr_history_undo (f->history))
    ;
  g_assert_cmpuint (n_items (notes), ==, 0);
  while (vr_history_redo (f->history))
    ;
  g_assert_true (item_at (notes, 0) == n[0]);
  g_assert_true (item_at (notes, 2) == n[2]);
  /* …and redoes the removal of d0 that was undone last. */
  g_assert_cmpuint (n_items (decisions), ==, 2);
  g_assert_true (item_at (decisions, 1) == d[2]);
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
} Notifies;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Notifies   *n)
{
  if (g_str_equal (pspec->name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    n->can_redo++;
  else if (g_str_equal (pspec->name, "undo-label"))
    n->undo_label++;
  else if (g_str_equal (pspec->name, "redo-label"))
    n->redo_label++;
}

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  Notifies n = { 0, };

  g_signal_connect (f->history, "notify", G_CALLBACK (on_notify_cb), &n);
  g_assert_false (vr_history_get_can_undo (f->history));
  g_assert_false (vr_history_get_can_redo (f->history));
  g_assert_null (vr_history_get_undo_label (f->history));
  g_assert_false (vr_history_undo (f->history));
  g_assert_false (vr_history_redo (f->history));
  g_assert_cmpuint (n.can_undo + n.can_redo + n.undo_label + n.redo_label, ==, 0);

  push (f, vr_command_set_string_new (f->yun, "name", "A"));
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 0);

  /* Same label, still undoable: nothing to notify. */
  push (f, vr_command_set_string_new (f->yun, "name", "B"));
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 1);

  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 1);
  g_assert_cmpuint (n.redo_label, ==, 1);
  g_assert_cmpstr (vr_history_get_redo_label (f->history), ==, "Rename Entity");

  g_assert_true (vr_history_undo (f->history));
  g_assert_cmpuint (n.can_undo, ==, 2);
  g_assert_cmpuint (n.undo_label, ==, 2);
  g_assert_null (vr_history_get_undo_label (f->history));
}

static void
test_saved_state (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-history-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "doc.json", NULL);
  file = g_file_new_for_path (path);

  push (f, vr_command_set_string_new (f->yun, "name", "A"));
  push (f, vr_command_set_string_new (f->yun, "name", "B"));
  g_assert_true (vr_document_get_modified (f->document));

  /* Saving makes this the saved state. */
  g_assert_true (vr_document_save_file (f->document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vr_document_get_modified (f->document));

  g_assert_true (vr_history_undo (f->history));
  g_assert_true (vr_document_get_modified (f->document));
  g_assert_true (vr_history_redo (f->history));
  g_assert_false (vr_document_get_modified (f->document));
  push (f, vr_command_set_string_new (f->yun, "name", "C"));
  g_assert_true (vr_document_get_modified (f->document));
  g_assert_true (vr_history_undo (f->history));
  g_assert_false (vr_document_get_modified (f->document));

  /* A new edit after undoing past the saved state: it cannot come back. */
  g_assert_true (vr_history_undo (f->history));
  push (f, vr_command_set_string_new (f->yun, "name", "D"));
  g_assert_false (vr_history_get_can_redo (f->history));
  g_assert_true (vr_document_get_modified (f->document));
  g_assert_true (vr_history_undo (f->history));
  g_assert_true (vr_document_get_modified (f->document));
  g_assert_cmpstr (vr_entity_get_name (f->yun), ==, "A");

  vr_history_mark_saved (f->history);
  g_assert_false (vr_document_get_modified (f->document));
  g_assert_true (vr_history_undo (f->history));
  g_assert_true (vr_document_get_modified (f->document));
  g_assert_true (vr_history_redo (f->history));
  g_assert_false (vr_document_get_modified (f->document));

  vr_history_clear (f->history);
  g_assert_false (vr_history_get_can_undo (f->history));
  g_assert_false (vr_history_get_can_redo (f->history));

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_remove (backup);
    g_remove (path);
    g_rmdir (dir);
  }
}

static void
apply_cb (VrDocument *document,
          gpointer    user_data)
{
  vr_document_set_id (document, user_data);
}

static void
revert_cb (VrDocument *document,
           gpointer    user_data)
{
  vr_document_set_id (document, NULL);
}

static void
test_tag (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(VrEntity) choe = vr_entity_new ("choe", VR_ENTITY_KIND_PERSON, "Choe");
  g_autoptr(GError) error = NULL;
  VrCommand *command;

  /* A new entity, from a full spelling: entity, spelling and mention in one step. */
  command = vr_command_tag_new (f->document, choe, f->p[2], "en", 0, 5, FALSE, &error);
  g_assert_no_error (error);
  push_undo_redo (f, command);
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Tag “Later”");
  g_assert_true (vr_document_lookup_entity (f->document, "choe") == choe);
  g_assert_nonnull (vr_entity_lookup_variant (choe, "Later"));
  g_assert_cmpint (vr_variant_get_status (vr_entity_lookup_variant (choe, "Later")), ==, VR_VARIANT_STATUS_CONFIRMED);
  g_assert_cmpint (vr_variant_get_system (vr_entity_lookup_variant (choe, "Later")), ==, VR_NAME_SYSTEM_OTHER);
  g_assert_cmpuint (vr_variant_get_count (vr_entity_lookup_variant (choe, "Later")), ==, 1);
  g_assert_true (vr_history_undo (f->history));
  g_assert_null (vr_document_lookup_entity (f->document, "choe"));
  g_assert_cmpuint (n_items (vr_entity_get_variants (choe)), ==, 0);
  g_assert_true (vr_history_redo (f->history));

  /* An existing entity and a known spelling: only the mention. */
  command = vr_command_tag_new (f->document, f->yun, f->p[2], "en", 6, 19, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vr_command_group_get_n_commands (command), ==, 1);
  push_undo_redo (f, command);
  g_assert_cmpuint (vr_variant_get_count (f->yun_rr), ==, 2);

  /* A short reference is no spelling. */
  command = vr_command_tag_new (f->document, f->kim, f->p[1], "en", 21, 24, TRUE, &error);
  g_assert_error (error, VR_ERROR, VR_ERROR_DUPLICATE);
  g_assert_null (command);
  g_clear_error (&error);
  command = vr_command_tag_new (f->document, f->kim, f->p[2], "en", 6, 9, TRUE, &error);
  g_assert_no_error (error);
  push_undo_redo (f, command);
  g_assert_null (vr_entity_lookup_variant (f->kim, "Yun"));
  g_assert_cmpuint (vr_entity_get_mention_count (f->kim), ==, 2);

  /* Empty or outside the text. */
  g_assert_null (vr_command_tag_new (f->document, f->kim, f->p[2], "en", 4, 4, FALSE, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_null (vr_command_tag_new (f->document, f->kim, f->p[2], "en", 20, 200, FALSE, &error));
  g_assert_error (error, VR_ERROR, VR_ERROR_RANGE);
  g_clear_error (&error);

  while (vr_history_undo (f->history))
    ;
  g_assert_false (vr_document_get_modified (f->document));
  g_assert_cmpuint (n_items (vr_document_get_mentions (f->document)), ==, 4);
}

static void
test_custom (Fixture       *f,
             gconstpointer  data)
{
  push_undo_redo (f, vr_command_new_custom ("Set Id", apply_cb, revert_cb, g_strdup ("doc-1"), g_free));
  g_assert_cmpstr (vr_document_get_id (f->document), ==, "doc-1");
  g_assert_cmpstr (vr_history_get_undo_label (f->history), ==, "Set Id");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/edit/history/add-mention", test_add_mention);
  ADD ("/edit/history/add-mentions", test_add_mentions);
  ADD ("/edit/history/remove-mention", test_remove_mention);
  ADD ("/edit/history/retarget-mention", test_retarget_mention);
  ADD ("/edit/history/delete-entity", test_delete_entity);
  ADD ("/edit/history/entity-properties", test_entity_properties);
  ADD ("/edit/history/variants", test_variants);
  ADD ("/edit/history/metadata", test_metadata);
  ADD ("/edit/history/annotations-decisions", test_annotations_decisions);
  ADD ("/edit/history/remove-in-place", test_remove_in_place);
  ADD ("/edit/history/notify", test_notify);
  ADD ("/edit/history/saved-state", test_saved_state);
  ADD ("/edit/history/tag", test_tag);
  ADD ("/edit/history/custom", test_custom);

#undef ADD

  return g_test_run ();
}
