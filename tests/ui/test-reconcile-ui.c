/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reconcile-ui"

#include "config.h"

#include <adwaita.h>

#include "vr-application-private.h"
#include "vr-entity-chooser.h"
#include "vr-entity-sidebar.h"
#include "vr-names-menu.h"
#include "vr-variant-table.h"
#include "vr-window-private.h"

/* Reconciling spellings in the window, on the sample telegram: the menus
 * of the spellings table and the entity sidebar, each edit one undoable
 * step that every panel follows, the reasons shown, and the export. */

static VrApplication *app;
static char *tmpdir;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
not_loading (gpointer data)
{
  return !vr_window_get_loading (data);
}

static VrWindow *
open_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                                 "telegram-254.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  /* The spellings table on the right, where its menus can open. */
  vr_reader_view_set_show_spellings (_vr_window_get_reader_view (window), TRUE);
  vr_reader_view_set_show_details (_vr_window_get_reader_view (window), FALSE);
  flush_events ();

  return window;
}

static void
destroy_window (VrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static VrReaderView *
reader (VrWindow *window)
{
  return _vr_window_get_reader_view (window);
}

static VrEntitySidebar *
sidebar (VrWindow *window)
{
  return VR_ENTITY_SIDEBAR (vr_reader_view_get_entity_sidebar (reader (window)));
}

static VrVariantTable *
table (VrWindow *window)
{
  return VR_VARIANT_TABLE (vr_reader_view_get_variant_table (reader (window)));
}

static VrEntity *
entity (VrWindow   *window,
        const char *id)
{
  VrEntity *found = vr_document_lookup_entity (vr_window_get_document (window), id);

  g_assert_nonnull (found);
  return found;
}

static const char *
undo_label (VrWindow *window)
{
  return vr_history_get_undo_label (vr_window_get_history (window));
}

static void
undo (VrWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
}

static void
redo (VrWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  flush_events ();
}

/* A visible label showing exactly @text under @widget. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a cell the table shows for @variant reads @text. */
static gboolean
table_shows_in (GtkWidget  *widget,
                VrVariant  *variant,
                const char *text)
{
  if (g_object_get_data (G_OBJECT (widget), "vr-variant") == (gpointer) variant &&
      find_label (widget, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (table_shows_in (child, variant, text))
      return TRUE;

  return FALSE;
}

static gboolean
table_shows (VrWindow   *window,
             VrVariant  *variant,
             const char *text)
{
  return table_shows_in (GTK_WIDGET (table (window)), variant, text);
}

/* The sidebar's row for the spelling @form of the selected entity. */
static GtkWidget *
form_row (VrWindow   *window,
          const char *form)
{
  GtkWidget *list = vr_entity_sidebar_get_forms_list (sidebar (window));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      VrVariant *variant = g_object_get_data (G_OBJECT (row), "vr-variant");

      if (variant != NULL && g_strcmp0 (vr_variant_get_form (variant), form) == 0)
        return row;
    }

  return NULL;
}

static guint
n_forms (VrWindow *window)
{
  GtkWidget *list = vr_entity_sidebar_get_forms_list (sidebar (window));
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "vr-variant") != NULL)
      n++;

  return n;
}

/* The table's row for @form, as shown. */
static VrVariant *
table_row (VrWindow   *window,
           const char *form)
{
  GListModel *model = vr_variant_table_get_model (table (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (model, i);

      if (g_strcmp0 (vr_variant_get_form (variant), form) == 0)
        return variant;
    }

  return NULL;
}

static char *
table_cell (VrWindow        *window,
            const char      *form,
            VrVariantColumn  column)
{
  VrVariant *variant = table_row (window, form);

  g_assert_nonnull (variant);
  return vr_variant_table_dup_cell_text (table (window), variant, column);
}

/* The sidebar's entity list of one kind shows @entity. */
static gboolean
listed (VrWindow     *window,
        VrEntityKind  kind,
        VrEntity     *listed_entity)
{
  GListModel *model = vr_entity_sidebar_get_kind_model (sidebar (window), kind);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VrEntity) item = g_list_model_get_item (model, i);

      if (item == listed_entity)
        return TRUE;
    }

  return FALSE;
}

static guint
count_decisions (VrWindow   *window,
                 const char *a,
                 const char *b,
                 VrVerdict   verdict)
{
  GListModel *decisions = vr_document_get_decisions (vr_window_get_document (window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decisions, i);
      const char *da = vr_decision_get_a (decision), *db = vr_decision_get_b (decision);

      if (vr_decision_get_verdict (decision) == verdict &&
          ((g_str_equal (da, a) && g_str_equal (db, b)) || (g_str_equal (da, b) && g_str_equal (db, a))))
        n++;
    }

  return n;
}

/* Chooses the entity named @name in the open chooser of @menu. */
static void
choose (VrNamesMenu *menu,
        const char  *search,
        const char  *name,
        VrEntity    *excluded)
{
  VrEntityChooser *chooser = VR_ENTITY_CHOOSER (vr_names_menu_get_chooser (menu));
  GListModel *model;
  guint position = G_MAXUINT;

  g_assert_nonnull (chooser);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));

  /* The search folds case and diacritics, and the entity the menu is
   * about is not offered. */
  vr_entity_chooser_set_search (chooser, search);
  model = vr_entity_chooser_get_model (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VrEntity) item = g_list_model_get_item (model, i);

      g_assert_true (item != excluded);
      if (g_str_equal (vr_entity_get_name (item), name))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  vr_entity_chooser_choose (chooser, position);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
}

static void
test_reason (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrEntity *yun = entity (window, "yun-gong-heum");
  VrEntity *ussr = entity (window, "ussr");
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(VrDecision) decision = NULL;
  GtkWidget *row;

  /* "Yung Kong-hum" is grouped with "Yun Gong-heum", and the sidebar says
   * why under it; the preferred form needs no reason. */
  vr_reader_view_select_entity (reader (window), yun);
  flush_events ();
  row = form_row (window, "Yung Kong-hum");
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (row, "Why: Russian н for ng; eu/u; k/g voicing"));
  row = form_row (window, "Yun Gong-heum");
  g_assert_nonnull (find_label (row, "Revised Romanization · Preferred"));
  g_assert_null (find_label (row, "Why: Russian н for ng; eu/u; k/g voicing"));

  /* The spellings table shows it under the spelling, on its row. */
  g_assert_nonnull (find_label (GTK_WIDGET (table (window)), "Why: Russian н for ng; eu/u; k/g voicing"));

  /* No rule makes "USSR" the "Soviet Union": a person's decision does. */
  vr_reader_view_select_entity (reader (window), ussr);
  flush_events ();
  g_assert_null (find_label (form_row (window, "USSR"), "Why: Recorded decision"));
  decision = vr_decision_new ("USSR", "Soviet Union", VR_VERDICT_SAME);
  command = vr_command_add_decision_new (decision);
  vr_window_push_command (window, command);
  flush_events ();
  g_assert_nonnull (find_label (form_row (window, "USSR"), "Why: Recorded decision"));
  g_assert_nonnull (find_label (GTK_WIDGET (table (window)), "Why: Recorded decision"));

  undo (window);
  g_assert_null (find_label (form_row (window, "USSR"), "Why: Recorded decision"));
  g_assert_null (find_label (GTK_WIDGET (table (window)), "Why: Recorded decision"));
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_decisions (document)), ==, 1);

  destroy_window (window);
}

static void
test_make_preferred (void)
{
  VrWindow *window = open_sample ();
  VrEntity *yun = entity (window, "yun-gong-heum");
  VrVariant *yung = vr_entity_lookup_variant (yun, "Yung Kong-hum");
  g_autofree char *cell = NULL;

  /* The table's menu acts on the selected spelling. */
  vr_reader_view_select_variant (reader (window), yung);
  flush_events ();
  g_assert_true (gtk_widget_get_sensitive (vr_variant_table_get_menu_button (table (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table (window)), "spelling.make-preferred", NULL));
  flush_events ();

  g_assert_cmpstr (vr_entity_get_name (yun), ==, "Yung Kong-hum");
  g_assert_cmpstr (undo_label (window), ==, "Make “Yung Kong-hum” Preferred");
  cell = table_cell (window, "Yun Gong-heum", VR_VARIANT_COLUMN_ENTITY);
  g_assert_cmpstr (cell, ==, "Yung Kong-hum");
  g_clear_pointer (&cell, g_free);
  /* The rows of both spellings name the entity anew. */
  g_assert_true (table_shows (window, vr_entity_lookup_variant (yun, "Yun Gong-heum"), "Yung Kong-hum"));
  g_assert_false (table_shows (window, yung, "Yun Gong-heum"));
  g_assert_true (vr_reader_view_get_selected_entity (reader (window)) == yun);
  /* The reason is now the other way round, and shown for the old name. */
  g_assert_nonnull (find_label (form_row (window, "Yun Gong-heum"), "Why: Russian н for ng; eu/u; k/g voicing"));
  g_assert_nonnull (find_label (form_row (window, "Yung Kong-hum"), "Translator’s gloss · Preferred"));
  /* Already preferred: the menu does not offer it again. */
  g_assert_false (g_action_group_get_action_enabled (vr_variant_table_get_spelling_actions (table (window)),
                                                     "make-preferred"));

  undo (window);
  g_assert_cmpstr (vr_entity_get_name (yun), ==, "Yun Gong-heum");
  cell = table_cell (window, "Yung Kong-hum", VR_VARIANT_COLUMN_ENTITY);
  g_assert_cmpstr (cell, ==, "Yun Gong-heum");
  g_clear_pointer (&cell, g_free);

  redo (window);
  g_assert_cmpstr (vr_entity_get_name (yun), ==, "Yung Kong-hum");

  destroy_window (window);
}

static void
test_move (void)
{
  VrWindow *window = open_sample ();
  VrEntity *yun = entity (window, "yun-gong-heum");
  VrEntity *kim_il = entity (window, "kim-il");
  VrVariant *yung = vr_entity_lookup_variant (yun, "Yung Kong-hum");
  guint yun_count = vr_entity_get_mention_count (yun);
  guint kim_count = vr_entity_get_mention_count (kim_il);
  g_autofree char *cell = NULL;

  vr_reader_view_select_variant (reader (window), yung);
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table (window)), "spelling.move", NULL));
  choose (vr_variant_table_get_names_menu (table (window)), "KIM IL", "Kim Il", yun);

  g_assert_cmpstr (undo_label (window), ==, "Move “Yung Kong-hum” to “Kim Il”");
  g_assert_null (vr_entity_lookup_variant (yun, "Yung Kong-hum"));
  g_assert_nonnull (vr_entity_lookup_variant (kim_il, "Yung Kong-hum"));
  /* Its mention went with it; the counts the sidebar shows follow. */
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_count - 1);
  g_assert_cmpuint (vr_entity_get_mention_count (kim_il), ==, kim_count + 1);
  cell = table_cell (window, "Yung Kong-hum", VR_VARIANT_COLUMN_ENTITY);
  g_assert_cmpstr (cell, ==, "Kim Il");
  g_clear_pointer (&cell, g_free);
  /* The reader follows the spelling to its new entity. */
  g_assert_true (vr_reader_view_get_selected_entity (reader (window)) == kim_il);
  g_assert_nonnull (form_row (window, "Yung Kong-hum"));
  g_assert_cmpuint (count_decisions (window, "Yung Kong-hum", "Kim Il", VR_VERDICT_SAME), ==, 1);

  undo (window);
  g_assert_nonnull (vr_entity_lookup_variant (yun, "Yung Kong-hum"));
  g_assert_null (vr_entity_lookup_variant (kim_il, "Yung Kong-hum"));
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_count);
  g_assert_cmpuint (vr_entity_get_mention_count (kim_il), ==, kim_count);
  cell = table_cell (window, "Yung Kong-hum", VR_VARIANT_COLUMN_ENTITY);
  g_assert_cmpstr (cell, ==, "Yun Gong-heum");
  g_clear_pointer (&cell, g_free);
  g_assert_cmpuint (count_decisions (window, "Yung Kong-hum", "Kim Il", VR_VERDICT_SAME), ==, 0);

  redo (window);
  g_assert_cmpuint (vr_entity_get_mention_count (kim_il), ==, kim_count + 1);

  destroy_window (window);
}

static void
test_split_and_merge (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  GListModel *entities = vr_document_get_entities (document);
  guint n_entities = g_list_model_get_n_items (entities);
  VrEntity *yun = entity (window, "yun-gong-heum");
  guint yun_count = vr_entity_get_mention_count (yun);
  VrEntity *split;
  GtkWidget *row;

  /* The sidebar's spelling row has its own menu: split it out. */
  vr_reader_view_select_entity (reader (window), yun);
  flush_events ();
  g_assert_cmpuint (n_forms (window), ==, 2);
  row = form_row (window, "Yung Kong-hum");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "spelling.split", NULL));
  flush_events ();

  g_assert_cmpstr (undo_label (window), ==, "Split “Yung Kong-hum” into a New Entity");
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, n_entities + 1);
  split = vr_reader_view_get_selected_entity (reader (window));
  g_assert_nonnull (split);
  g_assert_true (split != yun);
  g_assert_cmpstr (vr_entity_get_name (split), ==, "Yung Kong-hum");
  g_assert_true (vr_entity_sidebar_get_selected_entity (sidebar (window)) == split);
  g_assert_true (listed (window, VR_ENTITY_KIND_PERSON, split));
  g_assert_cmpuint (n_forms (window), ==, 1);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_count - 1);
  g_assert_cmpuint (count_decisions (window, "Yun Gong-heum", "Yung Kong-hum", VR_VERDICT_DIFFERENT), ==, 1);

  /* The new entity's menu merges it back into the old one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar (window)), "entity.merge", NULL));
  choose (vr_entity_sidebar_get_names_menu (sidebar (window)), "yun gong", "Yun Gong-heum", split);

  g_assert_cmpstr (undo_label (window), ==, "Merge “Yung Kong-hum” into “Yun Gong-heum”");
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, n_entities);
  g_assert_false (listed (window, VR_ENTITY_KIND_PERSON, split));
  /* The kept entity is selected, with both spellings and all mentions. */
  g_assert_true (vr_reader_view_get_selected_entity (reader (window)) == yun);
  g_assert_cmpuint (n_forms (window), ==, 2);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_count);
  g_assert_cmpuint (count_decisions (window, "Yun Gong-heum", "Yung Kong-hum", VR_VERDICT_SAME), >=, 1);

  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, n_entities + 1);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_count - 1);
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, n_entities);
  g_assert_cmpuint (vr_entity_get_mention_count (yun), ==, yun_count);
  g_assert_cmpuint (count_decisions (window, "Yun Gong-heum", "Yung Kong-hum", VR_VERDICT_DIFFERENT), ==, 0);
  vr_reader_view_select_entity (reader (window), yun);
  flush_events ();
  g_assert_cmpuint (n_forms (window), ==, 2);

  redo (window);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, n_entities + 1);
  redo (window);
  g_assert_cmpuint (g_list_model_get_n_items (entities), ==, n_entities);

  destroy_window (window);
}

static void
test_not_the_same (void)
{
  VrWindow *window = open_sample ();
  VrEntity *kim_il = entity (window, "kim-il");
  VrEntity *kim_il_sung = entity (window, "kim-il-sung");
  GListModel *decisions = vr_document_get_decisions (vr_window_get_document (window));
  guint n_decisions = g_list_model_get_n_items (decisions);
  AdwToast *toast;

  /* An entity's menu: "Kim Il" is not "Kim Il Sung". */
  vr_reader_view_select_entity (reader (window), kim_il);
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar (window)), "entity.different", NULL));
  choose (vr_entity_sidebar_get_names_menu (sidebar (window)), "il sung", "Kim Il Sung", kim_il);

  g_assert_cmpstr (undo_label (window), ==, "Mark “Kim Il” and “Kim Il Sung” as Different");
  g_assert_cmpuint (count_decisions (window, "Kim Il", "Kim Il Sung", VR_VERDICT_DIFFERENT), ==, 1);
  toast = _vr_window_get_reconcile_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Recorded that “Kim Il” and “Kim Il Sung” are different people");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  /* Nothing else moved. */
  g_assert_true (vr_reader_view_get_selected_entity (reader (window)) == kim_il);
  g_assert_true (listed (window, VR_ENTITY_KIND_PERSON, kim_il_sung));

  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, n_decisions);
  redo (window);
  g_assert_cmpuint (count_decisions (window, "Kim Il", "Kim Il Sung", VR_VERDICT_DIFFERENT), ==, 1);

  /* A spelling's menu, from the table: the decision is about the form. */
  vr_reader_view_select_variant (reader (window), vr_entity_lookup_variant (entity (window, "yun-gong-heum"),
                                                                            "Yung Kong-hum"));
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table (window)), "spelling.different", NULL));
  choose (vr_variant_table_get_names_menu (table (window)), "pak il", "Pak Il-u", NULL);
  g_assert_cmpuint (count_decisions (window, "Yung Kong-hum", "Pak Il-u", VR_VERDICT_DIFFERENT), ==, 1);
  undo (window);
  g_assert_cmpuint (count_decisions (window, "Yung Kong-hum", "Pak Il-u", VR_VERDICT_DIFFERENT), ==, 0);

  destroy_window (window);
}

static void
test_system_and_status (void)
{
  VrWindow *window = open_sample ();
  VrEntity *yun = entity (window, "yun-gong-heum");
  VrVariant *yung = vr_entity_lookup_variant (yun, "Yung Kong-hum");
  GtkWidget *row;
  g_autofree char *cell = NULL;

  vr_reader_view_select_variant (reader (window), yung);
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table (window)), "spelling.system", "s", "mr"));
  flush_events ();

  g_assert_cmpint (vr_variant_get_system (yung), ==, VR_NAME_SYSTEM_MR);
  g_assert_cmpstr (undo_label (window), ==, "Change System");
  /* The table's cell and the sidebar's row follow at once. */
  cell = table_cell (window, "Yung Kong-hum", VR_VARIANT_COLUMN_SYSTEM);
  g_assert_cmpstr (cell, ==, "MR");
  g_clear_pointer (&cell, g_free);
  g_assert_true (table_shows (window, yung, "MR"));
  row = form_row (window, "Yung Kong-hum");
  g_assert_nonnull (find_label (row, "McCune–Reischauer"));
  /* The same value again is no new step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table (window)), "spelling.system", "s", "mr"));
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_cmpint (vr_variant_get_system (yung), ==, VR_NAME_SYSTEM_TRANSLATOR);
  cell = table_cell (window, "Yung Kong-hum", VR_VARIANT_COLUMN_SYSTEM);
  g_assert_cmpstr (cell, ==, "Gloss");
  g_clear_pointer (&cell, g_free);
  g_assert_true (table_shows (window, yung, "Gloss"));
  g_assert_false (vr_history_get_can_undo (vr_window_get_history (window)));

  /* The status, from the sidebar's row menu. */
  g_assert_true (gtk_widget_activate_action (row, "spelling.status", "s", "rejected"));
  flush_events ();
  g_assert_cmpint (vr_variant_get_status (yung), ==, VR_VARIANT_STATUS_REJECTED);
  g_assert_cmpstr (undo_label (window), ==, "Change Status");
  cell = table_cell (window, "Yung Kong-hum", VR_VARIANT_COLUMN_STATUS);
  g_assert_cmpstr (cell, ==, "Rejected");
  g_clear_pointer (&cell, g_free);
  g_assert_true (table_shows (window, yung, "Rejected"));
  g_assert_nonnull (find_label (form_row (window, "Yung Kong-hum"), "Translator’s gloss · Rejected"));

  undo (window);
  g_assert_cmpint (vr_variant_get_status (yung), ==, VR_VARIANT_STATUS_CONFIRMED);
  g_assert_nonnull (find_label (form_row (window, "Yung Kong-hum"), "Translator’s gloss"));
  redo (window);
  g_assert_cmpint (vr_variant_get_status (yung), ==, VR_VARIANT_STATUS_REJECTED);

  destroy_window (window);
}

static void
test_add_spelling (void)
{
  VrWindow *window = open_sample ();
  VrEntity *prc = entity (window, "prc");
  guint count = vr_entity_get_mention_count (prc);
  GtkWidget *popover;
  AdwToast *toast;
  VrVariant *added;

  /* Ctrl+Alt+S's action opens the popover for the selected entity. */
  vr_reader_view_select_entity (reader (window), prc);
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-add-spelling", NULL));
  flush_events ();
  popover = vr_entity_sidebar_get_add_spelling_popover (sidebar (window));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_nonnull (find_label (popover, "Another Spelling of “People’s Republic of China”") ?:
                    find_label (popover, "Another Spelling of “People's Republic of China”"));

  vr_entity_sidebar_add_spelling (sidebar (window), "  Chinese ", VR_NAME_SYSTEM_OTHER);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (popover));

  added = vr_entity_lookup_variant (prc, "Chinese");
  g_assert_nonnull (added);
  g_assert_cmpstr (undo_label (window), ==, "Add Spelling “Chinese”");
  /* Every occurrence was tagged at once, and the toast says how many. */
  g_assert_cmpuint (vr_entity_get_mention_count (prc), ==, count + 2);
  g_assert_cmpuint (vr_variant_get_count (added), ==, 2);
  toast = _vr_window_get_reconcile_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Added “Chinese”: 2 mentions found");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_nonnull (form_row (window, "Chinese"));
  g_assert_nonnull (table_row (window, "Chinese"));
  g_assert_true (vr_reader_view_get_selected_variant (reader (window)) == added);

  undo (window);
  g_assert_null (vr_entity_lookup_variant (prc, "Chinese"));
  g_assert_cmpuint (vr_entity_get_mention_count (prc), ==, count);
  g_assert_null (form_row (window, "Chinese"));
  g_assert_null (table_row (window, "Chinese"));

  redo (window);
  g_assert_cmpuint (vr_entity_get_mention_count (prc), ==, count + 2);

  destroy_window (window);
}

static gboolean
not_exporting (gpointer data)
{
  return !_vr_window_get_exporting (data);
}

static AdwMessageDialog *
find_dialog (VrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_export (void)
{
  VrWindow *window = open_sample ();
  VrEntity *kwp = entity (window, "kwp");
  g_autofree char *path = g_build_filename (tmpdir, "spellings.csv", NULL);
  g_autofree char *json_path = g_build_filename (tmpdir, "spellings.json", NULL);
  g_autofree char *bad_path = g_build_filename (tmpdir, "no-such-folder", "spellings.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(VrVariant) formula = vr_variant_new ("=HYPERLINK(\"x\")", VR_NAME_SYSTEM_OTHER);
  g_autoptr(VrCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *rows = vr_variant_table_get_model (table (window));
  guint n_variant_rows = 0;
  AdwMessageDialog *dialog;

  /* A spelling a spreadsheet would run as a formula. */
  command = vr_command_add_variant_new (kwp, formula);
  vr_window_push_command (window, command);
  flush_events ();

  _vr_window_export_spellings (window, file, VR_EXPORT_CSV);
  iterate_until (not_exporting, window);
  g_assert_null (find_dialog (window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  /* One row per spelling the table shows, in any order. */
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "record,entity_id,entity_name,"));
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "variant,"))
      n_variant_rows++;
  g_assert_cmpuint (n_variant_rows, ==, g_list_model_get_n_items (rows));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (rows, i);
      g_autofree char *field = vr_export_csv_field (vr_variant_get_form (variant));
      g_autofree char *needle = g_strconcat (",", field, ",", NULL);

      g_assert_nonnull (strstr (contents, needle));
    }
  g_assert_nonnull (strstr (contents, "\"'=HYPERLINK(\"\"x\"\")\""));
  g_assert_nonnull (strstr (contents, "decision,,,,Yun Gong-heum,,,,,Yung Kong-hum,same"));
  expected = g_strdup_printf ("Exported %u spellings to “spellings.csv”", g_list_model_get_n_items (rows));
  g_assert_cmpstr (adw_toast_get_title (_vr_window_get_reconcile_toast (window)), ==, expected);

  _vr_window_export_spellings (window, json_file, VR_EXPORT_JSON);
  iterate_until (not_exporting, window);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "{"));
  g_assert_nonnull (strstr (contents, "\"Yung Kong-hum\""));

  /* A folder that is not there: a dialog says so, nothing is written. */
  _vr_window_export_spellings (window, bad_file, VR_EXPORT_CSV);
  iterate_until (not_exporting, window);
  flush_events ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Spellings");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad_path));
  g_assert_false (g_file_query_exists (bad_file, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The menu item asks where to write. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-spellings", "s", "csv"));
  g_assert_nonnull (_vr_window_get_export_chooser (window));
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (_vr_window_get_export_chooser (window)));

  destroy_window (window);
}

static void
test_menus (void)
{
  VrWindow *window = open_sample ();
  VrEntity *yun = entity (window, "yun-gong-heum");
  VrVariant *preferred = vr_entity_lookup_variant (yun, "Yun Gong-heum");
  VrNamesMenu *menu = vr_variant_table_get_names_menu (table (window));
  GActionGroup *group;
  g_autoptr(GVariant) state = NULL;
  GtkWidget *popover;

  /* Without a selection the table's menu button has nothing to act on. */
  g_assert_false (gtk_widget_get_sensitive (vr_variant_table_get_menu_button (table (window))));

  /* The preferred form cannot be made preferred, nor split from an entity
   * spelled one way; the radio items show the current system. */
  vr_reader_view_select_variant (reader (window), preferred);
  flush_events ();
  group = vr_variant_table_get_spelling_actions (table (window));
  g_assert_nonnull (group);
  g_assert_false (g_action_group_get_action_enabled (group, "make-preferred"));
  g_assert_true (g_action_group_get_action_enabled (group, "split"));
  state = g_action_group_get_action_state (group, "system");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "rr");
  vr_reader_view_select_variant (reader (window),
                                 vr_entity_lookup_variant (entity (window, "kim-il"), "Kim Il"));
  flush_events ();
  group = vr_variant_table_get_spelling_actions (table (window));
  g_assert_false (g_action_group_get_action_enabled (group, "split"));

  /* The context menu pops up on the table, with the spelling menu. */
  vr_names_menu_popup (menu, vr_names_menu_get_spelling_model (), NULL, NULL,
                       GTK_WIDGET (table (window)), NULL);
  flush_events ();
  popover = vr_names_menu_get_popover (menu);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == vr_names_menu_get_spelling_model ());
  gtk_popover_popdown (GTK_POPOVER (popover));

  destroy_window (window);
}

/* Now and then, on a loaded machine, GTK 4.8 warns that one of its own
 * internal parts (a GtkGizmo) is drawn in the frame before it is given a
 * size, while an edit rebuilds the table's rows: a warning about GTK's
 * frame order, not about our widgets. Every other warning stays fatal. */
static gboolean
fatal_log_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  if (g_strcmp0 (domain, "Gtk") == 0 &&
      (level & G_LOG_LEVEL_WARNING) != 0 &&
      g_str_has_prefix (message, "Trying to snapshot GtkGizmo"))
    return FALSE;

  /* GTK 4.8's X11 backend, placing a menu popover, asks for the monitor
   * of a point no monitor holds (Xvfb's one screen). */
  if (g_strcmp0 (domain, "Gdk") == 0 &&
      (level & G_LOG_LEVEL_CRITICAL) != 0 &&
      strstr (message, "gdk_monitor_get_geometry: assertion") != NULL)
    return FALSE;

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("variorum-reconcile-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);

  app = vr_application_new ("io.github.variorum.Variorum.TestReconcile", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/reconcile-ui/reason", test_reason);
  g_test_add_func ("/reconcile-ui/make-preferred", test_make_preferred);
  g_test_add_func ("/reconcile-ui/move", test_move);
  g_test_add_func ("/reconcile-ui/split-and-merge", test_split_and_merge);
  g_test_add_func ("/reconcile-ui/not-the-same", test_not_the_same);
  g_test_add_func ("/reconcile-ui/system-and-status", test_system_and_status);
  g_test_add_func ("/reconcile-ui/add-spelling", test_add_spelling);
  g_test_add_func ("/reconcile-ui/export", test_export);
  g_test_add_func ("/reconcile-ui/menus", test_menus);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
