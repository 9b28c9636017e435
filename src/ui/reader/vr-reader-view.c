/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-reader-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vr-citation.h"
#include "vr-entity-sidebar.h"
#include "vr-metadata-panel.h"
#include "vr-notes-list.h"
#include "vr-reader-view.h"
#include "vr-text-view.h"
#include "names/vr-suggestions-view.h"
#include "vr-variant-table.h"

struct _VrReaderView
{
  GtkWidget           parent_instance;

  VrDocument         *document;
  VrEntity           *selected_entity;
  VrVariant          *selected_variant;
  GPtrArray          *highlighted;
  int                 mention_index;
  double              zoom;
  gboolean            show_entities;
  gboolean            show_details;
  gboolean            show_spellings;
  gboolean            selecting;
  int                 last_width;
  int                 last_position;

  GtkPaned           *outer_paned;
  GtkPaned           *inner_paned;
  VrEntitySidebar    *sidebar;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *search_status;
  GtkScrolledWindow  *text_scroller;
  AdwClampScrollable *text_clamp;
  VrTextView         *text_view;
  GtkBox             *side_box;
  AdwViewStack       *side_stack;
  AdwViewStackPage   *details_page;
  AdwViewStackPage   *spellings_page;
  VrMetadataPanel    *metadata_panel;
  VrVariantTable     *variant_table;
  VrSuggestionsView  *suggestions_view;
  VrNotesList        *notes_list;
};

G_DEFINE_FINAL_TYPE (VrReaderView, vr_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_ENTITIES,
  PROP_SHOW_DETAILS,
  PROP_SHOW_SPELLINGS,
  PROP_ZOOM,
  PROP_SELECTED_ENTITY,
  PROP_SELECTED_VARIANT,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (VrReaderView *self)
{
  gboolean has_document = self->document != NULL;
  gboolean has_mentions = self->highlighted->len > 0;
  gboolean has_matches = vr_text_view_get_n_matches (self->text_view) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.copy-citation", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.copy-bibliography", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.next-mention", has_mentions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.previous-mention", has_mentions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.search-next", has_matches);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.search-previous", has_matches);
}

static void
update_search_status (VrReaderView *self)
{
  guint n = vr_text_view_get_n_matches (self->text_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *status = NULL;

  if (n > 0)
    /* Translators: the current search match and the number of matches */
    status = g_strdup_printf (_("%d of %u"), vr_text_view_get_current_match (self->text_view) + 1, n);
  else if (text != NULL && text[0] != '\0' && gtk_search_bar_get_search_mode (self->search_bar))
    status = g_strdup (_("No matches"));

  gtk_label_set_text (self->search_status, status != NULL ? status : "");
  update_actions (self);
}

/* The mentions of the selected entity, or only those spelled as the
 * selected variant, in document order. */
static void
update_highlight (VrReaderView *self)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  const char *form = NULL;

  if (self->selected_entity != NULL)
    {
      GListModel *model = vr_entity_get_mentions (self->selected_entity);

      if (self->selected_variant != NULL)
        form = vr_variant_get_form (self->selected_variant);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(VrMention) mention = g_list_model_get_item (model, i);

          if (form != NULL)
            {
              g_autofree char *text = vr_mention_dup_text (mention);

              if (g_strcmp0 (text, form) != 0)
                continue;
            }
          g_ptr_array_add (mentions, g_steal_pointer (&mention));
        }
    }

  g_ptr_array_unref (self->highlighted);
  self->highlighted = g_steal_pointer (&mentions);
  self->mention_index = -1;
  vr_text_view_highlight_mentions (self->text_view, self->highlighted);
  update_actions (self);
}

static void
set_selection (VrReaderView *self,
               VrEntity     *entity,
               VrVariant    *variant,
               gboolean      scroll)
{
  gboolean entity_changed, variant_changed;

  if (variant != NULL)
    entity = vr_variant_get_entity (variant);

  entity_changed = g_set_object (&self->selected_entity, entity);
  variant_changed = g_set_object (&self->selected_variant, variant);
  if (!entity_changed && !variant_changed)
    return;

  self->selecting = TRUE;
  vr_entity_sidebar_set_selected_entity (self->sidebar, entity);
  vr_variant_table_set_selected_variant (self->variant_table, variant);
  self->selecting = FALSE;

  update_highlight (self);
  if (scroll && self->highlighted->len > 0)
    vr_text_view_scroll_to_mention (self->text_view, g_ptr_array_index (self->highlighted, 0), FALSE);

  if (entity_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  if (variant_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_VARIANT]);
}

static void
show_mention (VrReaderView *self,
              VrMention    *mention)
{
  guint index;

  if (g_ptr_array_find (self->highlighted, mention, &index))
    self->mention_index = index;
  vr_text_view_scroll_to_mention (self->text_view, mention, TRUE);
}

static void
step_mention (VrReaderView *self,
              int           step)
{
  int n = self->highlighted->len;

  if (n == 0)
    return;

  if (self->mention_index < 0)
    self->mention_index = step > 0 ? 0 : n - 1;
  else
    self->mention_index = ((self->mention_index + step) % n + n) % n;

  vr_text_view_scroll_to_mention (self->text_view,
                                  g_ptr_array_index (self->highlighted, self->mention_index),
                                  TRUE);
}

static void
on_sidebar_entity_cb (VrReaderView *self)
{
  VrEntity *entity = vr_entity_sidebar_get_selected_entity (self->sidebar);

  if (self->selecting || entity == self->selected_entity)
    return;

  set_selection (self, entity, NULL, TRUE);
}

static void
on_table_variant_cb (VrReaderView *self)
{
  VrVariant *variant = vr_variant_table_get_selected_variant (self->variant_table);

  if (self->selecting || variant == NULL)
    return;

  set_selection (self, NULL, variant, TRUE);
}

static void
on_mention_clicked_cb (VrReaderView *self,
                       VrMention    *mention)
{
  guint index;

  /* The reader clicked this very place: select, but do not scroll away. */
  set_selection (self, vr_mention_get_entity (mention), NULL, FALSE);
  if (g_ptr_array_find (self->highlighted, mention, &index))
    self->mention_index = index;
}

static void
on_mention_chosen_cb (VrReaderView *self,
                      VrMention    *mention)
{
  show_mention (self, mention);
}

/* A row of the Notes page: show its passage, selected. */
static void
on_note_activated_cb (VrReaderView *self,
                      VrAnnotation *annotation)
{
  vr_text_view_scroll_to_annotation (self->text_view, annotation, TRUE);
}

static void
on_search_changed_cb (VrReaderView   *self,
                      GtkSearchEntry *entry)
{
  vr_reader_view_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_next_cb (VrReaderView *self)
{
  vr_text_view_set_current_match (self->text_view, vr_text_view_get_current_match (self->text_view) + 1);
  update_search_status (self);
}

static void
on_search_previous_cb (VrReaderView *self)
{
  vr_text_view_set_current_match (self->text_view, vr_text_view_get_current_match (self->text_view) - 1);
  update_search_status (self);
}

static void
on_search_stop_cb (VrReaderView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_cb (VrReaderView *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      if (text[0] != '\0')
        vr_reader_view_search (self, text);
      return;
    }

  /* A closed search bar leaves no marks in the text. */
  vr_text_view_search (self->text_view, NULL);
  update_search_status (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
copy_text (VrReaderView *self,
           const char   *text,
           const char   *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_emit (self, signals[TOAST], 0, toast);
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VrReaderView *self = VR_READER_VIEW (widget);
  g_autofree char *note = NULL;

  if (self->document == NULL)
    return;

  note = vr_citation_format_note (vr_document_get_metadata (self->document));
  copy_text (self, note, _("Citation copied"));
}

static void
copy_bibliography_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VrReaderView *self = VR_READER_VIEW (widget);
  g_autofree char *entry = NULL;

  if (self->document == NULL)
    return;

  entry = vr_citation_format_bibliography (vr_document_get_metadata (self->document));
  copy_text (self, entry, _("Bibliography entry copied"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VrReaderView *self = VR_READER_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
search_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VrReaderView *self = VR_READER_VIEW (widget);

  if (g_str_equal (action_name, "reader.search-next"))
    on_search_next_cb (self);
  else
    on_search_previous_cb (self);
}

static void
mention_step_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_mention (VR_READER_VIEW (widget),
                g_str_equal (action_name, "reader.next-mention") ? 1 : -1);
}

static void
focus_entities_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VrReaderView *self = VR_READER_VIEW (widget);

  vr_reader_view_set_show_entities (self, TRUE);
  vr_entity_sidebar_focus_filter (self->sidebar);
}

/* Ctrl+Shift+C copies the citation, but never takes over a copy of
 * selected text. */
static gboolean
copy_citation_shortcut_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  VrReaderView *self = VR_READER_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  if (self->document == NULL || gtk_text_buffer_get_has_selection (buffer))
    return FALSE;

  copy_citation_action (widget, "reader.copy-citation", NULL);
  return TRUE;
}

/* Escape closes the search bar wherever the focus is in the view. */
static gboolean
close_search_shortcut_cb (GtkWidget *widget,
                          GVariant  *args,
                          gpointer   user_data)
{
  VrReaderView *self = VR_READER_VIEW (widget);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  return TRUE;
}

/* Mentions found or removed, entities added or removed: the highlight
 * follows the model, and a selection whose entity is gone is dropped. */
static void
on_model_changed_cb (VrReaderView *self)
{
  if (self->selected_entity != NULL &&
      vr_document_lookup_entity (self->document, vr_entity_get_id (self->selected_entity)) != self->selected_entity)
    {
      set_selection (self, NULL, NULL, FALSE);
      return;
    }

  update_highlight (self);
}

static void
update_side_box (VrReaderView *self)
{
  adw_view_stack_page_set_visible (self->details_page, self->show_details);
  adw_view_stack_page_set_visible (self->spellings_page, self->show_spellings);
  gtk_widget_set_visible (GTK_WIDGET (self->side_box), self->show_details || self->show_spellings);

  if (self->show_details && !self->show_spellings)
    adw_view_stack_set_visible_child_name (self->side_stack, "details");
  else if (self->show_spellings && !self->show_details)
    adw_view_stack_set_visible_child_name (self->side_stack, "spellings");
}

/* The side panels get about a third of the width (the spellings table
 * needs room, and the text keeps its line length), following the window's
 * size until the reader drags the divider. */
static void
vr_reader_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  VrReaderView *self = VR_READER_VIEW (widget);

  if (width != self->last_width &&
      (self->last_position < 0 || gtk_paned_get_position (self->inner_paned) == self->last_position))
    {
      int sidebar = self->show_entities ? gtk_paned_get_position (self->outer_paned) : 0;
      int side = CLAMP (width * 36 / 100, 400, 620);

      gtk_paned_set_position (self->inner_paned, MAX (320, width - sidebar - side));
    }

  gtk_widget_allocate (GTK_WIDGET (self->outer_paned), width, height, baseline, NULL);

  self->last_width = width;
  self->last_position = gtk_paned_get_position (self->inner_paned);
}

static void
vr_reader_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  VrReaderView *self = VR_READER_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->outer_paned), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
vr_reader_view_dispose (GObject *object)
{
  VrReaderView *self = VR_READER_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_READER_VIEW);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selected_entity);
  g_clear_object (&self->selected_variant);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_reader_view_parent_class)->dispose (object);
}

static void
vr_reader_view_finalize (GObject *object)
{
  VrReaderView *self = VR_READER_VIEW (object);

  g_clear_pointer (&self->highlighted, g_ptr_array_unref);

  G_OBJECT_CLASS (vr_reader_view_parent_class)->finalize (object);
}

static void
vr_reader_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VrReaderView *self = VR_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SHOW_ENTITIES:
      g_value_set_boolean (value, self->show_entities);
      break;
    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->show_details);
      break;
    case PROP_SHOW_SPELLINGS:
      g_value_set_boolean (value, self->show_spellings);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_object (value, self->selected_entity);
      break;
    case PROP_SELECTED_VARIANT:
      g_value_set_object (value, self->selected_variant);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_reader_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VrReaderView *self = VR_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_reader_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SHOW_ENTITIES:
      vr_reader_view_set_show_entities (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_DETAILS:
      vr_reader_view_set_show_details (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_SPELLINGS:
      vr_reader_view_set_show_spellings (self, g_value_get_boolean (value));
      break;
    case PROP_ZOOM:
      vr_reader_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_reader_view_class_init (VrReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_reader_view_dispose;
  object_class->finalize = vr_reader_view_finalize;
  object_class->get_property = vr_reader_view_get_property;
  object_class->set_property = vr_reader_view_set_property;
  widget_class->measure = vr_reader_view_measure;
  widget_class->size_allocate = vr_reader_view_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ENTITIES] =
    g_param_spec_boolean ("show-entities", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SPELLINGS] =
    g_param_spec_boolean ("show-spellings", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_object ("selected-entity", NULL, NULL,
                         VR_TYPE_ENTITY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_VARIANT] =
    g_param_spec_object ("selected-variant", NULL, NULL,
                         VR_TYPE_VARIANT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (VR_TYPE_ENTITY_SIDEBAR);
  g_type_ensure (VR_TYPE_METADATA_PANEL);
  g_type_ensure (VR_TYPE_TEXT_VIEW);
  g_type_ensure (VR_TYPE_VARIANT_TABLE);
  g_type_ensure (VR_TYPE_SUGGESTIONS_VIEW);
  g_type_ensure (VR_TYPE_NOTES_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/reader/vr-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, search_status);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, text_clamp);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, side_box);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, details_page);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, spellings_page);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, metadata_panel);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, variant_table);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, suggestions_view);
  gtk_widget_class_bind_template_child (widget_class, VrReaderView, notes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_entity_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_variant_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mention_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mention_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "reader.search-next", NULL, search_step_action);
  gtk_widget_class_install_action (widget_class, "reader.search-previous", NULL, search_step_action);
  gtk_widget_class_install_action (widget_class, "reader.next-mention", NULL, mention_step_action);
  gtk_widget_class_install_action (widget_class, "reader.previous-mention", NULL, mention_step_action);
  gtk_widget_class_install_action (widget_class, "reader.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "reader.copy-bibliography", NULL, copy_bibliography_action);
  gtk_widget_class_install_action (widget_class, "reader.focus-entities", NULL, focus_entities_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reader.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "reader.search-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "reader.search-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "reader.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "reader.previous-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "reader.focus-entities", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                copy_citation_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_search_shortcut_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
vr_reader_view_init (VrReaderView *self)
{
  GtkEventController *shortcuts;
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  self->zoom = 1.0;
  self->show_entities = TRUE;
  self->show_details = TRUE;
  self->show_spellings = TRUE;
  self->mention_index = -1;
  self->last_position = -1;
  self->highlighted = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Shift+Enter steps back; caught before the entry takes Enter itself. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (enter_keys[i], GDK_SHIFT_MASK),
                                                            gtk_named_action_new ("reader.search-previous")));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), shortcuts);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_paned_set_position (self->outer_paned, 270);
  adw_clamp_scrollable_set_maximum_size (self->text_clamp, vr_text_view_get_ideal_width (self->text_view));
  adw_clamp_scrollable_set_tightening_threshold (self->text_clamp, vr_text_view_get_ideal_width (self->text_view));

  update_actions (self);
}

GtkWidget *
vr_reader_view_new (void)
{
  return g_object_new (VR_TYPE_READER_VIEW, NULL);
}

VrDocument *
vr_reader_view_get_document (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return self->document;
}

void
vr_reader_view_set_document (VrReaderView *self,
                             VrDocument   *document)
{
  g_return_if_fail (VR_IS_READER_VIEW (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  set_selection (self, NULL, NULL, FALSE);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (vr_document_get_mentions (self->document), self);
      g_signal_handlers_disconnect_by_data (vr_document_get_entities (self->document), self);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (vr_document_get_mentions (document), "items-changed",
                               G_CALLBACK (on_model_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vr_document_get_entities (document), "items-changed",
                               G_CALLBACK (on_model_changed_cb), self, G_CONNECT_SWAPPED);
    }

  vr_text_view_set_document (self->text_view, document);
  vr_entity_sidebar_set_document (self->sidebar, document);
  vr_metadata_panel_set_document (self->metadata_panel, document);
  vr_variant_table_set_document (self->variant_table, document);
  vr_suggestions_view_set_document (self->suggestions_view, document);
  vr_notes_list_set_document (self->notes_list, document);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    vr_reader_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  update_highlight (self);
  update_search_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
vr_reader_view_get_show_entities (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), FALSE);

  return self->show_entities;
}

void
vr_reader_view_set_show_entities (VrReaderView *self,
                                  gboolean      show)
{
  g_return_if_fail (VR_IS_READER_VIEW (self));

  show = !!show;
  if (self->show_entities == show)
    return;

  self->show_entities = show;
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ENTITIES]);
}

gboolean
vr_reader_view_get_show_details (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), FALSE);

  return self->show_details;
}

void
vr_reader_view_set_show_details (VrReaderView *self,
                                 gboolean      show)
{
  g_return_if_fail (VR_IS_READER_VIEW (self));

  show = !!show;
  if (self->show_details == show)
    return;

  self->show_details = show;
  update_side_box (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAILS]);
}

gboolean
vr_reader_view_get_show_spellings (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), FALSE);

  return self->show_spellings;
}

void
vr_reader_view_set_show_spellings (VrReaderView *self,
                                   gboolean      show)
{
  g_return_if_fail (VR_IS_READER_VIEW (self));

  show = !!show;
  if (self->show_spellings == show)
    return;

  self->show_spellings = show;
  update_side_box (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SPELLINGS]);
}

double
vr_reader_view_get_zoom (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), 1.0);

  return self->zoom;
}

void
vr_reader_view_set_zoom (VrReaderView *self,
                         double        zoom)
{
  int width;

  g_return_if_fail (VR_IS_READER_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;

  self->zoom = zoom;
  vr_text_view_set_zoom (self->text_view, zoom);

  /* The line length stays about 70 characters at every size. */
  width = vr_text_view_get_ideal_width (self->text_view);
  adw_clamp_scrollable_set_maximum_size (self->text_clamp, width);
  adw_clamp_scrollable_set_tightening_threshold (self->text_clamp, width);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

VrEntity *
vr_reader_view_get_selected_entity (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return self->selected_entity;
}

VrVariant *
vr_reader_view_get_selected_variant (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return self->selected_variant;
}

void
vr_reader_view_select_entity (VrReaderView *self,
                              VrEntity     *entity)
{
  g_return_if_fail (VR_IS_READER_VIEW (self));
  g_return_if_fail (entity == NULL || VR_IS_ENTITY (entity));

  set_selection (self, entity, NULL, TRUE);
}

void
vr_reader_view_select_variant (VrReaderView *self,
                               VrVariant    *variant)
{
  g_return_if_fail (VR_IS_READER_VIEW (self));
  g_return_if_fail (variant == NULL || VR_IS_VARIANT (variant));

  if (variant == NULL)
    set_selection (self, self->selected_entity, NULL, TRUE);
  else
    set_selection (self, NULL, variant, TRUE);
}

GPtrArray *
vr_reader_view_get_highlighted (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return self->highlighted;
}

guint
vr_reader_view_search (VrReaderView *self,
                       const char   *text)
{
  guint n;

  g_return_val_if_fail (VR_IS_READER_VIEW (self), 0);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ?: "");

  n = vr_text_view_search (self->text_view, text);
  update_search_status (self);

  return n;
}

GtkWidget *
vr_reader_view_get_text_view (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return GTK_WIDGET (self->text_view);
}

GtkWidget *
vr_reader_view_get_entity_sidebar (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
vr_reader_view_get_metadata_panel (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return GTK_WIDGET (self->metadata_panel);
}

GtkWidget *
vr_reader_view_get_variant_table (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return GTK_WIDGET (self->variant_table);
}

GtkWidget *
vr_reader_view_get_suggestions_view (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return GTK_WIDGET (self->suggestions_view);
}

GtkWidget *
vr_reader_view_get_search_entry (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

const char *
vr_reader_view_get_search_status (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return gtk_label_get_text (self->search_status);
}

GtkWidget *
vr_reader_view_get_notes_list (VrReaderView *self)
{
  g_return_val_if_fail (VR_IS_READER_VIEW (self), NULL);

  return GTK_WIDGET (self->notes_list);
}

void
vr_reader_view_show_notes (VrReaderView *self)
{
  g_return_if_fail (VR_IS_READER_VIEW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->side_box)))
    adw_view_stack_set_visible_child_name (self->side_stack, "notes");
}
