/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-present-palette.h"
#include "vr-presentation-window-private.h"

#define FALLBACK_FONT "Serif 12"
/* The document font at zoom 1.0 is this many times the desk's size: about
 * 40 pixels from an 11-point font, legible from the back of a classroom. */
#define PRESENT_SCALE 2.6
/* A generous measure for large type, in characters. */
#define MEASURE_CHARS 52
#define POINTER_DELAY_MS 2000

/* The steps of Ctrl+plus and Ctrl+minus, as on the desk. */
static const double zoom_levels[] = {
  0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0
};

struct _VrPresentationWindow
{
  AdwWindow             parent_instance;

  VrDocument           *document;
  char                 *version_id;
  guint                 paragraph;
  double                zoom;
  char                 *position_text;

  /* The paragraph shown and its names, in order; the entities they name. */
  VrParagraph          *shown;
  GPtrArray            *mentions;
  GPtrArray            *entities;
  int                   focused;
  VrEntity             *gloss_entity;

  GSettings            *settings;
  GSettings            *interface_settings;
  PangoFontDescription *font;

  guint                 pointer_timeout_id;
  guint                 pointer_delay;
  double                pointer_x;
  double                pointer_y;
  guint                 has_pointer_position : 1;
  guint                 pointer_hidden : 1;

  /* Template children */
  GtkScrolledWindow    *scroller;
  AdwClamp             *clamp;
  GtkLabel             *text_label;
  AdwClamp             *previous_clamp;
  GtkLabel             *previous_label;
  AdwClamp             *next_clamp;
  GtkLabel             *next_label;
  GtkLabel             *title_label;
  GtkLabel             *position_label;
  GtkWidget            *more_below;
  GtkWidget            *gloss_scrim;
  GtkWidget            *gloss_card;
  GtkWidget            *gloss_forms;
  GtkLabel             *gloss_labels[VR_GLOSS_N_LABELS];
};

G_DEFINE_FINAL_TYPE (VrPresentationWindow, vr_presentation_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PARAGRAPH,
  PROP_ZOOM,
  PROP_GLOSS_ENTITY,
  PROP_FOCUSED_MENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_paragraph (VrPresentationWindow *self);

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static PangoAttribute *
color_attr (PangoAttribute *(*make) (guint16, guint16, guint16),
            VrSrgb           color,
            guint            start,
            guint            end)
{
  PangoAttribute *attr = make (color.red * 257, color.green * 257, color.blue * 257);

  attr->start_index = start;
  attr->end_index = end;

  return attr;
}

static PangoFontDescription *
dup_present_font (VrPresentationWindow *self)
{
  PangoFontDescription *font = pango_font_description_copy (self->font);
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 12 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * PRESENT_SCALE * self->zoom);
  else
    pango_font_description_set_size (font, (int) (size * PRESENT_SCALE * self->zoom));

  return font;
}

/* The measure follows the type size: MEASURE_CHARS of the present font. */
static void
update_measure (VrPresentationWindow *self)
{
  g_autoptr(PangoFontDescription) font = dup_present_font (self);
  PangoFontMetrics *metrics;
  int char_width;

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self->text_label)),
                                       font, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);

  adw_clamp_set_maximum_size (self->clamp, MEASURE_CHARS * char_width / PANGO_SCALE);
  adw_clamp_set_tightening_threshold (self->clamp, MEASURE_CHARS * char_width / PANGO_SCALE);
  adw_clamp_set_maximum_size (self->previous_clamp, MEASURE_CHARS * char_width / PANGO_SCALE);
  adw_clamp_set_tightening_threshold (self->previous_clamp, MEASURE_CHARS * char_width / PANGO_SCALE);
  adw_clamp_set_maximum_size (self->next_clamp, MEASURE_CHARS * char_width / PANGO_SCALE);
  adw_clamp_set_tightening_threshold (self->next_clamp, MEASURE_CHARS * char_width / PANGO_SCALE);
}

/* Plain text with attributes: a document's text is never markup. */
static void
update_attributes (VrPresentationWindow *self)
{
  const VrPresentPalette *palette = vr_present_palette_get (is_dark ());
  const char *text = gtk_label_get_text (self->text_label);
  g_autoptr(PangoFontDescription) font = dup_present_font (self);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *attr;

  attr = pango_attr_font_desc_new (font);
  pango_attr_list_insert (attrs, attr);

  if (self->shown != NULL && vr_paragraph_get_kind (self->shown) == VR_PARAGRAPH_KIND_HEADING)
    {
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (1.25));
    }
  else if (self->shown != NULL && vr_paragraph_get_kind (self->shown) == VR_PARAGRAPH_KIND_NOTE)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));

  for (guint i = 0; i < self->mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (self->mentions, i);
      VrEntityKind kind = vr_entity_get_kind (vr_mention_get_entity (mention));
      guint start, end;
      VrSrgb color;

      if ((guint) kind >= VR_PRESENT_N_KINDS)
        kind = VR_ENTITY_KIND_OTHER;
      color = palette->names[kind];

      start = g_utf8_offset_to_pointer (text, vr_mention_get_start (mention)) - text;
      end = g_utf8_offset_to_pointer (text, vr_mention_get_end (mention)) - text;

      if ((int) i == self->focused)
        {
          pango_attr_list_insert (attrs, color_attr (pango_attr_foreground_new,
                                                     palette->focus_foreground, start, end));
          pango_attr_list_insert (attrs, color_attr (pango_attr_background_new,
                                                     palette->focus_background, start, end));
        }
      else
        {
          pango_attr_list_insert (attrs, color_attr (pango_attr_foreground_new, color, start, end));
          pango_attr_list_insert (attrs, color_attr (pango_attr_underline_color_new, color, start, end));
        }

      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }

  gtk_label_set_attributes (self->text_label, attrs);
  pango_attr_list_unref (attrs);

  /* The neighbours in the same type, so the eye reads one continuous text. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (font));
  gtk_label_set_attributes (self->previous_label, attrs);
  gtk_label_set_attributes (self->next_label, attrs);
  pango_attr_list_unref (attrs);
}

static void
update_style (VrPresentationWindow *self)
{
  gboolean dark = is_dark ();

  gtk_widget_remove_css_class (GTK_WIDGET (self), dark ? "light" : "dark");
  gtk_widget_add_css_class (GTK_WIDGET (self), dark ? "dark" : "light");
  update_attributes (self);
}

static void
update_position (VrPresentationWindow *self)
{
  guint n = vr_presentation_window_get_n_paragraphs (self);

  g_clear_pointer (&self->position_text, g_free);
  if (n > 0)
    /* Translators: the paragraph shown in presentation mode, "¶ 12 of 61" */
    self->position_text = g_strdup_printf (_("¶ %u of %u"), self->paragraph + 1, n);
  else
    self->position_text = g_strdup ("");

  gtk_label_set_text (self->position_label, self->position_text);
}

static void
update_title (VrPresentationWindow *self)
{
  const char *title = self->document ? vr_document_get_title (self->document) : NULL;
  g_autofree char *window_title = NULL;

  gtk_label_set_text (self->title_label, title ? title : "");

  /* Translators: the presentation window's name in the task switcher */
  window_title = g_strdup_printf (_("%s — Presentation"), title ? title : _("Variorum"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_focused (VrPresentationWindow *self,
             int                   focused)
{
  if (self->focused == focused)
    return;

  self->focused = focused;
  update_attributes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_MENTION]);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_gloss (VrPresentationWindow *self)
{
  VrEntity *entity = self->gloss_entity;
  g_autoptr(VrRomanization) roman = NULL;
  const char *hangul;

  for (guint i = 0; i < VR_PRESENT_N_KINDS; i++)
    gtk_widget_remove_css_class (self->gloss_card, vr_present_palette_kind_class (i));

  if (entity == NULL)
    {
      gtk_widget_set_visible (self->gloss_scrim, FALSE);
      return;
    }

  gtk_widget_add_css_class (self->gloss_card,
                            vr_present_palette_kind_class (vr_entity_get_kind (entity)));

  hangul = vr_entity_get_hangul (entity);
  if (hangul != NULL && hangul[0] != '\0')
    roman = vr_romanize_hangul (hangul, NULL);

  /* Every text here comes from the document: plain labels, no markup. */
  set_label (self->gloss_labels[VR_GLOSS_KIND], vr_entity_kind_get_label (vr_entity_get_kind (entity)));
  set_label (self->gloss_labels[VR_GLOSS_NAME], vr_entity_get_name (entity));
  set_label (self->gloss_labels[VR_GLOSS_HANGUL], hangul);
  set_label (self->gloss_labels[VR_GLOSS_RR], roman ? roman->rr : NULL);
  set_label (self->gloss_labels[VR_GLOSS_MR], roman ? roman->mr : NULL);
  set_label (self->gloss_labels[VR_GLOSS_DESCRIPTION], vr_entity_get_description (entity));
  gtk_widget_set_visible (self->gloss_forms, roman != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->gloss_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, vr_entity_get_name (entity),
                                  -1);
  gtk_widget_set_visible (self->gloss_scrim, TRUE);
}

static void
on_entity_notify_cb (VrPresentationWindow *self,
                     GParamSpec           *pspec,
                     VrEntity             *entity)
{
  if (entity == self->gloss_entity)
    update_gloss (self);
  update_attributes (self);
}

static void
watch_entity (VrPresentationWindow *self,
              VrEntity             *entity)
{
  if (entity == NULL || g_ptr_array_find (self->entities, entity, NULL))
    return;

  g_ptr_array_add (self->entities, g_object_ref (entity));
  g_signal_connect_object (entity, "notify",
                           G_CALLBACK (on_entity_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
unwatch_entities (VrPresentationWindow *self)
{
  for (guint i = 0; i < self->entities->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->entities, i),
                                          on_entity_notify_cb, self);
  g_ptr_array_set_size (self->entities, 0);
}

void
vr_presentation_window_show_gloss (VrPresentationWindow *self,
                                   VrEntity             *entity)
{
  g_return_if_fail (VR_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (entity == NULL || VR_IS_ENTITY (entity));

  if (entity != NULL)
    watch_entity (self, entity);

  if (g_set_object (&self->gloss_entity, entity))
    {
      update_gloss (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GLOSS_ENTITY]);
    }
}

void
vr_presentation_window_hide_gloss (VrPresentationWindow *self)
{
  g_return_if_fail (VR_IS_PRESENTATION_WINDOW (self));

  vr_presentation_window_show_gloss (self, NULL);
}

VrEntity *
vr_presentation_window_get_gloss_entity (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return self->gloss_entity;
}

VrMention *
vr_presentation_window_get_focused_mention (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  if (self->focused < 0 || (guint) self->focused >= self->mentions->len)
    return NULL;

  return g_ptr_array_index (self->mentions, self->focused);
}

static void
on_paragraph_text_changed_cb (VrPresentationWindow *self)
{
  refresh_paragraph (self);
}

/* The paragraph at self->paragraph, its text and its names, from the model. */
/* Longest tail of the previous paragraph shown above the focused one. */
#define CONTEXT_TAIL_CHARS 160

/* The text of the paragraph at @index, or NULL when there is none. */
static char *
dup_neighbour_text (VrPresentationWindow *self,
                    int                   index)
{
  g_autoptr(VrParagraph) paragraph = NULL;
  const char *text;

  if (self->document == NULL || self->version_id == NULL || index < 0)
    return NULL;
  paragraph = g_list_model_get_item (vr_document_get_paragraphs (self->document), index);
  if (paragraph == NULL)
    return NULL;
  text = vr_paragraph_get_text (paragraph, self->version_id);
  if (text == NULL || *text == '\0')
    return NULL;

  return g_utf8_make_valid (text, -1);
}

static void
set_context (GtkLabel   *label,
             GtkWidget  *clamp,
             const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (clamp, text != NULL);
}

static void
refresh_context (VrPresentationWindow *self)
{
  g_autofree char *previous = dup_neighbour_text (self, (int) self->paragraph - 1);
  g_autofree char *next = dup_neighbour_text (self, (int) self->paragraph + 1);
  g_autofree char *tail = NULL;

  /* Only the end of the previous paragraph leads into this one: it is cut
   * at a word and starts with an ellipsis. */
  if (previous != NULL && g_utf8_strlen (previous, -1) > CONTEXT_TAIL_CHARS)
    {
      const char *start = g_utf8_offset_to_pointer (previous,
                                                    g_utf8_strlen (previous, -1) - CONTEXT_TAIL_CHARS);
      const char *space = strchr (start, ' ');

      if (space != NULL && space[1] != '\0')
        start = space + 1;
      tail = g_strconcat ("…", start, NULL);
    }

  set_context (self->previous_label, GTK_WIDGET (self->previous_clamp),
               tail != NULL ? tail : previous);
  set_context (self->next_label, GTK_WIDGET (self->next_clamp), next);
}

static void
refresh_paragraph (VrPresentationWindow *self)
{
  g_autoptr(VrParagraph) paragraph = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *valid = NULL;
  VrMention *was_focused = vr_presentation_window_get_focused_mention (self);
  VrVersion *version;
  const char *text = NULL;
  guint n_chars;
  int focused = -1;

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, on_paragraph_text_changed_cb, self);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->version_id, g_free);
  unwatch_entities (self);
  if (was_focused != NULL)
    g_object_ref (was_focused);
  g_ptr_array_set_size (self->mentions, 0);

  if (self->document != NULL)
    {
      version = vr_document_get_default_version (self->document);
      if (version != NULL)
        self->version_id = g_strdup (vr_version_get_id (version));
      paragraph = g_list_model_get_item (vr_document_get_paragraphs (self->document), self->paragraph);
    }

  if (paragraph != NULL)
    {
      self->shown = g_object_ref (paragraph);
      g_signal_connect_object (paragraph, "text-changed",
                               G_CALLBACK (on_paragraph_text_changed_cb),
                               self, G_CONNECT_SWAPPED);
      if (self->version_id != NULL)
        text = vr_paragraph_get_text (paragraph, self->version_id);
    }
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  n_chars = g_utf8_strlen (text, -1);

  if (paragraph != NULL && self->version_id != NULL)
    mentions = vr_document_get_paragraph_mentions (self->document, paragraph, self->version_id);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);
      VrMention *last = self->mentions->len > 0
                        ? g_ptr_array_index (self->mentions, self->mentions->len - 1) : NULL;

      /* Names that do not fit the text, or overlap the one before, are
       * left out rather than drawn over each other. */
      if (vr_mention_get_entity (mention) == NULL ||
          vr_mention_get_start (mention) >= vr_mention_get_end (mention) ||
          vr_mention_get_end (mention) > n_chars ||
          (last != NULL && vr_mention_get_start (mention) < vr_mention_get_end (last)))
        continue;

      if (mention == was_focused)
        focused = self->mentions->len;
      g_ptr_array_add (self->mentions, g_object_ref (mention));
      watch_entity (self, vr_mention_get_entity (mention));
    }
  if (self->gloss_entity != NULL)
    watch_entity (self, self->gloss_entity);

  g_clear_object (&was_focused);

  gtk_label_set_text (self->text_label, text);
  if (paragraph != NULL && vr_paragraph_get_kind (paragraph) == VR_PARAGRAPH_KIND_HEADING)
    {
      gtk_label_set_justify (self->text_label, GTK_JUSTIFY_CENTER);
      gtk_label_set_xalign (self->text_label, 0.5f);
    }
  else
    {
      gtk_label_set_justify (self->text_label, GTK_JUSTIFY_LEFT);
      gtk_label_set_xalign (self->text_label, 0.0f);
    }

  /* The focus stays on its name when the paragraph is only redrawn. */
  if (self->focused == focused)
    update_attributes (self);
  else
    set_focused (self, focused);
  refresh_context (self);
  update_position (self);
}

VrDocument *
vr_presentation_window_get_document (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return self->document;
}

guint
vr_presentation_window_get_n_paragraphs (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), 0);

  if (self->document == NULL)
    return 0;

  return g_list_model_get_n_items (vr_document_get_paragraphs (self->document));
}

guint
vr_presentation_window_get_paragraph (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), 0);

  return self->paragraph;
}

void
vr_presentation_window_set_paragraph (VrPresentationWindow *self,
                                      guint                 paragraph)
{
  guint n;

  g_return_if_fail (VR_IS_PRESENTATION_WINDOW (self));

  n = vr_presentation_window_get_n_paragraphs (self);
  paragraph = n > 0 ? MIN (paragraph, n - 1) : 0;

  /* A new paragraph starts with no name focused and no gloss. */
  vr_presentation_window_hide_gloss (self);

  if (self->paragraph == paragraph && self->shown != NULL)
    return;

  self->paragraph = paragraph;
  refresh_paragraph (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAGRAPH]);
}

const char *
vr_presentation_window_get_position_text (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return self->position_text;
}

double
vr_presentation_window_get_zoom (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), 1.0);

  return self->zoom;
}

void
vr_presentation_window_set_zoom (VrPresentationWindow *self,
                                 double                zoom)
{
  g_return_if_fail (VR_IS_PRESENTATION_WINDOW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;

  self->zoom = zoom;
  update_measure (self);
  update_attributes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
on_paragraphs_items_changed_cb (VrPresentationWindow *self)
{
  guint n = vr_presentation_window_get_n_paragraphs (self);
  guint old = self->paragraph;

  if (n > 0 && self->paragraph >= n)
    self->paragraph = n - 1;
  refresh_paragraph (self);
  if (old != self->paragraph)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAGRAPH]);
}

static void
on_mentions_changed_cb (VrPresentationWindow *self,
                        VrParagraph          *paragraph,
                        const char           *version_id)
{
  if (paragraph == self->shown)
    refresh_paragraph (self);
}

static void
on_entities_items_changed_cb (VrPresentationWindow *self)
{
  /* A removed entity takes its gloss with it. */
  if (self->gloss_entity != NULL &&
      vr_document_lookup_entity (self->document, vr_entity_get_id (self->gloss_entity)) != self->gloss_entity)
    vr_presentation_window_hide_gloss (self);
  refresh_paragraph (self);
}

static void
on_document_notify_title_cb (VrPresentationWindow *self)
{
  update_title (self);
}

static void
set_document (VrPresentationWindow *self,
              VrDocument           *document)
{
  g_assert (self->document == NULL);

  if (document == NULL)
    return;

  self->document = g_object_ref (document);
  g_signal_connect_object (vr_document_get_paragraphs (document), "items-changed",
                           G_CALLBACK (on_paragraphs_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vr_document_get_entities (document), "items-changed",
                           G_CALLBACK (on_entities_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "mentions-changed",
                           G_CALLBACK (on_mentions_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title",
                           G_CALLBACK (on_document_notify_title_cb), self, G_CONNECT_SWAPPED);
}

/* The mention under label coordinates (@x, @y), or NULL (transfer none). */
static VrMention *
mention_at_label_point (VrPresentationWindow *self,
                        double                x,
                        double                y)
{
  PangoLayout *layout = gtk_label_get_layout (self->text_label);
  const char *text = gtk_label_get_text (self->text_label);
  int ox, oy, index, trailing;
  glong offset;

  gtk_label_get_layout_offsets (self->text_label, &ox, &oy);
  if (!pango_layout_xy_to_index (layout,
                                 (int) ((x - ox) * PANGO_SCALE),
                                 (int) ((y - oy) * PANGO_SCALE),
                                 &index, &trailing))
    return NULL;

  offset = g_utf8_pointer_to_offset (text, text + index);
  for (guint i = 0; i < self->mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (self->mentions, i);

      if (vr_mention_get_start (mention) <= offset && offset < vr_mention_get_end (mention))
        return mention;
    }

  return NULL;
}

VrMention *
_vr_presentation_window_get_mention_at (VrPresentationWindow *self,
                                        double                x,
                                        double                y)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return mention_at_label_point (self, x, y);
}

static void
on_text_click_released_cb (GtkGestureClick      *gesture,
                           int                   n_press,
                           double                x,
                           double                y,
                           VrPresentationWindow *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  VrMention *mention = NULL;
  double lx, ly;

  if (gtk_widget_translate_coordinates (widget, GTK_WIDGET (self->text_label), x, y, &lx, &ly))
    mention = mention_at_label_point (self, lx, ly);

  if (mention == NULL)
    {
      /* A click beside the names puts the gloss away. */
      vr_presentation_window_hide_gloss (self);
      return;
    }

  for (guint i = 0; i < self->mentions->len; i++)
    if (g_ptr_array_index (self->mentions, i) == mention)
      set_focused (self, i);
  vr_presentation_window_show_gloss (self, vr_mention_get_entity (mention));
}

/* A paragraph taller than the screen says so: Space shows the rest. */
static void
on_vadjustment_changed_cb (VrPresentationWindow *self,
                           GtkAdjustment        *adj)
{
  gboolean more = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj)
                  < gtk_adjustment_get_upper (adj) - 1.0;

  gtk_widget_set_visible (self->more_below, more);
}

static void
on_scrim_click_released_cb (GtkGestureClick      *gesture,
                            int                   n_press,
                            double                x,
                            double                y,
                            VrPresentationWindow *self)
{
  graphene_rect_t card;

  /* A click on the card keeps it; beside it, the text comes back. */
  if (gtk_widget_compute_bounds (self->gloss_card, self->gloss_scrim, &card) &&
      graphene_rect_contains_point (&card, &GRAPHENE_POINT_INIT (x, y)))
    return;

  vr_presentation_window_hide_gloss (self);
}

static void
show_pointer (VrPresentationWindow *self,
              gboolean              show)
{
  if (self->pointer_hidden == !show)
    return;

  self->pointer_hidden = !show;
  if (show)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  else
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
}

static gboolean
on_pointer_timeout_cb (gpointer data)
{
  VrPresentationWindow *self = data;

  self->pointer_timeout_id = 0;
  show_pointer (self, FALSE);

  return G_SOURCE_REMOVE;
}

void
_vr_presentation_window_pointer_moved (VrPresentationWindow *self)
{
  g_return_if_fail (VR_IS_PRESENTATION_WINDOW (self));

  show_pointer (self, TRUE);
  g_clear_handle_id (&self->pointer_timeout_id, g_source_remove);
  self->pointer_timeout_id = g_timeout_add (self->pointer_delay, on_pointer_timeout_cb, self);
}

void
_vr_presentation_window_set_pointer_delay (VrPresentationWindow *self,
                                           guint                 msec)
{
  g_return_if_fail (VR_IS_PRESENTATION_WINDOW (self));

  self->pointer_delay = msec;
  _vr_presentation_window_pointer_moved (self);
}

gboolean
_vr_presentation_window_get_pointer_hidden (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->pointer_hidden;
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              VrPresentationWindow     *self)
{
  /* A new cursor can bring a motion event at the same place: only a real
   * move shows the pointer again. */
  if (self->has_pointer_position &&
      ABS (x - self->pointer_x) < 1.0 && ABS (y - self->pointer_y) < 1.0)
    return;

  self->has_pointer_position = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  _vr_presentation_window_pointer_moved (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (widget);
  guint n = vr_presentation_window_get_n_paragraphs (self);
  guint target = self->paragraph;

  if (n == 0)
    return;

  /* A paragraph taller than the screen is paged through before the next
   * one comes, and back up before the previous one. */
  if (self->gloss_entity == NULL &&
      (g_str_equal (action_name, "presentation.next") || g_str_equal (action_name, "presentation.previous")))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
      double value = gtk_adjustment_get_value (adj);
      double page = gtk_adjustment_get_page_size (adj);
      double upper = gtk_adjustment_get_upper (adj);
      double step = MAX (page * 0.85, 1.0);

      if (g_str_equal (action_name, "presentation.next") && value + page < upper - 1.0)
        {
          gtk_adjustment_set_value (adj, MIN (value + step, upper - page));
          return;
        }
      if (g_str_equal (action_name, "presentation.previous") && value > 1.0)
        {
          gtk_adjustment_set_value (adj, MAX (value - step, 0.0));
          return;
        }
    }

  if (g_str_equal (action_name, "presentation.next"))
    target = self->paragraph + 1 < n ? self->paragraph + 1 : self->paragraph;
  else if (g_str_equal (action_name, "presentation.previous"))
    target = self->paragraph > 0 ? self->paragraph - 1 : 0;
  else if (g_str_equal (action_name, "presentation.first"))
    target = 0;
  else if (g_str_equal (action_name, "presentation.last"))
    target = n - 1;

  if (target == self->paragraph && self->gloss_entity == NULL)
    gtk_widget_error_bell (widget);

  vr_presentation_window_set_paragraph (self, target);
}

static void
name_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (widget);
  int n = self->mentions->len;
  int focused = self->focused;

  if (n == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (g_str_equal (action_name, "presentation.next-name"))
    focused = focused < 0 ? 0 : (focused + 1) % n;
  else if (g_str_equal (action_name, "presentation.previous-name"))
    focused = focused <= 0 ? n - 1 : focused - 1;
  else if (focused < 0)
    /* Return with no name chosen glosses the first. */
    focused = 0;

  set_focused (self, focused);

  /* An open gloss follows the focus from name to name. */
  if (g_str_equal (action_name, "presentation.gloss") || self->gloss_entity != NULL)
    vr_presentation_window_show_gloss (self,
                                       vr_mention_get_entity (vr_presentation_window_get_focused_mention (self)));
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (widget);

  if (g_str_equal (action_name, "presentation.escape") && self->gloss_entity != NULL)
    {
      vr_presentation_window_hide_gloss (self);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (widget);
  double next = 1.0;

  if (g_str_equal (action_name, "presentation.zoom-in"))
    {
      next = self->zoom;
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > self->zoom + 0.001)
          {
            next = zoom_levels[i];
            break;
          }
    }
  else if (g_str_equal (action_name, "presentation.zoom-out"))
    {
      next = self->zoom;
      for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
        if (zoom_levels[i - 1] < self->zoom - 0.001)
          {
            next = zoom_levels[i - 1];
            break;
          }
    }

  vr_presentation_window_set_zoom (self, next);
}

static const struct {
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} shortcuts[] = {
  { GDK_KEY_space, 0, "presentation.next" },
  { GDK_KEY_Page_Down, 0, "presentation.next" },
  { GDK_KEY_Down, 0, "presentation.next" },
  { GDK_KEY_Right, 0, "presentation.next" },
  { GDK_KEY_KP_Page_Down, 0, "presentation.next" },
  { GDK_KEY_space, GDK_SHIFT_MASK, "presentation.previous" },
  { GDK_KEY_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_Up, 0, "presentation.previous" },
  { GDK_KEY_Left, 0, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_BackSpace, 0, "presentation.previous" },
  { GDK_KEY_Home, 0, "presentation.first" },
  { GDK_KEY_End, 0, "presentation.last" },
  { GDK_KEY_Tab, 0, "presentation.next-name" },
  { GDK_KEY_Tab, GDK_SHIFT_MASK, "presentation.previous-name" },
  { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "presentation.previous-name" },
  { GDK_KEY_ISO_Left_Tab, 0, "presentation.previous-name" },
  { GDK_KEY_Return, 0, "presentation.gloss" },
  { GDK_KEY_KP_Enter, 0, "presentation.gloss" },
  { GDK_KEY_Escape, 0, "presentation.escape" },
  { GDK_KEY_F5, 0, "presentation.leave" },
  { GDK_KEY_plus, GDK_CONTROL_MASK, "presentation.zoom-in" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "presentation.zoom-in" },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "presentation.zoom-in" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "presentation.zoom-out" },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "presentation.zoom-out" },
  { GDK_KEY_0, GDK_CONTROL_MASK, "presentation.zoom-reset" },
  { GDK_KEY_KP_0, GDK_CONTROL_MASK, "presentation.zoom-reset" },
};

static void
load_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GBytes) layout = NULL;
  g_autofree char *colors = NULL;
  g_autofree char *css = NULL;

  if (g_object_get_data (G_OBJECT (display), "vr-present-css") != NULL)
    return;

  layout = g_resources_lookup_data (RESOURCE_BASE "/present/present.css", 0, NULL);
  colors = vr_present_palette_to_css ();
  css = g_strconcat (layout ? (const char *) g_bytes_get_data (layout, NULL) : "", "\n", colors, NULL);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "vr-present-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
load_document_font (VrPresentationWindow *self)
{
  g_autofree char *name = NULL;

  if (self->interface_settings != NULL)
    name = g_settings_get_string (self->interface_settings, "document-font-name");

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_from_string (name != NULL && name[0] != '\0' ? name : FALLBACK_FONT);
  update_measure (self);
  update_attributes (self);
}

static void
vr_presentation_window_map (GtkWidget *widget)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (widget);

  GTK_WIDGET_CLASS (vr_presentation_window_parent_class)->map (widget);

  /* The pointer hides if it never moves at all. */
  if (self->pointer_timeout_id == 0 && !self->pointer_hidden)
    _vr_presentation_window_pointer_moved (self);
}

static void
vr_presentation_window_constructed (GObject *object)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (object);

  G_OBJECT_CLASS (vr_presentation_window_parent_class)->constructed (object);

  update_title (self);
  refresh_paragraph (self);
}

static void
vr_presentation_window_dispose (GObject *object)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (object);

  g_clear_handle_id (&self->pointer_timeout_id, g_source_remove);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, on_paragraph_text_changed_cb, self);
  g_clear_object (&self->shown);
  if (self->entities != NULL)
    unwatch_entities (self);
  if (self->mentions != NULL)
    g_ptr_array_set_size (self->mentions, 0);
  g_clear_object (&self->gloss_entity);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->interface_settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_PRESENTATION_WINDOW);

  G_OBJECT_CLASS (vr_presentation_window_parent_class)->dispose (object);
}

static void
vr_presentation_window_finalize (GObject *object)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (object);

  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->version_id, g_free);
  g_clear_pointer (&self->position_text, g_free);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (vr_presentation_window_parent_class)->finalize (object);
}

static void
vr_presentation_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PARAGRAPH:
      g_value_set_uint (value, self->paragraph);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_GLOSS_ENTITY:
      g_value_set_object (value, self->gloss_entity);
      break;
    case PROP_FOCUSED_MENTION:
      g_value_set_object (value, vr_presentation_window_get_focused_mention (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_presentation_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VrPresentationWindow *self = VR_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_PARAGRAPH:
      vr_presentation_window_set_paragraph (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      vr_presentation_window_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_presentation_window_class_init (VrPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vr_presentation_window_constructed;
  object_class->dispose = vr_presentation_window_dispose;
  object_class->finalize = vr_presentation_window_finalize;
  object_class->get_property = vr_presentation_window_get_property;
  object_class->set_property = vr_presentation_window_set_property;

  widget_class->map = vr_presentation_window_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARAGRAPH] =
    g_param_spec_uint ("paragraph", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GLOSS_ENTITY] =
    g_param_spec_object ("gloss-entity", NULL, NULL,
                         VR_TYPE_ENTITY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUSED_MENTION] =
    g_param_spec_object ("focused-mention", NULL, NULL,
                         VR_TYPE_MENTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/present/vr-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, clamp);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, text_label);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, previous_clamp);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, previous_label);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, next_clamp);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, more_below);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, gloss_scrim);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, gloss_card);
  gtk_widget_class_bind_template_child (widget_class, VrPresentationWindow, gloss_forms);
  gtk_widget_class_bind_template_child_full (widget_class, "gloss_kind", FALSE,
                                             G_STRUCT_OFFSET (VrPresentationWindow, gloss_labels[VR_GLOSS_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "gloss_name", FALSE,
                                             G_STRUCT_OFFSET (VrPresentationWindow, gloss_labels[VR_GLOSS_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "gloss_hangul", FALSE,
                                             G_STRUCT_OFFSET (VrPresentationWindow, gloss_labels[VR_GLOSS_HANGUL]));
  gtk_widget_class_bind_template_child_full (widget_class, "gloss_rr", FALSE,
                                             G_STRUCT_OFFSET (VrPresentationWindow, gloss_labels[VR_GLOSS_RR]));
  gtk_widget_class_bind_template_child_full (widget_class, "gloss_mr", FALSE,
                                             G_STRUCT_OFFSET (VrPresentationWindow, gloss_labels[VR_GLOSS_MR]));
  gtk_widget_class_bind_template_child_full (widget_class, "gloss_description", FALSE,
                                             G_STRUCT_OFFSET (VrPresentationWindow, gloss_labels[VR_GLOSS_DESCRIPTION]));

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.next-name", NULL, name_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous-name", NULL, name_action);
  gtk_widget_class_install_action (widget_class, "presentation.gloss", NULL, name_action);
  gtk_widget_class_install_action (widget_class, "presentation.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "presentation.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "presentation.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "presentation.zoom-reset", NULL, zoom_action);
}

static void
vr_presentation_window_init (VrPresentationWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkEventController *controller;
  GtkGesture *click;

  self->zoom = 1.0;
  self->focused = -1;
  self->pointer_delay = POINTER_DELAY_MS;
  self->mentions = g_ptr_array_new_with_free_func (g_object_unref);
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);

  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_init_template (GTK_WIDGET (self));
  load_css (GTK_WIDGET (self));

  /* Every key of the presentation, before any child or the window's own
   * Tab handling sees it. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].keyval,
                                                                                    shortcuts[i].modifiers),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (on_text_click_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (on_scrim_click_released_cb), self, 0);
  gtk_widget_add_controller (self->gloss_scrim, GTK_EVENT_CONTROLLER (click));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "document-font-name"))
    {
      self->interface_settings = g_settings_new ("org.gnome.desktop.interface");
      g_signal_connect_object (self->interface_settings, "changed::document-font-name",
                               G_CALLBACK (load_document_font), self, G_CONNECT_SWAPPED);
    }
  load_document_font (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);

  /* Its own scale, apart from the desk's "zoom". */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "presentation-zoom", self, "zoom", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
vr_presentation_window_new (VrDocument *document,
                            guint       paragraph)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  return g_object_new (VR_TYPE_PRESENTATION_WINDOW,
                       "document", document,
                       "paragraph", paragraph,
                       NULL);
}

GtkLabel *
_vr_presentation_window_get_gloss_label (VrPresentationWindow *self,
                                         VrGlossLabel          which)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);
  g_return_val_if_fail (which < VR_GLOSS_N_LABELS, NULL);

  return self->gloss_labels[which];
}

GtkWidget *
_vr_presentation_window_get_gloss_card (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return self->gloss_card;
}

GtkLabel *
_vr_presentation_window_get_text_label (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return self->text_label;
}

GtkLabel *
_vr_presentation_window_get_context_label (VrPresentationWindow *self,
                                           gboolean              next)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return next ? self->next_label : self->previous_label;
}

GtkWidget *
_vr_presentation_window_get_more_below (VrPresentationWindow *self)
{
  g_return_val_if_fail (VR_IS_PRESENTATION_WINDOW (self), NULL);

  return self->more_below;
}
