/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-untrusted"

#include "config.h"

#include <adwaita.h>

#include "vr-application-private.h"
#include "vr-citation.h"
#include "vr-entity-sidebar.h"
#include "vr-metadata-panel.h"
#include "vr-text-view.h"
#include "vr-window-private.h"
#include "print/vr-handout-private.h"

/* A document is data from outside: every widget that shows its text shows
 * it literally. fixtures/hostile.json holds markup-like text, entities,
 * quotes, control characters, bidi overrides and isolates, long combining
 * sequences, zero-width joiners and a 10,000-character line, in every
 * place a document has text. A label that parsed any of it as markup
 * either warns (fatal here) or shows one of the PARSED forms below. */

#define TITLE       "Title <b>T1</b> &amp; <span foreground=\"red\">R1</span> \"q\" 'a'"
#define KIM         "Kim <b>Il</b> & \"Sung\""
#define KIM2        "Kim&amp;Il"
#define PARTY       "<i>Party</i> & Co"
#define EVENT       "<a href=\"x\">Event</a>"
#define KIM_DESC    "<span foreground=\"red\">Leader</span> &amp; \u202eevil\u202c"
#define FIELD_LABEL "Label <b>L1</b>"
#define FIELD_VALUE "Value &amp; <big>V1</big>"
#define REPOSITORY  "Repo <b>Rp</b> & <Co>"
#define AUTHOR      "Author <b>A1</b> & Co"
#define NOTE        "Note <b>N1</b> &amp; <span foreground=\"red\">R</span>"

/* What a label would show had it parsed the text above as markup. */
static const char *parsed_forms[] = {
  "Title T1 & R1",
  "Kim&Il",
  "Value & V1",
  "Desc D2",
  "English E1",
  "Archive & Ar",
  "Top Secret",
  "Note VN &",
  "Leader & ",
  "U1 Recipient",
  "Note N1 & R",
  "Label L1",
};

static VrApplication *app;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  /* Wakes the loop, so that the deadline is checked with nothing else
   * happening, and conditions on files are looked at again. */
  guint tick = g_timeout_add (50, tick_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
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

static void
add_text (GString    *all,
          const char *text)
{
  if (text == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (parsed_forms); i++)
    if (strstr (text, parsed_forms[i]) != NULL)
      g_error ("“%s” shows “%s”: document text was parsed as markup", text, parsed_forms[i]);

  g_string_append (all, text);
  g_string_append_c (all, '\n');
}

/* Every text the tree under @widget shows: labels, entries, text views,
 * tooltips. */
static void
collect (GtkWidget *widget,
         GString   *all)
{
  if (GTK_IS_LABEL (widget))
    add_text (all, gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget))
    add_text (all, gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      add_text (all, text);
    }

  if (gtk_widget_get_tooltip_markup (widget) != NULL)
    {
      g_autofree char *text = NULL;

      /* A markup tooltip must parse: anything from the document in it was
       * escaped. */
      g_assert_true (pango_parse_markup (gtk_widget_get_tooltip_markup (widget), -1, 0,
                                         NULL, &text, NULL, NULL));
      add_text (all, text);
    }
  add_text (all, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, all);
}

static void
assert_shows (const char *all,
              const char *literal)
{
  if (strstr (all, literal) == NULL)
    g_error ("“%s” is not shown as is", literal);
}

static VrWindow *
open_hostile (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "hostile.json", NULL);
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
test_untrusted_window (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  VrWindow *window = open_hostile ();
  VrReaderView *view = _vr_window_get_reader_view (window);
  VrDocument *document = vr_window_get_document (window);
  VrEntity *kim = vr_document_lookup_entity (document, "kim");

  /* The window's title, and its name in the task switcher. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, TITLE " — Variorum");

  /* Every panel, with a name selected: its forms and mentions in context. */
  vr_reader_view_set_show_entities (view, TRUE);
  vr_reader_view_set_show_details (view, TRUE);
  vr_reader_view_select_entity (view, kim);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  flush_events ();
  collect (GTK_WIDGET (window), all);

  vr_reader_view_set_show_spellings (view, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  flush_events ();
  collect (GTK_WIDGET (window), all);

  assert_shows (all->str, TITLE);
  assert_shows (all->str, KIM);
  assert_shows (all->str, KIM2);
  assert_shows (all->str, PARTY);
  assert_shows (all->str, EVENT);
  assert_shows (all->str, KIM_DESC);
  assert_shows (all->str, FIELD_LABEL);
  assert_shows (all->str, FIELD_VALUE);
  assert_shows (all->str, REPOSITORY);
  assert_shows (all->str, AUTHOR);
  /* The text: markup-like, combining, bidi and the long line, as is. */
  assert_shows (all->str, "Heading <b>H1</b> &amp; \u2067isolate\u2069");
  assert_shows (all->str, "\u202eRLO text\u202c");
  assert_shows (all->str, "Long: <b>x</b> &amp; <b>x</b>");

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static void
test_untrusted_card_and_citation (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GtkWidget) card = NULL;
  g_autofree char *note = NULL;
  g_autofree char *bibliography = NULL;
  VrWindow *window = open_hostile ();
  VrReaderView *view = _vr_window_get_reader_view (window);
  VrTextView *text_view = VR_TEXT_VIEW (vr_reader_view_get_text_view (view));
  VrDocument *document = vr_window_get_document (window);
  VrMention *mention;

  /* The hover card of the first "Kim <b>Il</b>…" */
  mention = vr_text_view_get_mention_at_offset (text_view, vr_text_view_get_paragraph_offset (text_view, 1) + 6);
  g_assert_nonnull (mention);
  card = g_object_ref_sink (vr_text_view_create_mention_card (text_view, mention));
  collect (card, all);
  assert_shows (all->str, KIM);
  assert_shows (all->str, KIM_DESC);

  note = vr_citation_format_note (vr_document_get_metadata (document));
  bibliography = vr_citation_format_bibliography (vr_document_get_metadata (document));
  g_assert_nonnull (strstr (note, "<b>T1</b> &amp;"));
  g_assert_nonnull (strstr (bibliography, "<b>T1</b> &amp;"));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static void
test_untrusted_tag_popover (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  VrWindow *window = open_hostile ();
  VrTextView *view = VR_TEXT_VIEW (vr_reader_view_get_text_view (_vr_window_get_reader_view (window)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  int base = vr_text_view_get_paragraph_offset (view, 1);
  GtkWidget *popover;
  GtkTextIter start, end;

  /* "Kim&amp;Il" in the second paragraph: "Here " KIM " met " KIM2 */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, base + 32);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, base + 42);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL));
  flush_events ();

  popover = _vr_window_get_tag_popover (window);
  g_assert_nonnull (popover);
  gtk_test_widget_wait_for_draw (popover);
  collect (popover, all);
  /* The span to tag, and the entities it could be tagged with. */
  assert_shows (all->str, KIM2);
  assert_shows (all->str, KIM " (Person)");
  assert_shows (all->str, PARTY " (Organization)");
  assert_shows (all->str, EVENT " (Event)");

  gtk_popover_popdown (GTK_POPOVER (popover));
  flush_events ();
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static GString *
collect_dialog (gpointer dialog)
{
  GString *all = g_string_new (NULL);

  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  collect (GTK_WIDGET (dialog), all);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();

  return all;
}

static void
test_untrusted_edit_dialogs (void)
{
  VrWindow *window = open_hostile ();
  VrDocument *document = vr_window_get_document (window);
  GtkWidget *panel;
  GString *all;

  /* The forms that edit an entity and the details hold the text as is. */
  all = collect_dialog (_vr_window_edit_entity (window, vr_document_lookup_entity (document, "kim")));
  assert_shows (all->str, KIM);
  assert_shows (all->str, KIM_DESC);
  g_string_free (all, TRUE);

  /* The details panel in its edit mode: its entries hold the text as is. */
  panel = vr_reader_view_get_metadata_panel (_vr_window_get_reader_view (window));
  vr_metadata_panel_set_editing (VR_METADATA_PANEL (panel), TRUE);
  flush_events ();
  all = g_string_new (NULL);
  collect (panel, all);
  assert_shows (all->str, TITLE);
  assert_shows (all->str, FIELD_LABEL);
  assert_shows (all->str, FIELD_VALUE);
  g_string_free (all, TRUE);
  vr_metadata_panel_set_editing (VR_METADATA_PANEL (panel), FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static void
test_untrusted_handout (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "hostile.json", NULL);
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(VrHandout) handout = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_pages;

  document = vr_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  handout = vr_handout_new (document);
  vr_handout_set_include_people (handout, TRUE);
  vr_handout_set_include_notes (handout, TRUE);
  n_pages = vr_handout_paginate (handout, 0, 0);
  g_assert_cmpuint (n_pages, >, 0);

  /* The laid-out text of every block: Pango never saw markup. */
  for (guint i = 0; i < handout->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (handout->blocks, i);

      add_text (all, pango_layout_get_text (block->layout));
    }

  assert_shows (all->str, TITLE);
  assert_shows (all->str, KIM);
  assert_shows (all->str, "Heading <b>H1</b> &amp;");
  assert_shows (all->str, "Long: <b>x</b> &amp; <b>x</b>");
  assert_shows (all->str, NOTE);

  /* And drawing every page does not fail. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 800);
    cairo_t *cr = cairo_create (surface);

    for (guint page = 0; page < n_pages; page++)
      vr_handout_draw_page (handout, cr, page);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("variorum-untrusted-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestUntrusted", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/untrusted/window", test_untrusted_window);
  g_test_add_func ("/untrusted/card-and-citation", test_untrusted_card_and_citation);
  g_test_add_func ("/untrusted/edit-dialogs", test_untrusted_edit_dialogs);
  g_test_add_func ("/untrusted/tag-popover", test_untrusted_tag_popover);
  g_test_add_func ("/untrusted/handout", test_untrusted_handout);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
