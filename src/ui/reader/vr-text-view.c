/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-text-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "vr-fold.h"
#include "vr-text-view.h"

#define N_KINDS (VR_ENTITY_KIND_OTHER + 1)
#define IDEAL_CHARS 70
#define FALLBACK_FONT "Serif 12"

typedef struct
{
  int start;
  int end;
} Range;

struct _VrTextView
{
  GtkTextView           parent_instance;

  VrDocument           *document;
  char                 *version_id;
  double                zoom;

  /* One entry per paragraph of the document, in order. */
  GPtrArray            *paragraphs;
  GArray               *para_offsets;
  GHashTable           *para_index;

  GPtrArray            *highlighted;
  GArray               *matches;
  char                 *search_text;
  int                   current_match;

  guint                 rebuild_id;

  GSettings            *interface_settings;
  PangoFontDescription *font;
  int                   number_width;
  gboolean              pointer_on_mention;
  VrMention            *pressed_mention;

  GtkTextTag           *document_tag;
  GtkTextTag           *heading_tag;
  GtkTextTag           *closing_tag;
  GtkTextTag           *note_tag;
  GtkTextTag           *kind_tags[N_KINDS];
  GtkTextTag           *selected_tag;
  GtkTextTag           *match_tag;
  GtkTextTag           *current_tag;
  GtkTextMark          *scroll_mark;

  /* Notes (the document's annotations): see the end of the file. */
  GtkTextTag           *annotation_tag;
  GPtrArray            *shown_annotations;
  VrAnnotation         *pressed_annotation;
};

G_DEFINE_FINAL_TYPE (VrTextView, vr_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  N_PROPS
};

enum {
  MENTION_ACTIVATED,
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const kind_tag_names[N_KINDS] = {
  "mention-person",
  "mention-organization",
  "mention-place",
  "mention-event",
  "mention-other",
};

static void vr_text_view_rebuild (VrTextView *self);
static void notes_init           (VrTextView *self);
static void notes_set_document   (VrTextView *self,
                                  VrDocument *document);
static void notes_mark_all       (VrTextView *self);
static void notes_button_event   (VrTextView *self,
                                  GdkEventType type,
                                  double       x,
                                  double       y);

static void
set_rgba (GtkTextTag *tag,
          const char *property,
          const char *spec)
{
  GdkRGBA rgba;

  if (spec == NULL)
    {
      g_object_set (tag, property, NULL, NULL);
      return;
    }
  if (gdk_rgba_parse (&rgba, spec))
    g_object_set (tag, property, &rgba, NULL);
}

/* Colours chosen from the GNOME palette, one set for each style so that the
 * marks keep their contrast on light and dark backgrounds: underline and
 * background of each kind's mentions, and the highlight of a selection.
 * Other views of the text (the comparison) read them through
 * vr_text_view_get_kind_colors (). */
static const char * const kind_colors_light[N_KINDS][2] = {
  { "#1c71d8", "rgba(53,132,228,0.10)" },
  { "#813d9c", "rgba(145,65,172,0.10)" },
  { "#26a269", "rgba(51,209,122,0.13)" },
  { "#c64600", "rgba(255,120,0,0.12)" },
  { "#5e5c64", "rgba(119,118,123,0.12)" },
};
static const char * const kind_colors_dark[N_KINDS][2] = {
  { "#99c1f1", "rgba(53,132,228,0.22)" },
  { "#dc8add", "rgba(145,65,172,0.28)" },
  { "#8ff0a4", "rgba(51,209,122,0.18)" },
  { "#ffbe6f", "rgba(255,120,0,0.22)" },
  { "#c0bfbc", "rgba(154,153,150,0.20)" },
};
#define SELECTED_LIGHT "#f9f06b"
#define SELECTED_DARK "#f5c211"

static void
update_colors (VrTextView *self)
{
  gboolean is_dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const char * const (*colors)[2] = is_dark ? kind_colors_dark : kind_colors_light;

  for (guint i = 0; i < N_KINDS; i++)
    {
      set_rgba (self->kind_tags[i], "underline-rgba", colors[i][0]);
      set_rgba (self->kind_tags[i], "background-rgba", colors[i][1]);
    }

  set_rgba (self->closing_tag, "foreground-rgba",
            is_dark ? "rgba(255,255,255,0.68)" : "rgba(0,0,0,0.64)");
  set_rgba (self->note_tag, "foreground-rgba",
            is_dark ? "rgba(255,255,255,0.68)" : "rgba(0,0,0,0.64)");

  /* Highlights carry their own dark text so they read in both styles. */
  set_rgba (self->selected_tag, "background-rgba", is_dark ? SELECTED_DARK : SELECTED_LIGHT);
  set_rgba (self->selected_tag, "foreground-rgba", "#000000");
  set_rgba (self->match_tag, "background-rgba", is_dark ? "#c88800" : "#ffc57a");
  set_rgba (self->match_tag, "foreground-rgba", "#000000");
  set_rgba (self->current_tag, "background-rgba", "#ff7800");
  set_rgba (self->current_tag, "foreground-rgba", "#000000");
}

static void
update_fonts (VrTextView *self)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *number_font;
  int size, width;

  font = pango_font_description_copy (self->font);
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 12 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * self->zoom));
  g_object_set (self->document_tag, "font-desc", font, NULL);

  /* Room in the left margin for paragraph numbers up to 999. */
  number_font = pango_font_description_copy (font);
  pango_font_description_set_size (number_font, (int) (size * self->zoom * 0.75));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "000");
  pango_layout_set_font_description (layout, number_font);
  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_font_description_free (number_font);
  self->number_width = width;

  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), width + 28);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 28);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), (int) (24 * self->zoom));
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), (int) (64 * self->zoom));
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), (int) (12 * self->zoom));
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), (int) (5 * self->zoom));
}

static void
load_document_font (VrTextView *self)
{
  g_autofree char *name = NULL;

  if (self->interface_settings != NULL)
    name = g_settings_get_string (self->interface_settings, "document-font-name");

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_from_string (name != NULL && name[0] != '\0' ? name : FALLBACK_FONT);
  update_fonts (self);
}

static void
on_document_font_changed_cb (VrTextView *self)
{
  load_document_font (self);
}

static void
on_dark_changed_cb (VrTextView *self)
{
  update_colors (self);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  VrTextView *self = data;

  self->rebuild_id = 0;
  vr_text_view_rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (VrTextView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

static void
disconnect_paragraphs (VrTextView *self)
{
  for (guint i = 0; i < self->paragraphs->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->paragraphs, i),
                                          queue_rebuild, self);
  g_ptr_array_set_size (self->paragraphs, 0);
}

static void
apply_range (VrTextView *self,
             GtkTextTag *tag,
             int         start,
             int         end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
}

static void
clear_tag (VrTextView *self,
           GtkTextTag *tag)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_tag (buffer, tag, &s, &e);
}

/* Buffer offsets of @mention, checked against its paragraph's text. */
static gboolean
mention_range (VrTextView *self,
               VrMention  *mention,
               Range      *range)
{
  VrParagraph *paragraph;
  gpointer value;
  guint index, start, end;

  if (self->document == NULL || self->version_id == NULL ||
      g_strcmp0 (vr_mention_get_version_id (mention), self->version_id) != 0)
    return FALSE;

  paragraph = vr_mention_get_paragraph (mention);
  if (paragraph == NULL ||
      !g_hash_table_lookup_extended (self->para_index, paragraph, NULL, &value))
    return FALSE;

  index = GPOINTER_TO_UINT (value);
  start = vr_mention_get_start (mention);
  end = vr_mention_get_end (mention);
  if (start >= end || end > vr_paragraph_get_n_chars (paragraph, self->version_id))
    return FALSE;

  range->start = g_array_index (self->para_offsets, int, index) + start;
  range->end = g_array_index (self->para_offsets, int, index) + end;

  return TRUE;
}

static void
apply_highlights (VrTextView *self)
{
  clear_tag (self, self->selected_tag);

  if (self->highlighted == NULL)
    return;

  for (guint i = 0; i < self->highlighted->len; i++)
    {
      Range range;

      if (mention_range (self, g_ptr_array_index (self->highlighted, i), &range))
        apply_range (self, self->selected_tag, range.start, range.end);
    }
}

static void
apply_matches (VrTextView *self)
{
  clear_tag (self, self->match_tag);
  clear_tag (self, self->current_tag);

  for (guint i = 0; i < self->matches->len; i++)
    {
      const Range *r = &g_array_index (self->matches, Range, i);

      apply_range (self, (int) i == self->current_match ? self->current_tag : self->match_tag,
                   r->start, r->end);
    }
}

static void
find_matches (VrTextView *self)
{
  g_autoptr(GArray) found = NULL;

  g_array_set_size (self->matches, 0);
  self->current_match = -1;

  if (self->document == NULL || self->search_text == NULL || self->version_id == NULL)
    return;

  found = vr_fold_search_paragraphs (vr_document_get_paragraphs (self->document),
                                     self->version_id, self->search_text);

  for (guint i = 0; i < found->len; i++)
    {
      const VrTextMatch *m = &g_array_index (found, VrTextMatch, i);
      int base = g_array_index (self->para_offsets, int, m->paragraph);
      Range r;

      r.start = base + m->start;
      r.end = base + m->end;
      g_array_append_val (self->matches, r);
    }
}

static void
disconnect_document (VrTextView *self)
{
  if (self->document == NULL)
    return;

  g_signal_handlers_disconnect_by_data (vr_document_get_paragraphs (self->document), self);
  g_signal_handlers_disconnect_by_data (vr_document_get_entities (self->document), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
}

static void
tag_mention (VrTextView *self,
             VrMention  *mention)
{
  VrEntity *entity = vr_mention_get_entity (mention);
  VrEntityKind kind;
  Range range;

  if (entity == NULL || !mention_range (self, mention, &range))
    return;

  kind = vr_entity_get_kind (entity);
  if ((guint) kind >= N_KINDS)
    kind = VR_ENTITY_KIND_OTHER;
  apply_range (self, self->kind_tags[kind], range.start, range.end);
}

/* A mention was added, removed or retargeted in @paragraph: re-mark that
 * paragraph alone, so that an edit costs one paragraph, not the document. */
static void
on_mentions_changed_cb (VrTextView  *self,
                        VrParagraph *paragraph,
                        const char  *version_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) mentions = NULL;
  GtkTextIter start, end;
  gpointer value;
  guint index;

  /* A whole rebuild is already on its way, or another version changed. */
  if (self->rebuild_id != 0 || g_strcmp0 (version_id, self->version_id) != 0)
    return;

  if (!g_hash_table_lookup_extended (self->para_index, paragraph, NULL, &value))
    {
      queue_rebuild (self);
      return;
    }
  index = GPOINTER_TO_UINT (value);

  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      g_array_index (self->para_offsets, int, index));
  if (index + 1 < self->para_offsets->len)
    gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                        g_array_index (self->para_offsets, int, index + 1));
  else
    gtk_text_buffer_get_end_iter (buffer, &end);

  for (guint k = 0; k < N_KINDS; k++)
    gtk_text_buffer_remove_tag (buffer, self->kind_tags[k], &start, &end);

  mentions = vr_document_get_paragraph_mentions (self->document, paragraph, version_id);
  for (guint i = 0; i < mentions->len; i++)
    tag_mention (self, g_ptr_array_index (mentions, i));

  apply_highlights (self);
}

static void
vr_text_view_rebuild (VrTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GListModel *paragraphs, *mentions;
  GtkTextIter iter;
  VrVersion *version;
  guint n;
  int offset = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  disconnect_paragraphs (self);
  g_array_set_size (self->para_offsets, 0);
  g_hash_table_remove_all (self->para_index);
  g_clear_pointer (&self->version_id, g_free);
  gtk_text_buffer_set_text (buffer, "", 0);

  if (self->document == NULL)
    {
      g_array_set_size (self->matches, 0);
      self->current_match = -1;
      return;
    }

  version = vr_document_get_default_version (self->document);
  if (version != NULL)
    self->version_id = g_strdup (vr_version_get_id (version));

  /* Mentions are marked by their entity's kind: a new kind redraws them. */
  {
    GListModel *entities = vr_document_get_entities (self->document);

    for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
      {
        g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);

        g_signal_handlers_disconnect_by_func (entity, queue_rebuild, self);
        g_signal_connect_object (entity, "notify::kind", G_CALLBACK (queue_rebuild),
                                 self, G_CONNECT_SWAPPED);
      }
  }

  paragraphs = vr_document_get_paragraphs (self->document);
  n = g_list_model_get_n_items (paragraphs);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree char *valid = NULL;
      const char *text = NULL;
      GtkTextTag *kind_tag = NULL;

      if (self->version_id != NULL)
        text = vr_paragraph_get_text (paragraph, self->version_id);
      if (text == NULL)
        text = "";
      /* The buffer refuses invalid UTF-8; the model should never hold it. */
      if (!g_utf8_validate (text, -1, NULL))
        text = valid = g_utf8_make_valid (text, -1);

      if (i > 0)
        {
          gtk_text_buffer_insert (buffer, &iter, "\n", 1);
          offset++;
        }

      g_array_append_val (self->para_offsets, offset);
      g_hash_table_insert (self->para_index, paragraph, GUINT_TO_POINTER (i));
      g_ptr_array_add (self->paragraphs, g_object_ref (paragraph));
      g_signal_connect_swapped (paragraph, "text-changed", G_CALLBACK (queue_rebuild), self);

      switch (vr_paragraph_get_kind (paragraph))
        {
        case VR_PARAGRAPH_KIND_HEADING: kind_tag = self->heading_tag; break;
        case VR_PARAGRAPH_KIND_CLOSING: kind_tag = self->closing_tag; break;
        case VR_PARAGRAPH_KIND_NOTE: kind_tag = self->note_tag; break;
        case VR_PARAGRAPH_KIND_BODY:
        default: break;
        }

      gtk_text_buffer_insert_with_tags (buffer, &iter, text, -1,
                                        self->document_tag, kind_tag, NULL);
      offset += g_utf8_strlen (text, -1);
    }

  /* One shared tag per kind: a tag per mention would cost seconds. */
  mentions = vr_document_get_mentions (self->document);
  n = g_list_model_get_n_items (mentions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrMention) mention = g_list_model_get_item (mentions, i);

      tag_mention (self, mention);
    }

  apply_highlights (self);
  find_matches (self);
  if (self->matches->len > 0)
    self->current_match = 0;
  apply_matches (self);
  notes_mark_all (self);
}

VrMention *
vr_text_view_get_mention_at_point (VrTextView *self,
                                   double      x,
                                   double      y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return NULL;

  return vr_text_view_get_mention_at_offset (self, gtk_text_iter_get_offset (&iter));
}

static GtkWidget *
card_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Plain text: names and descriptions come from the document. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The hover card: who this is and how the text spells them here. */
GtkWidget *
vr_text_view_create_mention_card (VrTextView *self,
                                  VrMention  *mention)
{
  VrEntity *entity = vr_mention_get_entity (mention);
  g_autofree char *surface = vr_mention_dup_text (mention);
  GtkWidget *box;
  VrVariant *variant;
  const char *s;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "mention-card");

  if (entity == NULL)
    return box;

  gtk_box_append (GTK_BOX (box), card_label (vr_entity_get_name (entity), "heading"));

  if ((s = vr_entity_get_hangul (entity)) != NULL && s[0] != '\0')
    gtk_box_append (GTK_BOX (box), card_label (s, "original-form"));
  if ((s = vr_entity_get_hanja (entity)) != NULL && s[0] != '\0')
    gtk_box_append (GTK_BOX (box), card_label (s, "original-form"));
  if ((s = vr_entity_get_cyrillic (entity)) != NULL && s[0] != '\0')
    gtk_box_append (GTK_BOX (box), card_label (s, "original-form"));

  gtk_box_append (GTK_BOX (box),
                  card_label (vr_entity_kind_get_label (vr_entity_get_kind (entity)), "dim-label"));

  if ((s = vr_entity_get_description (entity)) != NULL && s[0] != '\0')
    gtk_box_append (GTK_BOX (box), card_label (s, NULL));

  if (surface != NULL)
    {
      g_autofree char *line = NULL;

      variant = self->document != NULL ? vr_document_get_mention_variant (self->document, mention) : NULL;
      if (variant != NULL)
        /* Translators: the spelling used at this place, and its romanization system */
        line = g_strdup_printf (_("Spelled here “%s” (%s)"), surface,
                                vr_name_system_get_label (vr_variant_get_system (variant)));
      else if (vr_mention_get_short (mention))
        /* Translators: a short reference such as "Yun" for "Yun Gong-heum" */
        line = g_strdup_printf (_("Short reference “%s”"), surface);
      else
        line = g_strdup_printf (_("Spelled here “%s”"), surface);

      gtk_box_append (GTK_BOX (box), card_label (line, "caption"));
    }

  if (vr_mention_get_uncertain (mention))
    gtk_box_append (GTK_BOX (box), card_label (_("Uncertain reading (bracketed)"), "caption"));

  return box;
}

static gboolean
vr_text_view_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  VrTextView *self = VR_TEXT_VIEW (widget);
  VrMention *mention;
  VrAnnotation *annotation;
  GtkWidget *card;

  /* No hover card over a popover opened on the text. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return FALSE;

  if (keyboard_mode)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      mention = vr_text_view_get_mention_at_offset (self, gtk_text_iter_get_offset (&iter));
      annotation = vr_text_view_get_annotation_at_offset (self, gtk_text_iter_get_offset (&iter));
    }
  else
    {
      mention = vr_text_view_get_mention_at_point (self, x, y);
      annotation = vr_text_view_get_annotation_at_point (self, x, y);
    }

  if (mention == NULL && annotation == NULL)
    return FALSE;

  /* A name inside a noted passage shows both. */
  if (mention != NULL && annotation != NULL)
    {
      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      gtk_box_append (GTK_BOX (card), vr_text_view_create_mention_card (self, mention));
      gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (card), vr_text_view_create_annotation_card (self, annotation));
    }
  else if (mention != NULL)
    card = vr_text_view_create_mention_card (self, mention);
  else
    card = vr_text_view_create_annotation_card (self, annotation);

  gtk_tooltip_set_custom (tooltip, card);

  return TRUE;
}

/* The text view's own gestures claim every press (to place the cursor and
 * select), so a gesture of ours would be cancelled: watch the raw button
 * events instead, and never stop them. */
static gboolean
on_button_event_cb (GtkEventControllerLegacy *legacy,
                    GdkEvent                 *event,
                    VrTextView               *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkTextBuffer *buffer;
  GtkNative *native;
  VrMention *mention;
  double x, y, nx, ny;

  /* A popover on the text is another surface: its clicks are not on the
   * text under them. */
  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE) ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      (native = gtk_widget_get_native (GTK_WIDGET (self))) == NULL ||
      gdk_event_get_surface (event) != gtk_native_get_surface (native) ||
      !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                         x - nx, y - ny, &x, &y))
    return GDK_EVENT_PROPAGATE;

  mention = vr_text_view_get_mention_at_point (self, x, y);
  /* A name is clicked before a note around it. */
  if (mention == NULL)
    notes_button_event (self, type, x, y);

  if (type == GDK_BUTTON_PRESS)
    {
      self->pressed_mention = mention;
      return GDK_EVENT_PROPAGATE;
    }

  /* A drag that selected text is not a click on a name. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (mention != NULL && mention == self->pressed_mention &&
      !gtk_text_buffer_get_has_selection (buffer))
    g_signal_emit (self, signals[MENTION_ACTIVATED], 0, mention);
  self->pressed_mention = NULL;

  return GDK_EVENT_PROPAGATE;
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              VrTextView               *self)
{
  gboolean on_mention = (vr_text_view_get_mention_at_point (self, x, y) != NULL ||
                        vr_text_view_get_annotation_at_point (self, x, y) != NULL);

  /* Only on a change: every new cursor is a request to the display. */
  if (on_mention == self->pointer_on_mention)
    return;

  self->pointer_on_mention = on_mention;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), on_mention ? "pointer" : "text");
}

static void
vr_text_view_snapshot_layer (GtkTextView      *view,
                             GtkTextViewLayer  layer,
                             GtkSnapshot      *snapshot)
{
  VrTextView *self = VR_TEXT_VIEW (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(PangoFontDescription) font = NULL;
  GdkRGBA color;
  GdkRectangle visible;
  guint lo, hi;
  int size;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->para_offsets->len == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  color.alpha *= 0.55f;

  font = pango_font_description_copy (self->font);
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 12 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * self->zoom * 0.75));

  gtk_text_view_get_visible_rect (view, &visible);

  /* Paragraph numbers in the left margin, for the visible paragraphs only:
   * start from the paragraph holding the first visible line. */
  {
    GtkTextIter top;
    int offset;

    gtk_text_view_get_line_at_y (view, &top, visible.y, NULL);
    offset = gtk_text_iter_get_offset (&top);
    lo = 0;
    hi = self->para_offsets->len;
    while (hi - lo > 1)
      {
        guint mid = (lo + hi) / 2;

        if (g_array_index (self->para_offsets, int, mid) <= offset)
          lo = mid;
        else
          hi = mid;
      }
  }

  for (guint i = lo; i < self->para_offsets->len; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *number = NULL;
      GtkTextIter iter;
      GdkRectangle rect;
      int width, height;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_array_index (self->para_offsets, int, i));
      if (gtk_text_iter_ends_line (&iter))
        continue;
      gtk_text_view_get_iter_location (view, &iter, &rect);
      if (rect.y + rect.height < visible.y)
        continue;
      if (rect.y > visible.y + visible.height)
        break;

      number = g_strdup_printf ("%u", i + 1);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), number);
      pango_layout_set_font_description (layout, font);
      pango_layout_get_pixel_size (layout, &width, &height);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (self->number_width + 8 - width,
                                                    rect.y + (rect.height - height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
vr_text_view_dispose (GObject *object)
{
  VrTextView *self = VR_TEXT_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  disconnect_paragraphs (self);
  notes_set_document (self, NULL);
  disconnect_document (self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->highlighted, g_ptr_array_unref);
  g_clear_object (&self->interface_settings);

  G_OBJECT_CLASS (vr_text_view_parent_class)->dispose (object);
}

static void
vr_text_view_finalize (GObject *object)
{
  VrTextView *self = VR_TEXT_VIEW (object);

  g_clear_pointer (&self->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->para_offsets, g_array_unref);
  g_clear_pointer (&self->para_index, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->version_id, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->shown_annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (vr_text_view_parent_class)->finalize (object);
}

static void
vr_text_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VrTextView *self = VR_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_text_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VrTextView *self = VR_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_text_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      vr_text_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_text_view_class_init (VrTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = vr_text_view_dispose;
  object_class->finalize = vr_text_view_finalize;
  object_class->get_property = vr_text_view_get_property;
  object_class->set_property = vr_text_view_set_property;

  widget_class->query_tooltip = vr_text_view_query_tooltip;
  text_view_class->snapshot_layer = vr_text_view_snapshot_layer;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MENTION_ACTIVATED] =
    g_signal_new ("mention-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VR_TYPE_MENTION);
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VR_TYPE_ANNOTATION);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
vr_text_view_init (VrTextView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkEventController *controller;
  GtkTextIter start;

  self->zoom = 1.0;
  self->current_match = -1;

  /* Hand edits of the annotation layer: window actions. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) section = g_menu_new ();

    g_menu_append (section, _("_Tag as Name…"), "win.tag-selection");
    g_menu_append (section, _("_Remove Mention"), "win.remove-mention");
    g_menu_append (section, _("C_hange Entity…"), "win.change-entity");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Add _Note…"), "win.add-note");

      g_menu_item_set_attribute (item, "accel", "s", "<Control>m");
      g_menu_append_item (menu, item);
    }
    gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
  }
  self->paragraphs = g_ptr_array_new_with_free_func (g_object_unref);
  self->para_offsets = g_array_new (FALSE, FALSE, sizeof (int));
  self->para_index = g_hash_table_new (NULL, NULL);
  self->matches = g_array_new (FALSE, FALSE, sizeof (Range));

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self), "vr-document-text");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);

  /* Created in priority order: later tags win. */
  self->document_tag = gtk_text_buffer_create_tag (buffer, "document", NULL);
  self->heading_tag = gtk_text_buffer_create_tag (buffer, "heading",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "scale", 1.15,
                                                  "justification", GTK_JUSTIFY_CENTER,
                                                  NULL);
  self->closing_tag = gtk_text_buffer_create_tag (buffer, "closing",
                                                  "scale", 0.88,
                                                  NULL);
  self->note_tag = gtk_text_buffer_create_tag (buffer, "note",
                                               "scale", 0.88,
                                               "style", PANGO_STYLE_ITALIC,
                                               NULL);
  for (guint i = 0; i < N_KINDS; i++)
    self->kind_tags[i] = gtk_text_buffer_create_tag (buffer, kind_tag_names[i],
                                                     "underline", PANGO_UNDERLINE_SINGLE,
                                                     NULL);
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected", NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "search-match", NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "search-current", NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, "vr-scroll", &start, TRUE);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "document-font-name"))
    {
      self->interface_settings = g_settings_new ("org.gnome.desktop.interface");
      g_signal_connect_object (self->interface_settings, "changed::document-font-name",
                               G_CALLBACK (on_document_font_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  load_document_font (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_colors (self);
  notes_init (self);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_button_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
vr_text_view_new (void)
{
  return g_object_new (VR_TYPE_TEXT_VIEW, NULL);
}

VrDocument *
vr_text_view_get_document (VrTextView *self)
{
  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);

  return self->document;
}

void
vr_text_view_set_document (VrTextView *self,
                           VrDocument *document)
{
  g_return_if_fail (VR_IS_TEXT_VIEW (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  notes_set_document (self, document);
  disconnect_document (self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->highlighted, g_ptr_array_unref);

  if (document != NULL)
    {
      /* A new paragraph or entity rebuilds the buffer once, when idle; a
       * mention edit only re-marks its own paragraph. */
      g_signal_connect_object (vr_document_get_paragraphs (document), "items-changed",
                               G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vr_document_get_entities (document), "items-changed",
                               G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "mentions-changed",
                               G_CALLBACK (on_mentions_changed_cb), self, G_CONNECT_SWAPPED);
    }

  vr_text_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

double
vr_text_view_get_zoom (VrTextView *self)
{
  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), 1.0);

  return self->zoom;
}

void
vr_text_view_set_zoom (VrTextView *self,
                       double      zoom)
{
  g_return_if_fail (VR_IS_TEXT_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;

  self->zoom = zoom;
  update_fonts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

int
vr_text_view_get_ideal_width (VrTextView *self)
{
  g_autoptr(PangoFontDescription) font = NULL;
  PangoFontMetrics *metrics;
  int size, char_width;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), 0);

  font = pango_font_description_copy (self->font);
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 12 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * self->zoom));

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), font, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);

  return IDEAL_CHARS * char_width / PANGO_SCALE
         + gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self))
         + gtk_text_view_get_right_margin (GTK_TEXT_VIEW (self));
}

int
vr_text_view_get_paragraph_offset (VrTextView *self,
                                   guint       index)
{
  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), -1);

  if (index >= self->para_offsets->len)
    return -1;

  return g_array_index (self->para_offsets, int, index);
}

const char *
vr_text_view_get_version_id (VrTextView *self)
{
  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);

  return self->version_id;
}

/* The index of the last paragraph starting at or before buffer @offset. */
static guint
paragraph_index_at (VrTextView *self,
                    int         offset)
{
  guint lo = 0, hi = self->para_offsets->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->para_offsets, int, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

gboolean
vr_text_view_get_selected_span (VrTextView   *self,
                                VrParagraph **paragraph,
                                guint        *start,
                                guint        *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter_start, iter_end;
  VrParagraph *found;
  const char *text;
  const char *p;
  int para_start;
  glong n_chars;
  guint index;
  int s, e;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (self->document == NULL || self->version_id == NULL || self->para_offsets->len == 0 ||
      !gtk_text_buffer_get_selection_bounds (buffer, &iter_start, &iter_end))
    return FALSE;

  s = gtk_text_iter_get_offset (&iter_start);
  e = gtk_text_iter_get_offset (&iter_end);
  index = paragraph_index_at (self, s);
  found = g_ptr_array_index (self->paragraphs, index);
  para_start = g_array_index (self->para_offsets, int, index);
  text = vr_paragraph_get_text (found, self->version_id);
  if (text == NULL || s < para_start)
    return FALSE;

  n_chars = g_utf8_strlen (text, -1);
  s -= para_start;
  e -= para_start;
  if (e > n_chars)
    return FALSE;

  /* A double click takes the space after a word too. */
  p = g_utf8_offset_to_pointer (text, s);
  while (s < e && g_unichar_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      s++;
    }
  p = g_utf8_offset_to_pointer (text, e);
  while (e > s && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
    {
      p = g_utf8_prev_char (p);
      e--;
    }
  if (s >= e)
    return FALSE;

  if (paragraph != NULL)
    *paragraph = found;
  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;

  return TRUE;
}

VrMention *
vr_text_view_get_mention_at_cursor (VrTextView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return vr_text_view_get_mention_at_offset (self, gtk_text_iter_get_offset (&iter));
}

VrMention *
vr_text_view_get_mention_at_offset (VrTextView *self,
                                    int         offset)
{
  g_autoptr(GPtrArray) mentions = NULL;
  VrParagraph *paragraph;
  VrMention *found = NULL;
  guint lo = 0, hi;
  guint local;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);

  if (self->document == NULL || self->version_id == NULL ||
      self->para_offsets->len == 0 || offset < 0)
    return NULL;

  /* The last paragraph starting at or before @offset. */
  hi = self->para_offsets->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->para_offsets, int, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  paragraph = g_ptr_array_index (self->paragraphs, lo);
  local = offset - g_array_index (self->para_offsets, int, lo);
  mentions = vr_document_get_paragraph_mentions (self->document, paragraph, self->version_id);
  if (mentions == NULL)
    return NULL;

  for (guint i = 0; i < mentions->len; i++)
    {
      VrMention *mention = g_ptr_array_index (mentions, i);

      if (vr_mention_get_start (mention) <= local && local < vr_mention_get_end (mention))
        {
          found = mention;
          break;
        }
    }

  /* The document keeps its mentions alive after the array goes. */
  return found;
}

gboolean
vr_text_view_get_mention_bounds (VrTextView  *self,
                                 VrMention   *mention,
                                 GtkTextIter *start,
                                 GtkTextIter *end)
{
  GtkTextBuffer *buffer;
  Range range;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), FALSE);
  g_return_val_if_fail (VR_IS_MENTION (mention), FALSE);

  if (!mention_range (self, mention, &range))
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, start, range.start);
  gtk_text_buffer_get_iter_at_offset (buffer, end, range.end);

  return TRUE;
}

void
vr_text_view_highlight_mentions (VrTextView *self,
                                 GPtrArray  *mentions)
{
  g_return_if_fail (VR_IS_TEXT_VIEW (self));

  g_clear_pointer (&self->highlighted, g_ptr_array_unref);
  if (mentions != NULL)
    self->highlighted = g_ptr_array_ref (mentions);

  apply_highlights (self);
}

static void
scroll_to_offsets (VrTextView *self,
                   int         start,
                   int         end,
                   gboolean    select)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &s);
  if (select)
    gtk_text_buffer_select_range (buffer, &s, &e);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->scroll_mark, 0.0, TRUE, 0.0, 0.3);
}

void
vr_text_view_scroll_to_mention (VrTextView *self,
                                VrMention  *mention,
                                gboolean    select)
{
  Range range;

  g_return_if_fail (VR_IS_TEXT_VIEW (self));
  g_return_if_fail (VR_IS_MENTION (mention));

  if (mention_range (self, mention, &range))
    scroll_to_offsets (self, range.start, range.end, select);
}

guint
vr_text_view_search (VrTextView *self,
                     const char *text)
{
  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), 0);

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  find_matches (self);
  apply_matches (self);
  if (self->matches->len > 0)
    vr_text_view_set_current_match (self, 0);

  return self->matches->len;
}

guint
vr_text_view_get_n_matches (VrTextView *self)
{
  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), 0);

  return self->matches->len;
}

int
vr_text_view_set_current_match (VrTextView *self,
                                int         index)
{
  int n;
  const Range *r;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), -1);

  n = self->matches->len;
  if (n == 0)
    return -1;

  index = ((index % n) + n) % n;

  if (self->current_match >= 0 && self->current_match < n)
    {
      r = &g_array_index (self->matches, Range, self->current_match);
      apply_range (self, self->match_tag, r->start, r->end);
      clear_tag (self, self->current_tag);
    }

  self->current_match = index;
  r = &g_array_index (self->matches, Range, index);
  apply_range (self, self->current_tag, r->start, r->end);
  scroll_to_offsets (self, r->start, r->end, FALSE);

  return index;
}

int
vr_text_view_get_current_match (VrTextView *self)
{
  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), -1);

  return self->current_match;
}

/* Notes: the document's annotations, marked with one shared tag and kept
 * in step per paragraph, as mentions are. A mirror of the annotations list
 * tells which paragraphs a removal touched. */

static void
update_annotation_colors (VrTextView *self)
{
  gboolean is_dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* Rose, which no entity kind and no highlight uses. */
  set_rgba (self->annotation_tag, "background-rgba",
            is_dark ? "rgba(246,97,81,0.24)" : "rgba(224,27,36,0.12)");
}

static void
notes_init (VrTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  self->shown_annotations = g_ptr_array_new_with_free_func (g_object_unref);

  /* A background only: a name inside a noted passage keeps its coloured
   * underline, and the passage its one colour. Below the highlights of a
   * selected entity and of search matches, which must show over it. (An
   * overline was tried: it reads as the line above's underline, and GTK
   * 4.8 frees an "overline-rgba" twice when tags overlap.) */
  self->annotation_tag = gtk_text_buffer_create_tag (buffer, "annotation", NULL);
  gtk_text_tag_set_priority (self->annotation_tag, gtk_text_tag_get_priority (self->selected_tag));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_annotation_colors), self, G_CONNECT_SWAPPED);
  update_annotation_colors (self);
}

/* Buffer offsets of @annotation (empty for a note on a point). */
static gboolean
annotation_range (VrTextView   *self,
                  VrAnnotation *annotation,
                  Range        *range)
{
  VrParagraph *paragraph;
  gpointer value;
  guint index, start, end;

  if (self->document == NULL || self->version_id == NULL ||
      g_strcmp0 (vr_annotation_get_version_id (annotation), self->version_id) != 0)
    return FALSE;

  paragraph = vr_annotation_get_paragraph (annotation);
  if (paragraph == NULL ||
      !g_hash_table_lookup_extended (self->para_index, paragraph, NULL, &value))
    return FALSE;

  index = GPOINTER_TO_UINT (value);
  start = vr_annotation_get_start (annotation);
  end = vr_annotation_get_end (annotation);
  if (start > end || end > vr_paragraph_get_n_chars (paragraph, self->version_id))
    return FALSE;

  range->start = g_array_index (self->para_offsets, int, index) + start;
  range->end = g_array_index (self->para_offsets, int, index) + end;

  return TRUE;
}

static void
mark_annotation (VrTextView   *self,
                 VrAnnotation *annotation)
{
  Range range;

  if (annotation_range (self, annotation, &range) && range.start < range.end)
    apply_range (self, self->annotation_tag, range.start, range.end);
}

static void
notes_mark_all (VrTextView *self)
{
  GListModel *annotations;
  guint n;

  clear_tag (self, self->annotation_tag);
  if (self->document == NULL || self->version_id == NULL)
    return;

  annotations = vr_document_get_annotations (self->document);
  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrAnnotation) annotation = g_list_model_get_item (annotations, i);

      mark_annotation (self, annotation);
    }
}

static void
notes_mark_paragraph (VrTextView  *self,
                      VrParagraph *paragraph)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) annotations = NULL;
  GtkTextIter start, end;
  gpointer value;
  guint index;

  if (!g_hash_table_lookup_extended (self->para_index, paragraph, NULL, &value))
    return;
  index = GPOINTER_TO_UINT (value);

  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      g_array_index (self->para_offsets, int, index));
  if (index + 1 < self->para_offsets->len)
    gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                        g_array_index (self->para_offsets, int, index + 1));
  else
    gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_remove_tag (buffer, self->annotation_tag, &start, &end);

  annotations = vr_document_get_paragraph_annotations (self->document, paragraph, self->version_id);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    mark_annotation (self, g_ptr_array_index (annotations, i));
}

static void
mirror_annotations (VrTextView *self)
{
  GListModel *annotations = vr_document_get_annotations (self->document);
  guint n = g_list_model_get_n_items (annotations);

  g_ptr_array_set_size (self->shown_annotations, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->shown_annotations, g_list_model_get_item (annotations, i));
}

static void
on_annotations_changed_cb (VrTextView *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  g_autoptr(GPtrArray) touched = g_ptr_array_new_with_free_func (g_object_unref);

  if (position + removed > self->shown_annotations->len)
    {
      mirror_annotations (self);
      notes_mark_all (self);
      return;
    }

  for (guint i = 0; i < removed; i++)
    {
      VrParagraph *paragraph = vr_annotation_get_paragraph (g_ptr_array_index (self->shown_annotations, position + i));

      if (!g_ptr_array_find (touched, paragraph, NULL))
        g_ptr_array_add (touched, g_object_ref (paragraph));
    }
  g_ptr_array_remove_range (self->shown_annotations, position, removed);

  for (guint i = 0; i < added; i++)
    {
      VrAnnotation *annotation = g_list_model_get_item (model, position + i);
      VrParagraph *paragraph = vr_annotation_get_paragraph (annotation);

      g_ptr_array_insert (self->shown_annotations, position + i, annotation);
      if (!g_ptr_array_find (touched, paragraph, NULL))
        g_ptr_array_add (touched, g_object_ref (paragraph));
    }

  /* A whole rebuild, on its way, marks every note. */
  if (self->rebuild_id != 0 || self->version_id == NULL)
    return;

  for (guint i = 0; i < touched->len; i++)
    notes_mark_paragraph (self, g_ptr_array_index (touched, i));
}

static void
notes_set_document (VrTextView *self,
                    VrDocument *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (vr_document_get_annotations (self->document),
                                          on_annotations_changed_cb, self);

  g_ptr_array_set_size (self->shown_annotations, 0);
  self->pressed_annotation = NULL;

  if (document != NULL)
    {
      GListModel *annotations = vr_document_get_annotations (document);

      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        g_ptr_array_add (self->shown_annotations, g_list_model_get_item (annotations, i));
      g_signal_connect_object (annotations, "items-changed",
                               G_CALLBACK (on_annotations_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/* A click (not a drag that selects) on a noted passage opens the note. */
static void
notes_button_event (VrTextView   *self,
                    GdkEventType  type,
                    double        x,
                    double        y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  VrAnnotation *annotation = vr_text_view_get_annotation_at_point (self, x, y);

  if (type == GDK_BUTTON_PRESS)
    {
      self->pressed_annotation = annotation;
      return;
    }

  if (annotation != NULL && annotation == self->pressed_annotation &&
      !gtk_text_buffer_get_has_selection (buffer))
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
  self->pressed_annotation = NULL;
}

VrAnnotation *
vr_text_view_get_annotation_at_offset (VrTextView *self,
                                       int         offset)
{
  g_autoptr(GPtrArray) annotations = NULL;
  VrParagraph *paragraph;
  guint index, local;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);

  if (self->document == NULL || self->version_id == NULL ||
      self->para_offsets->len == 0 || offset < 0)
    return NULL;

  index = paragraph_index_at (self, offset);
  paragraph = g_ptr_array_index (self->paragraphs, index);
  local = offset - g_array_index (self->para_offsets, int, index);
  annotations = vr_document_get_paragraph_annotations (self->document, paragraph, self->version_id);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      VrAnnotation *annotation = g_ptr_array_index (annotations, i);

      /* The document keeps it alive after the array goes. */
      if (vr_annotation_get_start (annotation) <= local && local < vr_annotation_get_end (annotation))
        return annotation;
    }

  return NULL;
}

VrAnnotation *
vr_text_view_get_annotation_at_point (VrTextView *self,
                                      double      x,
                                      double      y)
{
  GtkTextIter iter;
  int bx, by;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return NULL;

  return vr_text_view_get_annotation_at_offset (self, gtk_text_iter_get_offset (&iter));
}

VrAnnotation *
vr_text_view_get_annotation_at_cursor (VrTextView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return vr_text_view_get_annotation_at_offset (self, gtk_text_iter_get_offset (&iter));
}

gboolean
vr_text_view_get_annotation_bounds (VrTextView   *self,
                                    VrAnnotation *annotation,
                                    GtkTextIter  *start,
                                    GtkTextIter  *end)
{
  GtkTextBuffer *buffer;
  Range range;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), FALSE);
  g_return_val_if_fail (VR_IS_ANNOTATION (annotation), FALSE);

  if (!annotation_range (self, annotation, &range))
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, start, range.start);
  gtk_text_buffer_get_iter_at_offset (buffer, end, range.end);

  return TRUE;
}

void
vr_text_view_scroll_to_annotation (VrTextView   *self,
                                   VrAnnotation *annotation,
                                   gboolean      select)
{
  Range range;

  g_return_if_fail (VR_IS_TEXT_VIEW (self));
  g_return_if_fail (VR_IS_ANNOTATION (annotation));

  if (annotation_range (self, annotation, &range))
    scroll_to_offsets (self, range.start, range.end, select);
}

gboolean
vr_text_view_get_word_at_cursor (VrTextView   *self,
                                 VrParagraph **paragraph,
                                 guint        *start,
                                 guint        *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  guint index;
  int para_start, so, eo;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), FALSE);

  if (self->document == NULL || self->version_id == NULL || self->para_offsets->len == 0)
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &s, gtk_text_buffer_get_insert (buffer));
  e = s;

  if (gtk_text_iter_inside_word (&s))
    {
      if (!gtk_text_iter_starts_word (&s))
        gtk_text_iter_backward_word_start (&s);
      gtk_text_iter_forward_word_end (&e);
    }
  else if (gtk_text_iter_ends_word (&s))
    /* Just after a word: that word. */
    gtk_text_iter_backward_word_start (&s);
  else
    return FALSE;

  so = gtk_text_iter_get_offset (&s);
  eo = gtk_text_iter_get_offset (&e);
  index = paragraph_index_at (self, so);
  para_start = g_array_index (self->para_offsets, int, index);
  if (so < para_start || eo <= so ||
      (guint) (eo - para_start) > vr_paragraph_get_n_chars (g_ptr_array_index (self->paragraphs, index),
                                                            self->version_id))
    return FALSE;

  if (paragraph != NULL)
    *paragraph = g_ptr_array_index (self->paragraphs, index);
  if (start != NULL)
    *start = so - para_start;
  if (end != NULL)
    *end = eo - para_start;

  return TRUE;
}

/* The hover card of a note: the note as plain text, a long one cut short. */
GtkWidget *
vr_text_view_create_annotation_card (VrTextView   *self,
                                     VrAnnotation *annotation)
{
  const char *note = vr_annotation_get_note (annotation);
  GtkWidget *box;
  GtkWidget *label;

  g_return_val_if_fail (VR_IS_TEXT_VIEW (self), NULL);
  g_return_val_if_fail (VR_IS_ANNOTATION (annotation), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "note-card");
  gtk_box_append (GTK_BOX (box), card_label (_("Note"), "caption-heading"));

  label = card_label (note != NULL && note[0] != '\0' ? note : _("(empty)"),
                      note != NULL && note[0] != '\0' ? "note-text" : "dim-label");
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 12);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* The palette, for other views of a document's text. */
void
vr_text_view_get_kind_colors (VrEntityKind  kind,
                              gboolean      dark,
                              GdkRGBA      *underline,
                              GdkRGBA      *background)
{
  const char * const (*colors)[2] = dark ? kind_colors_dark : kind_colors_light;

  if ((guint) kind >= N_KINDS)
    kind = VR_ENTITY_KIND_OTHER;
  if (underline != NULL)
    gdk_rgba_parse (underline, colors[kind][0]);
  if (background != NULL)
    gdk_rgba_parse (background, colors[kind][1]);
}

void
vr_text_view_get_selected_colors (gboolean  dark,
                                  GdkRGBA  *foreground,
                                  GdkRGBA  *background)
{
  if (foreground != NULL)
    gdk_rgba_parse (foreground, "#000000");
  if (background != NULL)
    gdk_rgba_parse (background, dark ? SELECTED_DARK : SELECTED_LIGHT);
}
