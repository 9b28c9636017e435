/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-compare-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "vr-application-private.h"
#include "vr-window-private.h"
#include "compare/vr-compare-row.h"
#include "compare/vr-compare-view.h"

/* The fixtures are invented test texts (see tests/compare/fixtures/README.md),
 * not historical documents. */

static VrApplication *app;

static GFile *
compare_fixture (const char *name)
{
  return g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "..", "compare", "fixtures",
                                    name, NULL);
}

static GFile *
ui_fixture (const char *name)
{
  return g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", name, NULL);
}

static VrDocument *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  VrDocument *document = vr_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  GtkWindow     *window;
  VrCompareView *view;
  VrDocument    *document;
} Fixture;

static void
fixture_open (Fixture    *f,
              VrDocument *document)
{
  f->document = document;
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 900);
  f->view = VR_COMPARE_VIEW (vr_compare_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  vr_compare_view_set_document (f->view, document);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  flush_events ();
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (f->window);
  flush_events ();
  g_clear_object (&f->document);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (VR_IS_COMPARE_ROW (widget))
    {
      if (gtk_widget_get_mapped (widget))
        g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The row on screen for paragraph @index, or NULL. */
static VrCompareRow *
find_row (Fixture *f,
          guint    index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (vr_compare_view_get_list_view (f->view), rows);
  for (guint i = 0; i < rows->len; i++)
    if (vr_compare_row_get_index (g_ptr_array_index (rows, i)) == index)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static const char *
row_text (Fixture       *f,
          guint          index,
          VrCompareSide  side)
{
  VrCompareRow *row = find_row (f, index);

  g_assert_nonnull (row);
  return vr_compare_text_get_text (vr_compare_row_get_text (row, side));
}

static guint
find_choice (Fixture    *f,
             const char *label)
{
  GListModel *choices = vr_compare_view_get_choices (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), label))
      return i;

  g_error ("no choice “%s”", label);
  return 0;
}

/* Chooses through the dropdown itself, as a person would. */
static void
choose (Fixture       *f,
        VrCompareSide  side,
        const char    *label)
{
  guint choice = find_choice (f, label);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (vr_compare_view_get_drop_down (f->view, side)), choice);
  flush_events ();
  g_assert_cmpuint (vr_compare_view_get_choice (f->view, side), ==, choice);
}

static char *
substring (const char *text,
           guint       start,
           guint       end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (text, end);

  return g_strndup (s, e - s);
}

/* The mark of @kind over exactly @spelling in paragraph @index, or NULL. */
static const VrCompareMark *
find_mark (GArray            *marks,
           const char        *text,
           VrCompareMarkKind  kind,
           const char        *spelling,
           guint              nth)
{
  for (guint i = 0; i < marks->len; i++)
    {
      const VrCompareMark *mark = &g_array_index (marks, VrCompareMark, i);
      g_autofree char *marked = NULL;

      if (mark->kind != kind)
        continue;
      marked = substring (text, mark->start, mark->end);
      if (g_str_equal (marked, spelling) && nth-- == 0)
        return mark;
    }

  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_marks (GArray            *marks,
             VrCompareMarkKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, VrCompareMark, i).kind == kind)
      n++;

  return n;
}

/* Whether the label draws an attribute of @type with @value over the
 * characters [@start, @end) of its text. */
static gboolean
label_has_attr (VrCompareText *label,
                PangoAttrType  type,
                int            value,
                guint          start,
                guint          end)
{
  PangoAttrList *attrs = vr_compare_text_get_attributes (label);
  const char *text = vr_compare_text_get_text (label);
  guint s = g_utf8_offset_to_pointer (text, start) - text;
  guint e = g_utf8_offset_to_pointer (text, end) - text;
  GSList *list;
  gboolean found = FALSE;

  if (attrs == NULL)
    return FALSE;

  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == type && attr->start_index <= s && e <= attr->end_index &&
          (value < 0 || ((PangoAttrInt *) attr)->value == value))
        found = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return found;
}

static void
test_compare_rows_pair_paragraphs (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  GListModel *paragraphs;
  guint n;

  fixture_open (&f, load (file));
  paragraphs = vr_document_get_paragraphs (f.document);
  n = g_list_model_get_n_items (paragraphs);
  g_assert_cmpuint (n, ==, 5);

  /* By default, the first version faces the second. */
  g_assert_cmpuint (vr_compare_view_get_choice (f.view, VR_COMPARE_SIDE_LEFT), ==,
                    find_choice (&f, "English translation (test fixture) (en)"));
  g_assert_cmpuint (vr_compare_view_get_choice (f.view, VR_COMPARE_SIDE_RIGHT), ==,
                    find_choice (&f, "Second English rendering (test fixture, invented) (en)"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      VrCompareRow *row = find_row (&f, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *number_label;
      int left_y, right_y;
      graphene_point_t left_point, right_point;

      g_assert_nonnull (row);
      g_assert_cmpstr (row_text (&f, i, VR_COMPARE_SIDE_LEFT), ==,
                       vr_paragraph_get_text (paragraph, "en"));
      g_assert_cmpstr (row_text (&f, i, VR_COMPARE_SIDE_RIGHT), ==,
                       vr_paragraph_get_text (paragraph, "en-alt"));

      /* The paragraph number is shown, and both texts start on one line. */
      number_label = gtk_widget_get_first_child (GTK_WIDGET (row));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (number_label)), ==, number);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT)),
                                               GTK_WIDGET (f.view), &GRAPHENE_POINT_INIT (0, 0), &left_point));
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT)),
                                               GTK_WIDGET (f.view), &GRAPHENE_POINT_INIT (0, 0), &right_point));
      left_y = (int) left_point.y;
      right_y = (int) right_point.y;
      g_assert_cmpint (left_y, ==, right_y);
      g_assert_cmpfloat (left_point.x, <, right_point.x);
    }

  fixture_close (&f);
}

static GtkWindow *
find_chooser (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }

  return NULL;
}

static void
test_compare_choices (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  GListModel *choices;
  const char *expected[] = {
    "English translation (test fixture) (en)",
    "Second English rendering (test fixture, invented) (en)",
    "Normalized reading — preferred names",
    "Normalized reading — RR",
    "Normalized reading — MR",
    "Load from File…",
  };
  guint before;

  fixture_open (&f, load (file));
  choices = vr_compare_view_get_choices (f.view);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), ==, expected[i]);

  /* The right side shows the MR reading, then the first version. */
  choose (&f, VR_COMPARE_SIDE_RIGHT, "Normalized reading — MR");
  g_assert_cmpstr (row_text (&f, 0, VR_COMPARE_SIDE_RIGHT), ==,
                   "Yun Kong-hŭm spoke at the Plenum of the KWP CC.");
  g_assert_cmpstr (row_text (&f, 4, VR_COMPARE_SIDE_RIGHT), ==,
                   "Ch'oe Ch'ang-ik defended Yun. Ch'oe was later expelled.");

  choose (&f, VR_COMPARE_SIDE_LEFT, "Second English rendering (test fixture, invented) (en)");
  g_assert_cmpstr (row_text (&f, 0, VR_COMPARE_SIDE_LEFT), ==,
                   "Yung Kong-hum made a speech at the Plenum of the KWP CC.");

  /* "Load from File…" is not a reading: the side keeps what it showed,
   * and a file chooser opens. */
  before = vr_compare_view_get_choice (f.view, VR_COMPARE_SIDE_LEFT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vr_compare_view_get_drop_down (f.view, VR_COMPARE_SIDE_LEFT)),
                              find_choice (&f, "Load from File…"));
  flush_events ();
  g_assert_cmpuint (vr_compare_view_get_choice (f.view, VR_COMPARE_SIDE_LEFT), ==, before);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (vr_compare_view_get_drop_down (f.view, VR_COMPARE_SIDE_LEFT))),
                    ==, before);
  {
    GtkWindow *chooser = find_chooser (f.window);

    g_assert_nonnull (chooser);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    flush_events ();
    g_assert_null (find_chooser (f.window));
  }

  fixture_close (&f);
}

static void
test_compare_normalized_marks (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) right = NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *right_text = NULL;
  const VrCompareMark *mark;
  VrCompareRow *row;

  fixture_open (&f, load (file));
  choose (&f, VR_COMPARE_SIDE_RIGHT, "Normalized reading — RR");

  /* Paragraph 4: "Seo Hwi and Kim [Gan] … So Hwi had been …" */
  left_text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_LEFT, 3);
  right_text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_RIGHT, 3);
  g_assert_true (g_str_has_prefix (right_text, "Seo Hwi and Kim Gang crossed the Chinese border."));
  left = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_LEFT, 3);
  right = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_RIGHT, 3);

  /* Each replaced name is marked on both sides, with both spellings. */
  mark = find_mark (right, right_text, VR_COMPARE_MARK_REPLACED, "Kim Gang", 0);
  g_assert_nonnull (mark);
  g_assert_cmpstr (mark->tooltip, ==, "Kim [Gan] → Kim Gang");
  g_assert_cmpstr (mark->entity_id, ==, "kim-gan");
  mark = find_mark (left, left_text, VR_COMPARE_MARK_REPLACED, "Kim [Gan]", 0);
  g_assert_nonnull (mark);
  g_assert_cmpstr (mark->tooltip, ==, "Kim [Gan] → Kim Gang");

  mark = find_mark (right, right_text, VR_COMPARE_MARK_REPLACED, "Seo Hwi", 0);
  g_assert_nonnull (mark);
  g_assert_cmpstr (mark->tooltip, ==, "So Hwi → Seo Hwi");
  g_assert_cmpuint (mark->start, >, 40);
  mark = find_mark (left, left_text, VR_COMPARE_MARK_REPLACED, "So Hwi", 0);
  g_assert_nonnull (mark);
  g_assert_cmpstr (mark->tooltip, ==, "So Hwi → Seo Hwi");

  /* A name already in RR is not a change, but still a mention. */
  g_assert_cmpuint (count_marks (right, VR_COMPARE_MARK_REPLACED), ==, 2);
  g_assert_cmpuint (count_marks (left, VR_COMPARE_MARK_REPLACED), ==, 2);
  g_assert_nonnull (find_mark (right, right_text, VR_COMPARE_MARK_MENTION, "Seo Hwi", 0));
  g_assert_cmpuint (count_marks (left, VR_COMPARE_MARK_DELETED) + count_marks (right, VR_COMPARE_MARK_INSERTED), ==, 0);

  /* On screen: the replaced name has a wavy underline, a mention a line. */
  row = find_row (&f, 3);
  g_assert_nonnull (row);
  g_assert_cmpstr (vr_compare_text_get_text (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT)), ==, right_text);
  mark = find_mark (right, right_text, VR_COMPARE_MARK_REPLACED, "Kim Gang", 0);
  g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT),
                                 PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_ERROR, mark->start, mark->end));
  mark = find_mark (right, right_text, VR_COMPARE_MARK_MENTION, "Seo Hwi", 0);
  g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT),
                                 PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_SINGLE, mark->start, mark->end));
  mark = find_mark (left, left_text, VR_COMPARE_MARK_REPLACED, "Kim [Gan]", 0);
  g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT),
                                 PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_ERROR, mark->start, mark->end));

  /* Kim Il Sung moves in paragraph 2 (“Kim Il-seong”); Stalin, with no
   * Hangul, keeps its spelling and its mark moves with the text. */
  {
    g_autoptr(GArray) marks = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_RIGHT, 1);
    g_autofree char *text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_RIGHT, 1);

    g_assert_nonnull (find_mark (marks, text, VR_COMPARE_MARK_REPLACED, "Kim Il-seong", 0));
    g_assert_nonnull (find_mark (marks, text, VR_COMPARE_MARK_MENTION, "Stalin", 0));
  }

  fixture_close (&f);
}

static void
test_compare_word_diff (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) right = NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *right_text = NULL;
  const VrCompareMark *mark;
  VrCompareText *left_label, *right_label;
  VrCompareRow *row;

  fixture_open (&f, load (file));

  /* Paragraph 2: "Yun's speech caused a heated reaction" against
   * "The speech of Yun caused an angry reaction". */
  left_text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_LEFT, 1);
  right_text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_RIGHT, 1);
  left = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_LEFT, 1);
  right = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_RIGHT, 1);

  mark = find_mark (left, left_text, VR_COMPARE_MARK_DELETED, "a heated", 0);
  g_assert_nonnull (mark);
  g_assert_cmpuint (mark->start, ==, 20);
  g_assert_cmpuint (mark->end, ==, 28);
  g_assert_cmpstr (mark->tooltip, ==, "Not in “Second English rendering (test fixture, invented) (en)”");
  mark = find_mark (right, right_text, VR_COMPARE_MARK_INSERTED, "an angry", 0);
  g_assert_nonnull (mark);
  g_assert_cmpuint (mark->start, ==, 25);
  g_assert_cmpuint (mark->end, ==, 33);
  /* A change covers words, not the spaces around them. */
  g_assert_nonnull (find_mark (right, right_text, VR_COMPARE_MARK_INSERTED, "of Yun", 0));
  /* Deletions only on the left, insertions only on the right. */
  g_assert_cmpuint (count_marks (left, VR_COMPARE_MARK_INSERTED), ==, 0);
  g_assert_cmpuint (count_marks (right, VR_COMPARE_MARK_DELETED), ==, 0);
  /* Drawn apart by shape, not only colour: struck through against
   * underlined twice. */
  row = find_row (&f, 1);
  left_label = vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT);
  right_label = vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT);
  g_assert_true (label_has_attr (left_label, PANGO_ATTR_STRIKETHROUGH, TRUE, 20, 28));
  g_assert_true (label_has_attr (right_label, PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_DOUBLE, 25, 33));
  g_assert_false (label_has_attr (left_label, PANGO_ATTR_STRIKETHROUGH, TRUE, 30, 38));

  /* The toggle hides them, in the data and on screen. */
  {
    GtkWidget *check = NULL;
    g_autoptr(GArray) hidden = NULL;

    check = find_widget (GTK_WIDGET (f.view), GTK_TYPE_CHECK_BUTTON);
    g_assert_nonnull (check);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    flush_events ();
    g_assert_false (vr_compare_view_get_show_differences (f.view));
    hidden = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_LEFT, 1);
    g_assert_cmpuint (count_marks (hidden, VR_COMPARE_MARK_DELETED), ==, 0);
    row = find_row (&f, 1);
    g_assert_false (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT),
                                    PANGO_ATTR_STRIKETHROUGH, TRUE, 20, 28));
    g_assert_false (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT),
                                    PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_DOUBLE, 25, 33));
    /* Mentions keep their colours. */
    g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT),
                                   PANGO_ATTR_UNDERLINE, PANGO_UNDERLINE_SINGLE, 62, 73));
  }

  fixture_close (&f);
}

static gboolean
all_selected (GArray     *marks,
              const char *entity_id,
              guint      *n)
{
  *n = 0;
  for (guint i = 0; i < marks->len; i++)
    {
      const VrCompareMark *mark = &g_array_index (marks, VrCompareMark, i);

      if (mark->entity_id == NULL)
        continue;
      if (mark->selected != g_str_equal (mark->entity_id, entity_id))
        return FALSE;
      if (mark->selected)
        (*n)++;
    }

  return TRUE;
}

static void
test_compare_selection (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) right = NULL;
  VrCompareRow *row;
  guint n_left, n_right;

  fixture_open (&f, load (file));

  /* A click on “Yun” on the right (what the row reports) selects him. */
  row = find_row (&f, 1);
  g_signal_emit_by_name (row, "entity-activated", "yun-gong-heum");
  flush_events ();
  g_assert_nonnull (vr_compare_view_get_selected_entity (f.view));
  g_assert_cmpstr (vr_entity_get_id (vr_compare_view_get_selected_entity (f.view)), ==, "yun-gong-heum");

  /* Highlighted on both sides, and nothing else is. */
  left = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_LEFT, 1);
  right = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_RIGHT, 1);
  g_assert_true (all_selected (left, "yun-gong-heum", &n_left));
  g_assert_true (all_selected (right, "yun-gong-heum", &n_right));
  g_assert_cmpuint (n_left, ==, 1);
  g_assert_cmpuint (n_right, ==, 1);

  row = find_row (&f, 1);
  g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT),
                                 PANGO_ATTR_BACKGROUND, -1, 0, 3));
  g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT),
                                 PANGO_ATTR_FOREGROUND, -1, 0, 3));
  g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT),
                                 PANGO_ATTR_FOREGROUND, -1, 14, 17));
  g_assert_false (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT),
                                  PANGO_ATTR_FOREGROUND, -1, 67, 78));

  /* Another entity replaces the highlight. */
  vr_compare_view_set_selected_entity (f.view, vr_document_lookup_entity (f.document, "kim-il-sung"));
  row = find_row (&f, 1);
  g_assert_false (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT),
                                  PANGO_ATTR_FOREGROUND, -1, 0, 3));
  g_assert_true (label_has_attr (vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT),
                                 PANGO_ATTR_FOREGROUND, -1, 67, 78));

  fixture_close (&f);
}

static gboolean
not_loading (gpointer data)
{
  return !vr_compare_view_get_loading (data);
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_compare_load_file (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  g_autoptr(GFile) other = compare_fixture ("align-by-id.json");
  AdwMessageDialog *dialog;
  const char *body;
  g_autofree char *text = NULL;

  fixture_open (&f, load (file));
  choose (&f, VR_COMPARE_SIDE_RIGHT, "Normalized reading — RR");

  vr_compare_view_load_file (f.view, VR_COMPARE_SIDE_RIGHT, other);
  g_assert_true (vr_compare_view_get_loading (f.view));
  iterate_until (not_loading, f.view);
  flush_events ();

  /* The other file's versions are choices; the first one is shown. */
  g_assert_cmpuint (vr_compare_view_get_choice (f.view, VR_COMPARE_SIDE_RIGHT), ==,
                    find_choice (&f, "Second English rendering (test fixture, invented) (en) — align-by-id.json"));
  find_choice (&f, "French (test fixture) (fr) — align-by-id.json");
  g_assert_cmpuint (find_choice (&f, "Load from File…") + 1, ==,
                    g_list_model_get_n_items (vr_compare_view_get_choices (f.view)));

  /* Aligned by id: p3 is missing there, so paragraph 3 faces nothing. */
  g_assert_cmpstr (row_text (&f, 1, VR_COMPARE_SIDE_RIGHT), ==,
                   "The speech of Yun caused an angry reaction from the CC leadership. "
                   "Kim Il Sung interrupted him and spoke of Stalin.");
  text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_RIGHT, 2);
  g_assert_null (text);
  g_assert_cmpstr (row_text (&f, 2, VR_COMPARE_SIDE_RIGHT), ==, "No counterpart in the other file");
  g_assert_cmpstr (row_text (&f, 3, VR_COMPARE_SIDE_RIGHT), ==,
                   "So Hwi and Kim [Gan] crossed the border into China.");

  /* What did not align is reported, in plain text. */
  dialog = find_dialog (f.window);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "align-by-id.json"));
  g_assert_nonnull (strstr (body, "4 of 5 paragraphs"));
  g_assert_nonnull (strstr (body, "“p3”"));
  g_assert_nonnull (strstr (body, "“p6”"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The loaded version is compared word by word with the left. */
  {
    g_autoptr(GArray) marks = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_RIGHT, 1);
    g_autofree char *right = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_RIGHT, 1);

    g_assert_nonnull (find_mark (marks, right, VR_COMPARE_MARK_INSERTED, "an angry", 0));
    /* Its mentions come from its own file. */
    g_assert_nonnull (find_mark (marks, right, VR_COMPARE_MARK_MENTION, "Kim Il Sung", 0));
  }

  fixture_close (&f);
}

static void
test_compare_load_bad_file (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  g_autoptr(GFile) broken = ui_fixture ("broken.json");
  g_autoptr(GFile) missing = ui_fixture ("no-such-file.json");
  AdwMessageDialog *dialog;
  guint n_choices, right;

  fixture_open (&f, load (file));
  n_choices = g_list_model_get_n_items (vr_compare_view_get_choices (f.view));
  right = vr_compare_view_get_choice (f.view, VR_COMPARE_SIDE_RIGHT);

  vr_compare_view_load_file (f.view, VR_COMPARE_SIDE_RIGHT, broken);
  iterate_until (not_loading, f.view);
  flush_events ();

  dialog = find_dialog (f.window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.json"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  vr_compare_view_load_file (f.view, VR_COMPARE_SIDE_RIGHT, missing);
  iterate_until (not_loading, f.view);
  flush_events ();
  dialog = find_dialog (f.window);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Nothing changed. */
  g_assert_cmpuint (g_list_model_get_n_items (vr_compare_view_get_choices (f.view)), ==, n_choices);
  g_assert_cmpuint (vr_compare_view_get_choice (f.view, VR_COMPARE_SIDE_RIGHT), ==, right);
  g_assert_nonnull (find_row (&f, 0));

  fixture_close (&f);
}

static void
test_compare_markup_literal (void)
{
  Fixture f = { 0, };
  g_autoptr(GFile) file = ui_fixture ("compare-markup.json");
  VrCompareRow *row;
  VrCompareText *label;

  fixture_open (&f, load (file));
  find_choice (&f, "Test <b>version</b> & one (en)");

  row = find_row (&f, 0);
  g_assert_nonnull (row);
  label = vr_compare_row_get_text (row, VR_COMPARE_SIDE_LEFT);
  g_assert_cmpstr (vr_compare_text_get_text (label), ==, "Yun <b>spoke</b> & left <unclosed");
  label = vr_compare_row_get_text (row, VR_COMPARE_SIDE_RIGHT);
  g_assert_cmpstr (vr_compare_text_get_text (label), ==, "Yun <i>spoke</i> &amp; left");

  /* Tooltips are plain text too. */
  {
    g_autoptr(GArray) marks = vr_compare_view_get_marks (f.view, VR_COMPARE_SIDE_LEFT, 0);
    g_autofree char *text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_LEFT, 0);
    const VrCompareMark *mark = find_mark (marks, text, VR_COMPARE_MARK_MENTION, "Yun", 0);

    g_assert_nonnull (mark);
    g_assert_cmpstr (mark->tooltip, ==, "Yun <Gong> & heum");
  }

  fixture_close (&f);
}

/* A long document: only the rows on screen are made. */
static void
test_compare_large_document (void)
{
  Fixture f = { 0, };
  VrDocument *document = vr_document_new ();
  g_autoptr(VrVersion) en = vr_version_new ("en");
  g_autoptr(VrVersion) alt = vr_version_new ("alt");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  vr_document_add_version (document, en);
  vr_document_add_version (document, alt);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      g_autofree char *a = g_strdup_printf ("Paragraph %u says the plenum met and argued at length.", i + 1);
      g_autofree char *b = g_strdup_printf ("Paragraph %u says the plenum met and quarrelled at length.", i + 1);
      g_autoptr(VrParagraph) paragraph = vr_paragraph_new (id);

      vr_paragraph_set_text (paragraph, "en", a);
      vr_paragraph_set_text (paragraph, "alt", b);
      vr_document_add_paragraph (document, paragraph);
    }

  fixture_open (&f, document);
  collect_rows (vr_compare_view_get_list_view (f.view), rows);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 200);
  g_assert_nonnull (find_row (&f, 0));
  g_assert_cmpstr (row_text (&f, 0, VR_COMPARE_SIDE_RIGHT), ==,
                   "Paragraph 1 says the plenum met and quarrelled at length.");

  /* The last paragraph pairs too, without being on screen. */
  {
    g_autofree char *text = vr_compare_view_dup_text (f.view, VR_COMPARE_SIDE_LEFT, 1999);

    g_assert_cmpstr (text, ==, "Paragraph 2000 says the plenum met and argued at length.");
  }

  fixture_close (&f);
}

static gboolean
window_not_loading (gpointer data)
{
  return !vr_window_get_loading (data);
}

static void
test_compare_window (void)
{
  g_autoptr(GFile) file = compare_fixture ("two-versions.json");
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));
  GtkStack *stack = _vr_window_get_stack (window);
  VrCompareView *view = _vr_window_get_compare_view (window);
  VrReaderView *reader = _vr_window_get_reader_view (window);
  g_auto(GStrv) accels = NULL;
  VrEntity *entity;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "compare"));

  vr_window_open_file (window, file);
  iterate_until (window_not_loading, window);
  flush_events ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "compare"));
  /* Not laid out before it is opened. */
  g_assert_null (vr_compare_view_get_document (view));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.compare");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>k"));

  /* The reader's selection comes along. */
  entity = vr_document_lookup_entity (vr_window_get_document (window), "so-hwi");
  vr_reader_view_select_entity (reader, entity);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "compare");
  g_assert_true (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window), "compare")));
  g_assert_true (vr_compare_view_get_selected_entity (view) == entity);
  g_assert_true (vr_compare_view_get_document (view) == vr_window_get_document (window));

  /* Entering puts the focus on the left dropdown; Tab reaches the right
   * one. GTK orders Tab by position: the page must be laid out. */
  {
    GtkWidget *left = vr_compare_view_get_drop_down (view, VR_COMPARE_SIDE_LEFT);
    GtkWidget *right = vr_compare_view_get_drop_down (view, VR_COMPARE_SIDE_RIGHT);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, left));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
    flush_events ();
    /* Within a few presses: GTK's order among widgets on one row depends
     * on allocations that a transition may still be moving. */
    for (guint i = 0; i < 4; i++)
      {
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
        focus = gtk_root_get_focus (GTK_ROOT (window));
        if (focus != NULL && gtk_widget_is_ancestor (focus, right))
          break;
      }
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, right));
  }

  /* The reader's zoom applies here too, to the text on screen. */
  {
    GSettings *settings = vr_application_get_settings (app);
    GtkWidget *list = vr_compare_view_get_list_view (view);
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    VrCompareText *text;
    int before, after;

    collect_rows (list, rows);
    g_assert_cmpuint (rows->len, >, 0);
    text = vr_compare_row_get_text (g_ptr_array_index (rows, 0), VR_COMPARE_SIDE_LEFT);
    gtk_widget_measure (GTK_WIDGET (text), GTK_ORIENTATION_VERTICAL, 300, &before, NULL, NULL, NULL);

    g_settings_set_double (settings, "zoom", 2.0);
    g_assert_cmpfloat (vr_compare_view_get_zoom (view), ==, 2.0);
    gtk_widget_measure (GTK_WIDGET (text), GTK_ORIENTATION_VERTICAL, 300, &after, NULL, NULL, NULL);
    g_assert_cmpint (after, >, before);

    g_settings_reset (settings, "zoom");
    g_assert_cmpfloat (vr_compare_view_get_zoom (view), ==, 1.0);
  }

  /* A selection made here is the reader's when going back. */
  entity = vr_document_lookup_entity (vr_window_get_document (window), "kim-gan");
  vr_compare_view_set_selected_entity (view, entity);
  g_assert_true (vr_reader_view_get_selected_entity (reader) == entity);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "document");

  /* Closing the document leaves the comparison. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "compare");
  vr_window_set_document (window, NULL);
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (vr_compare_view_get_document (view));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "compare"));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static char *
isolate_user_dirs (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("variorum-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);

  return dir;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = isolate_user_dirs ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestCompare", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/compare/rows-pair-paragraphs", test_compare_rows_pair_paragraphs);
  g_test_add_func ("/compare/choices", test_compare_choices);
  g_test_add_func ("/compare/normalized-marks", test_compare_normalized_marks);
  g_test_add_func ("/compare/word-diff", test_compare_word_diff);
  g_test_add_func ("/compare/selection", test_compare_selection);
  g_test_add_func ("/compare/load-file", test_compare_load_file);
  g_test_add_func ("/compare/load-bad-file", test_compare_load_bad_file);
  g_test_add_func ("/compare/markup-literal", test_compare_markup_literal);
  g_test_add_func ("/compare/large-document", test_compare_large_document);
  g_test_add_func ("/compare/window", test_compare_window);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
