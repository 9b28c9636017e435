/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-present"

#include "config.h"

#include <adwaita.h>

#include "vr-application-private.h"
#include "vr-window-private.h"
#include "vr-text-view.h"
#include "present/vr-presentation-window-private.h"

/* Presentation mode as a teacher drives it: F5 from the desk, the keys of
 * a slide show, names glossed on demand, back to the desk where it ended. */

static VrApplication *app;

static GSettings *
settings (void)
{
  return vr_application_get_settings (app);
}

static void
reset_settings (void)
{
  g_settings_reset (settings (), "zoom");
  g_settings_reset (settings (), "presentation-zoom");
}

static GFile *
sample_file (void)
{
  const char *sample = g_getenv ("VARIORUM_SAMPLE");

  g_assert_nonnull (sample);
  return g_file_new_for_path (sample);
}

/* Bounded generously: a loaded machine lays the first text out slowly
 * (fonts are cached anew in the test's own home). */
static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

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

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static VrWindow *
open_sample (void)
{
  g_autoptr(GFile) file = sample_file ();
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, file);
  iterate_until (not_loading, window);
  g_assert_nonnull (vr_window_get_document (window));
  iterate_until (is_mapped, window);

  return window;
}

static void
close_window (VrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static VrPresentationWindow *
presentation_of (VrWindow *window)
{
  GtkWidget *presentation = _vr_window_get_presentation (window);

  return presentation ? VR_PRESENTATION_WINDOW (presentation) : NULL;
}

/* The action a key runs in @widget's shortcut controllers: what pressing
 * it does, without synthesizing an event. */
static const char *
action_for_key (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          /* Ahead of the focused widget and the window's Tab handling. */
          g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }

  return NULL;
}

static void
press (VrPresentationWindow *presentation,
       guint                 keyval,
       GdkModifierType       modifiers)
{
  const char *action = action_for_key (GTK_WIDGET (presentation), keyval, modifiers);

  if (action == NULL)
    g_error ("no shortcut for %s", gdk_keyval_name (keyval));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), action, NULL));
}

static guint
paragraph_of_entity (VrDocument *document,
                     const char *entity_id)
{
  VrEntity *entity = vr_document_lookup_entity (document, entity_id);
  g_autoptr(VrMention) mention = NULL;

  g_assert_nonnull (entity);
  mention = g_list_model_get_item (vr_entity_get_mentions (entity), 0);
  g_assert_nonnull (mention);

  return vr_document_get_paragraph_index (document, vr_mention_get_paragraph (mention));
}

static const char *
paragraph_text (VrDocument *document,
                guint       index)
{
  g_autoptr(VrParagraph) paragraph = g_list_model_get_item (vr_document_get_paragraphs (document), index);
  VrVersion *version = vr_document_get_default_version (document);

  return vr_paragraph_get_text (paragraph, vr_version_get_id (version));
}

static void
test_present_enter_leave_action (void)
{
  VrWindow *window = open_sample ();
  VrPresentationWindow *presentation;

  reset_settings ();

  /* No document, nothing to present. */
  {
    VrWindow *empty = vr_window_new (GTK_APPLICATION (app));

    g_assert_false (gtk_widget_get_visible (empty->present_button));
    g_assert_false (gtk_widget_is_sensitive (empty->present_button));
    _vr_window_enter_presentation (empty);
    g_assert_null (_vr_window_get_presentation (empty));
    gtk_window_destroy (GTK_WINDOW (empty));
  }

  g_assert_null (presentation_of (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = presentation_of (window);
  g_assert_nonnull (presentation);
  g_assert_true (vr_presentation_window_get_document (presentation) == vr_window_get_document (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presentation)));
  iterate_until (is_mapped, presentation);

  /* No panels: the presentation is the text and its paragraph number. */
  g_assert_cmpuint (vr_presentation_window_get_n_paragraphs (presentation), ==, 61);
  g_assert_cmpstr (vr_presentation_window_get_position_text (presentation), ==, "¶ 1 of 61");
  g_assert_cmpstr (gtk_label_get_text (_vr_presentation_window_get_text_label (presentation)), ==,
                   paragraph_text (vr_window_get_document (window), 0));

  /* The same action again leaves, and the window goes with nothing kept. */
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  flush_events ();
  g_assert_null (presentation_of (window));
  g_assert_null (presentation);

  /* And the presentation's own action (what F5 runs there). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = presentation_of (window);
  g_assert_nonnull (presentation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL));
  flush_events ();
  g_assert_null (presentation_of (window));

  close_window (window);
}

static void
test_present_enter_leave_keys (void)
{
  VrWindow *window = open_sample ();
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.present");
  VrPresentationWindow *presentation;

  reset_settings ();

  /* F5 on the desk, as the menu and the header button's tooltip say. */
  g_assert_true (g_strv_contains ((const char * const *) accels, "F5"));

  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  g_assert_nonnull (presentation);

  /* Escape leaves when no gloss is open. */
  press (presentation, GDK_KEY_Escape, 0);
  flush_events ();
  g_assert_null (presentation_of (window));

  /* F5 leaves too. */
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  g_assert_nonnull (presentation);
  g_assert_cmpstr (action_for_key (GTK_WIDGET (presentation), GDK_KEY_F5, 0), ==, "presentation.leave");
  press (presentation, GDK_KEY_F5, 0);
  flush_events ();
  g_assert_null (presentation_of (window));

  close_window (window);
}

/* The text view lays its lines out bit by bit after a scroll: wait until
 * the cursor's line is really in sight. */
static gboolean
cursor_in_view (gpointer data)
{
  GtkTextView *view = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, cursor;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &cursor);
  if (visible.height > 0 && cursor.y >= visible.y && cursor.y + cursor.height <= visible.y + visible.height)
    return TRUE;

  /* A scroll asked before the view had its size is dropped: ask again. */
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));

  return FALSE;
}

static void
show_on_desk (VrWindow *window,
              guint     index)
{
  VrTextView *view = VR_TEXT_VIEW (vr_reader_view_get_text_view (_vr_window_get_reader_view (window)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, vr_text_view_get_paragraph_offset (view, index));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (view), gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.0);
  iterate_until (cursor_in_view, view);
}

static void
test_present_starts_and_returns_at_paragraph (void)
{
  VrWindow *window = open_sample ();
  VrTextView *view = VR_TEXT_VIEW (vr_reader_view_get_text_view (_vr_window_get_reader_view (window)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  VrPresentationWindow *presentation;
  GtkTextIter cursor;

  reset_settings ();

  /* The desk shows ¶ 12: the presentation starts there. */
  show_on_desk (window, 11);
  g_assert_cmpuint (_vr_window_get_shown_paragraph (window), ==, 11);
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  g_assert_cmpuint (vr_presentation_window_get_paragraph (presentation), ==, 11);
  g_assert_cmpstr (vr_presentation_window_get_position_text (presentation), ==, "¶ 12 of 61");

  /* The desk says what the class sees and what comes next. */
  g_assert_true (gtk_widget_get_visible (window->present_status));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window->present_status)), ==, "Presenting ¶ 12 · next ¶ 13");
  press (presentation, GDK_KEY_space, 0);
  press (presentation, GDK_KEY_space, 0);
  press (presentation, GDK_KEY_space, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window->present_status)), ==, "Presenting ¶ 15 · next ¶ 16");
  press (presentation, GDK_KEY_End, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window->present_status)), ==, "Presenting ¶ 61 · the last");
  press (presentation, GDK_KEY_Home, 0);
  vr_presentation_window_set_paragraph (presentation, 14);

  /* Leaving puts the desk at ¶ 15, with the keyboard focus in the text. */
  press (presentation, GDK_KEY_Escape, 0);
  flush_events ();
  g_assert_null (presentation_of (window));
  g_assert_false (gtk_widget_get_visible (window->present_status));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, vr_text_view_get_paragraph_offset (view, 14));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (view));
  iterate_until (cursor_in_view, view);
  g_assert_cmpuint (_vr_window_get_shown_paragraph (window), ==, 14);

  close_window (window);
}

/* The neighbours are shown dimmed around the focused paragraph, which is
 * not: the end of the previous one above, the start of the next below. */
static void
assert_context (VrPresentationWindow *presentation,
                VrDocument           *document,
                guint                 index)
{
  GtkWidget *focused = GTK_WIDGET (_vr_presentation_window_get_text_label (presentation));
  GtkWidget *previous = GTK_WIDGET (_vr_presentation_window_get_context_label (presentation, FALSE));
  GtkWidget *next = GTK_WIDGET (_vr_presentation_window_get_context_label (presentation, TRUE));

  g_assert_false (gtk_widget_has_css_class (focused, "dimmed"));

  if (index == 0)
    g_assert_false (gtk_widget_is_visible (previous));
  else
    {
      const char *shown = gtk_label_get_text (GTK_LABEL (previous));
      const char *text = paragraph_text (document, index - 1);

      g_assert_true (gtk_widget_is_visible (previous));
      g_assert_true (gtk_widget_has_css_class (previous, "dimmed"));
      /* Its end, possibly cut at the front with an ellipsis. */
      if (g_str_has_prefix (shown, "…"))
        shown += strlen ("…");
      g_assert_cmpuint (strlen (shown), >, 0);
      g_assert_true (g_str_has_suffix (text, shown));
    }

  if (index + 1 >= vr_presentation_window_get_n_paragraphs (presentation))
    g_assert_false (gtk_widget_is_visible (next));
  else
    {
      g_assert_true (gtk_widget_is_visible (next));
      g_assert_true (gtk_widget_has_css_class (next, "dimmed"));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (next)), ==, paragraph_text (document, index + 1));
    }
}

static void
assert_at (VrPresentationWindow *presentation,
           VrDocument           *document,
           guint                 index)
{
  g_autofree char *position = g_strdup_printf ("¶ %u of 61", index + 1);

  g_assert_cmpuint (vr_presentation_window_get_paragraph (presentation), ==, index);
  g_assert_cmpstr (vr_presentation_window_get_position_text (presentation), ==, position);
  /* What is shown, not only what is counted. */
  g_assert_cmpstr (gtk_label_get_text (_vr_presentation_window_get_text_label (presentation)), ==,
                   paragraph_text (document, index));
  assert_context (presentation, document, index);
}

static void
test_present_stepping (void)
{
  const guint forward[] = { GDK_KEY_space, GDK_KEY_Page_Down, GDK_KEY_Down, GDK_KEY_Right };
  const guint back[] = { GDK_KEY_Page_Up, GDK_KEY_Up, GDK_KEY_Left };
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrPresentationWindow *presentation;
  guint expected = 0;

  reset_settings ();
  /* Small type: every paragraph fits, so each key is one step. */
  g_settings_set_double (settings (), "presentation-zoom", 0.5);

  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  iterate_until (is_mapped, presentation);
  assert_at (presentation, document, 0);

  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    {
      press (presentation, forward[i], 0);
      assert_at (presentation, document, ++expected);
    }

  press (presentation, GDK_KEY_space, GDK_SHIFT_MASK);
  assert_at (presentation, document, --expected);
  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    {
      press (presentation, back[i], 0);
      assert_at (presentation, document, --expected);
    }
  g_assert_cmpuint (expected, ==, 0);

  /* Back from the first stays there. */
  press (presentation, GDK_KEY_Page_Up, 0);
  assert_at (presentation, document, 0);

  press (presentation, GDK_KEY_End, 0);
  assert_at (presentation, document, 60);
  press (presentation, GDK_KEY_space, 0);
  assert_at (presentation, document, 60);
  press (presentation, GDK_KEY_Home, 0);
  assert_at (presentation, document, 0);

  reset_settings ();
  close_window (window);
}

static gboolean
has_scroll_room (gpointer data)
{
  GtkAdjustment *adj = data;

  return gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj) + 1.0 &&
         gtk_adjustment_get_page_size (adj) > 0.0;
}

static GtkAdjustment *
find_vadjustment (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *found = find_vadjustment (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_present_paging (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrPresentationWindow *presentation;
  GtkAdjustment *adj;
  guint longest = 0;
  gsize longest_len = 0;
  guint steps = 0;

  reset_settings ();
  g_settings_set_double (settings (), "presentation-zoom", 3.0);

  for (guint i = 0; i < 61; i++)
    if (strlen (paragraph_text (document, i)) > longest_len)
      {
        longest = i;
        longest_len = strlen (paragraph_text (document, i));
      }

  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  gtk_window_set_default_size (GTK_WINDOW (presentation), 800, 600);
  vr_presentation_window_set_paragraph (presentation, longest);
  iterate_until (is_mapped, presentation);
  adj = find_vadjustment (GTK_WIDGET (presentation));
  g_assert_nonnull (adj);
  iterate_until (has_scroll_room, adj);

  /* Taller than the screen: it says so, and Space pages through it
   * before the next one. */
  g_assert_true (gtk_widget_get_visible (_vr_presentation_window_get_more_below (presentation)));
  press (presentation, GDK_KEY_space, 0);
  g_assert_cmpuint (vr_presentation_window_get_paragraph (presentation), ==, longest);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0.0);

  while (vr_presentation_window_get_paragraph (presentation) == longest)
    {
      gboolean at_end = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj)
                        >= gtk_adjustment_get_upper (adj) - 1.0;

      g_assert_true (gtk_widget_get_visible (_vr_presentation_window_get_more_below (presentation)) == !at_end);
      g_assert_cmpuint (++steps, <, 50);
      press (presentation, GDK_KEY_space, 0);
    }
  g_assert_cmpuint (vr_presentation_window_get_paragraph (presentation), ==, longest + 1);
  /* A new paragraph starts at its top. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0.0);

  reset_settings ();
  close_window (window);
}

/* Tab through the names of the paragraph to @entity_id's, then Return. */
static void
gloss_by_keyboard (VrPresentationWindow *presentation,
                   const char           *entity_id)
{
  VrDocument *document = vr_presentation_window_get_document (presentation);
  VrEntity *entity = vr_document_lookup_entity (document, entity_id);
  guint tabs = 0;

  vr_presentation_window_set_paragraph (presentation, paragraph_of_entity (document, entity_id));
  g_assert_null (vr_presentation_window_get_focused_mention (presentation));

  do
    {
      g_assert_cmpuint (++tabs, <, 40);
      press (presentation, GDK_KEY_Tab, 0);
    }
  while (vr_mention_get_entity (vr_presentation_window_get_focused_mention (presentation)) != entity);

  g_assert_null (vr_presentation_window_get_gloss_entity (presentation));
  press (presentation, GDK_KEY_Return, 0);
  g_assert_true (vr_presentation_window_get_gloss_entity (presentation) == entity);
  g_assert_true (gtk_widget_is_visible (_vr_presentation_window_get_gloss_card (presentation)));
}

static GtkLabel *
gloss_label (VrPresentationWindow *presentation,
             VrGlossLabel          which)
{
  return _vr_presentation_window_get_gloss_label (presentation, which);
}

static void
test_present_gloss_hangul (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrEntity *yun = vr_document_lookup_entity (document, "yun-gong-heum");
  g_autoptr(VrRomanization) roman = NULL;
  g_autoptr(GError) error = NULL;
  VrPresentationWindow *presentation;

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);

  gloss_by_keyboard (presentation, "yun-gong-heum");

  roman = vr_romanize_hangul ("윤공흠", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vr_entity_get_hangul (yun), ==, "윤공흠");

  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_NAME)), ==, "Yun Gong-heum");
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_HANGUL)), ==, "윤공흠");
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_RR)), ==, roman->rr);
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_MR)), ==, roman->mr);
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_DESCRIPTION)), ==,
                   vr_entity_get_description (yun));
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_KIND)), ==,
                   vr_entity_kind_get_label (VR_ENTITY_KIND_PERSON));
  for (VrGlossLabel i = 0; i < VR_GLOSS_N_LABELS; i++)
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (gloss_label (presentation, i))));
  /* The MR form has its breve: the card is not the ASCII fallback. */
  g_assert_nonnull (strstr (roman->mr, "ŭ"));

  /* An edit of the entity reaches the open card. */
  vr_entity_set_description (yun, "Minister of Trade <b>until 1956</b>");
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_DESCRIPTION)), ==,
                   "Minister of Trade <b>until 1956</b>");

  close_window (window);
}

static void
test_present_gloss_without_hangul (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrEntity *stalin = vr_document_lookup_entity (document, "stalin");
  VrPresentationWindow *presentation;

  reset_settings ();
  g_assert_null (vr_entity_get_hangul (stalin));

  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);

  /* A Korean name first, so that the card has something to forget. */
  gloss_by_keyboard (presentation, "kim-il-sung");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (gloss_label (presentation, VR_GLOSS_RR))));

  gloss_by_keyboard (presentation, "stalin");
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_NAME)), ==, vr_entity_get_name (stalin));
  g_assert_cmpstr (gtk_label_get_text (gloss_label (presentation, VR_GLOSS_DESCRIPTION)), ==,
                   vr_entity_get_description (stalin));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (gloss_label (presentation, VR_GLOSS_NAME))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gloss_label (presentation, VR_GLOSS_HANGUL))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gloss_label (presentation, VR_GLOSS_RR))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gloss_label (presentation, VR_GLOSS_MR))));

  close_window (window);
}

static void
test_present_names_tab_order (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrPresentationWindow *presentation;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(VrParagraph) paragraph = NULL;
  guint index = paragraph_of_entity (document, "yun-gong-heum");

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  vr_presentation_window_set_paragraph (presentation, index);

  paragraph = g_list_model_get_item (vr_document_get_paragraphs (document), index);
  mentions = vr_document_get_paragraph_mentions (document, paragraph,
                                                 vr_version_get_id (vr_document_get_default_version (document)));
  g_assert_cmpuint (mentions->len, >=, 2);

  /* Tab in reading order, wrapping; Shift+Tab back. */
  for (guint i = 0; i < mentions->len; i++)
    {
      press (presentation, GDK_KEY_Tab, 0);
      g_assert_true (vr_presentation_window_get_focused_mention (presentation) == g_ptr_array_index (mentions, i));
    }
  press (presentation, GDK_KEY_Tab, 0);
  g_assert_true (vr_presentation_window_get_focused_mention (presentation) == g_ptr_array_index (mentions, 0));
  press (presentation, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  g_assert_true (vr_presentation_window_get_focused_mention (presentation) ==
                 g_ptr_array_index (mentions, mentions->len - 1));

  /* With a gloss open, Tab carries it to the next name. */
  press (presentation, GDK_KEY_Return, 0);
  press (presentation, GDK_KEY_Tab, 0);
  g_assert_true (vr_presentation_window_get_gloss_entity (presentation) ==
                 vr_mention_get_entity (g_ptr_array_index (mentions, 0)));

  /* A step to another paragraph forgets both. */
  press (presentation, GDK_KEY_space, 0);
  g_assert_null (vr_presentation_window_get_focused_mention (presentation));
  g_assert_null (vr_presentation_window_get_gloss_entity (presentation));

  close_window (window);
}

static void
test_present_click_name (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrPresentationWindow *presentation;
  GtkLabel *label;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(VrParagraph) paragraph = NULL;
  guint index = paragraph_of_entity (document, "yun-gong-heum");
  VrMention *mention;
  PangoRectangle pos;
  const char *text;
  int ox, oy;

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  vr_presentation_window_set_paragraph (presentation, index);
  iterate_until (is_mapped, presentation);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (presentation));

  paragraph = g_list_model_get_item (vr_document_get_paragraphs (document), index);
  mentions = vr_document_get_paragraph_mentions (document, paragraph, NULL);
  mention = g_ptr_array_index (mentions, mentions->len - 1);

  /* The middle of the name's first letter, where a click lands. */
  label = _vr_presentation_window_get_text_label (presentation);
  text = gtk_label_get_text (label);
  pango_layout_index_to_pos (gtk_label_get_layout (label),
                             g_utf8_offset_to_pointer (text, vr_mention_get_start (mention)) - text,
                             &pos);
  gtk_label_get_layout_offsets (label, &ox, &oy);
  g_assert_true (_vr_presentation_window_get_mention_at (presentation,
                                                         ox + (pos.x + pos.width / 2.0) / PANGO_SCALE,
                                                         oy + (pos.y + pos.height / 2.0) / PANGO_SCALE) == mention);
  /* Far outside the text: no name. */
  g_assert_null (_vr_presentation_window_get_mention_at (presentation, -500, -500));

  close_window (window);
}

static void
test_present_escape_order (void)
{
  VrWindow *window = open_sample ();
  VrPresentationWindow *presentation;

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  gloss_by_keyboard (presentation, "kim-il-sung");

  /* The first Escape closes the gloss, the second leaves. */
  press (presentation, GDK_KEY_Escape, 0);
  g_assert_null (vr_presentation_window_get_gloss_entity (presentation));
  g_assert_false (gtk_widget_is_visible (_vr_presentation_window_get_gloss_card (presentation)));
  g_assert_true (presentation_of (window) == presentation);

  press (presentation, GDK_KEY_Escape, 0);
  flush_events ();
  g_assert_null (presentation_of (window));

  close_window (window);
}

static void
test_present_zoom_setting (void)
{
  VrWindow *window = open_sample ();
  VrPresentationWindow *presentation;
  double zoom;

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  g_assert_cmpfloat (vr_presentation_window_get_zoom (presentation), ==, 1.0);

  press (presentation, GDK_KEY_plus, GDK_CONTROL_MASK);
  zoom = g_settings_get_double (settings (), "presentation-zoom");
  g_assert_cmpfloat (zoom, >, 1.0);
  g_assert_cmpfloat (vr_presentation_window_get_zoom (presentation), ==, zoom);
  /* The desk keeps its own scale. */
  g_assert_cmpfloat (g_settings_get_double (settings (), "zoom"), ==, 1.0);

  press (presentation, GDK_KEY_0, GDK_CONTROL_MASK);
  g_assert_cmpfloat (g_settings_get_double (settings (), "presentation-zoom"), ==, 1.0);
  press (presentation, GDK_KEY_minus, GDK_CONTROL_MASK);
  g_assert_cmpfloat (g_settings_get_double (settings (), "presentation-zoom"), <, 1.0);
  g_assert_cmpfloat (g_settings_get_double (settings (), "zoom"), ==, 1.0);

  /* Zooming the desk leaves the projection alone, and the other way. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings (), "zoom"), >, 1.0);
  g_assert_cmpfloat (g_settings_get_double (settings (), "presentation-zoom"), <, 1.0);
  g_settings_set_double (settings (), "presentation-zoom", 2.0);
  g_assert_cmpfloat (vr_presentation_window_get_zoom (presentation), ==, 2.0);

  /* The next presentation starts at the kept scale. */
  _vr_window_leave_presentation (window);
  flush_events ();
  _vr_window_enter_presentation (window);
  g_assert_cmpfloat (vr_presentation_window_get_zoom (presentation_of (window)), ==, 2.0);

  reset_settings ();
  close_window (window);
}

static gboolean
pointer_hidden (gpointer data)
{
  return _vr_presentation_window_get_pointer_hidden (data);
}

static void
test_present_pointer_hides (void)
{
  VrWindow *window = open_sample ();
  VrPresentationWindow *presentation;
  GdkCursor *cursor;

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  iterate_until (is_mapped, presentation);
  g_assert_false (_vr_presentation_window_get_pointer_hidden (presentation));

  /* The idle time shortened from 2 s for the test. */
  _vr_presentation_window_set_pointer_delay (presentation, 10);
  iterate_until (pointer_hidden, presentation);
  cursor = gtk_widget_get_cursor (GTK_WIDGET (presentation));
  g_assert_nonnull (cursor);
  g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "none");

  /* A motion brings it back, until the next idle time. */
  _vr_presentation_window_pointer_moved (presentation);
  g_assert_false (_vr_presentation_window_get_pointer_hidden (presentation));
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (presentation)));
  iterate_until (pointer_hidden, presentation);

  close_window (window);
}

static void
test_present_follows_model (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrPresentationWindow *presentation;
  g_autoptr(VrParagraph) paragraph = NULL;
  const char *version_id = vr_version_get_id (vr_document_get_default_version (document));

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  vr_presentation_window_set_paragraph (presentation, 5);

  /* An edit made on the desk shows on the projector; markup stays text. */
  paragraph = g_list_model_get_item (vr_document_get_paragraphs (document), 5);
  vr_paragraph_set_text (paragraph, version_id, "Edited <i>on the desk</i> & shown");
  g_assert_cmpstr (gtk_label_get_text (_vr_presentation_window_get_text_label (presentation)), ==,
                   "Edited <i>on the desk</i> & shown");

  /* Another document on the desk ends the presentation of this one. */
  vr_window_set_document (window, NULL);
  flush_events ();
  g_assert_null (presentation_of (window));

  close_window (window);
}

static void
test_present_desk_closed (void)
{
  VrWindow *window = open_sample ();
  VrDocument *document = vr_window_get_document (window);
  VrPresentationWindow *presentation;

  reset_settings ();
  _vr_window_enter_presentation (window);
  presentation = presentation_of (window);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);

  /* Closing the desk ends the presentation and lets the document go. */
  close_window (window);
  g_assert_null (presentation);
  g_assert_null (document);
}

static gboolean
on_cli_poll_cb (gpointer data)
{
  GApplication *cli = data;

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (cli)); l; l = l->next)
    if (VR_IS_WINDOW (l->data) && _vr_window_get_presentation (l->data) != NULL)
      {
        VrPresentationWindow *presentation = presentation_of (l->data);
        g_autoptr(GFile) sample = sample_file ();
        VrDocument *document = vr_presentation_window_get_document (presentation);

        g_assert_true (g_file_equal (vr_document_get_file (document), sample));
        g_assert_cmpuint (vr_presentation_window_get_paragraph (presentation), ==, 0);
        g_object_set_data (G_OBJECT (cli), "presented", GINT_TO_POINTER (TRUE));
        g_application_quit (cli);
      }

  return G_SOURCE_CONTINUE;
}

static guint cli_timeout_id;

static gboolean
on_cli_timeout_cb (gpointer data)
{
  cli_timeout_id = 0;
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_present_command_line (void)
{
  const char *sample = g_getenv ("VARIORUM_SAMPLE");
  g_autoptr(VrApplication) cli = vr_application_new ("io.github.variorum.Variorum.TestPresentCli",
                                                      G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "variorum", (char *) "--present", (char *) sample, NULL };
  guint poll_id;
  GList *windows;
  int status;

  /* In a process of its own: one application per process sets it up. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* The application's own command-line handling, as main() runs it. */
  poll_id = g_timeout_add (20, on_cli_poll_cb, cli);
  cli_timeout_id = g_timeout_add_seconds (30, on_cli_timeout_cb, cli);
  status = g_application_run (G_APPLICATION (cli), 3, argv);
  g_clear_handle_id (&cli_timeout_id, g_source_remove);
  g_source_remove (poll_id);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cli), "presented")));

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (cli)));
  for (const GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  flush_events ();
}

static void
destroy_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        gtk_window_destroy (toplevel);
    }
}

static void
test_present_when_loaded (void)
{
  g_autoptr(GFile) broken = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "broken.json", NULL);
  g_autoptr(GFile) sample = sample_file ();
  VrWindow *window = vr_window_new (GTK_APPLICATION (app));

  reset_settings ();
  gtk_window_present (GTK_WINDOW (window));

  /* What --present FILE asks of the window: present once it is shown. */
  vr_window_open_file (window, sample);
  _vr_window_present_when_loaded (window);
  g_assert_null (presentation_of (window));
  iterate_until (not_loading, window);
  flush_events ();
  g_assert_nonnull (presentation_of (window));
  close_window (window);

  /* A file that fails to load is not presented, nor the next one opened. */
  window = vr_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  vr_window_open_file (window, broken);
  _vr_window_present_when_loaded (window);
  iterate_until (not_loading, window);
  flush_events ();
  destroy_dialogs ();
  g_assert_null (presentation_of (window));
  vr_window_open_file (window, sample);
  iterate_until (not_loading, window);
  flush_events ();
  g_assert_nonnull (vr_window_get_document (window));
  g_assert_null (presentation_of (window));

  close_window (window);
}

static void
test_present_help (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           g_getenv ("VARIORUM_BIN"), "--help", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "--present"));
  g_clear_object (&proc);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --present without a document says what it needs. */
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           g_getenv ("VARIORUM_BIN"), "--present", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  g_assert_nonnull (strstr (err, "variorum --present FILE"));
}

static void
test_present_header_button (void)
{
  VrWindow *window = open_sample ();
  GtkWidget *button = window->present_button;

  /* An icon button, named for screen readers, with its key in the tooltip. */
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.present");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Present (F5)");
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));

  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (presentation_of (window));
  _vr_window_leave_presentation (window);
  flush_events ();

  close_window (window);
}

/* Settings, recent files and caches of the test in a folder of its own. */
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
  g_setenv ("XDG_RUNTIME_DIR", dir, TRUE);

  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = isolate_user_dirs ();
  g_autoptr(GFile) home_file = g_file_new_for_path (home);
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vr_application_new ("io.github.variorum.Variorum.TestPresent", G_APPLICATION_NON_UNIQUE);
  if (!g_test_subprocess ())
    g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/present/enter-leave-action", test_present_enter_leave_action);
  g_test_add_func ("/present/enter-leave-keys", test_present_enter_leave_keys);
  g_test_add_func ("/present/header-button", test_present_header_button);
  g_test_add_func ("/present/starts-and-returns-at-paragraph", test_present_starts_and_returns_at_paragraph);
  g_test_add_func ("/present/stepping", test_present_stepping);
  g_test_add_func ("/present/paging", test_present_paging);
  g_test_add_func ("/present/names-tab-order", test_present_names_tab_order);
  g_test_add_func ("/present/gloss-hangul", test_present_gloss_hangul);
  g_test_add_func ("/present/gloss-without-hangul", test_present_gloss_without_hangul);
  g_test_add_func ("/present/click-name", test_present_click_name);
  g_test_add_func ("/present/escape-order", test_present_escape_order);
  g_test_add_func ("/present/zoom-setting", test_present_zoom_setting);
  g_test_add_func ("/present/pointer-hides", test_present_pointer_hides);
  g_test_add_func ("/present/follows-model", test_present_follows_model);
  g_test_add_func ("/present/desk-closed", test_present_desk_closed);
  g_test_add_func ("/present/when-loaded", test_present_when_loaded);
  g_test_add_func ("/present/command-line", test_present_command_line);
  g_test_add_func ("/present/help", test_present_help);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (home_file);
  return status;
}
