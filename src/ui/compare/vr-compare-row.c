/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-compare-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vr-compare-row.h"
#include "vr-compare-text.h"
#include "vr-text-view.h"

struct _VrCompareRow
{
  GtkWidget  parent_instance;

  guint      index;
  char      *texts[2];
  GArray    *marks[2];

  GtkLabel  *number_label;
  GtkWidget *columns;
  VrCompareText *left_text;
  VrCompareText *right_text;
};

G_DEFINE_FINAL_TYPE (VrCompareRow, vr_compare_row, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
insert_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             guint           start_index,
             guint           end_index)
{
  attr->start_index = start_index;
  attr->end_index = end_index;
  pango_attr_list_change (attrs, attr);
}

static void
insert_color (PangoAttrList  *attrs,
              PangoAttribute *(*new_attr) (guint16, guint16, guint16),
              const GdkRGBA  *rgba,
              guint           start_index,
              guint           end_index)
{
  insert_attr (attrs,
               new_attr ((guint16) (rgba->red * 65535), (guint16) (rgba->green * 65535),
                         (guint16) (rgba->blue * 65535)),
               start_index, end_index);
}

/* Pango colours carry no alpha of their own: a background's alpha is an
 * attribute beside it. */
static void
insert_background (PangoAttrList *attrs,
                   const GdkRGBA *rgba,
                   guint          start_index,
                   guint          end_index)
{
  insert_color (attrs, pango_attr_background_new, rgba, start_index, end_index);
  insert_attr (attrs, pango_attr_background_alpha_new ((guint16) (CLAMP (rgba->alpha, 0.0, 1.0) * 65535)),
               start_index, end_index);
}

PangoAttrList *
vr_compare_marks_to_attrs (const char *text,
                           GArray     *marks,
                           gboolean    dark)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA deleted, deleted_bg, inserted, inserted_bg, replaced;
  GdkRGBA selected_fg, selected_bg;
  glong n_chars;

  if (text == NULL || marks == NULL)
    return attrs;

  gdk_rgba_parse (&deleted, dark ? "#ff7b63" : "#c01c28");
  gdk_rgba_parse (&deleted_bg, dark ? "rgba(246,97,81,0.22)" : "rgba(224,27,36,0.12)");
  gdk_rgba_parse (&inserted, dark ? "#8ff0a4" : "#26a269");
  gdk_rgba_parse (&inserted_bg, dark ? "rgba(51,209,122,0.20)" : "rgba(46,194,126,0.16)");
  gdk_rgba_parse (&replaced, dark ? "#dc8add" : "#813d9c");
  vr_text_view_get_selected_colors (dark, &selected_fg, &selected_bg);

  n_chars = g_utf8_strlen (text, -1);

  /* A little air between the lines, for the marks under them. */
  insert_attr (attrs, pango_attr_line_height_new (1.3), 0, G_MAXUINT);

  /* Differences first, so that a mention's colours show over a changed
   * word and a highlight over both. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < marks->len; i++)
      {
        const VrCompareMark *mark = &g_array_index (marks, VrCompareMark, i);
        gboolean is_diff = mark->kind == VR_COMPARE_MARK_DELETED ||
                           mark->kind == VR_COMPARE_MARK_INSERTED;
        guint s, e;

        if ((pass == 0) != is_diff || mark->start >= mark->end || mark->end > (guint) n_chars)
          continue;

        s = g_utf8_offset_to_pointer (text, mark->start) - text;
        e = g_utf8_offset_to_pointer (text, mark->end) - text;

        switch (mark->kind)
          {
          case VR_COMPARE_MARK_DELETED:
            insert_attr (attrs, pango_attr_strikethrough_new (TRUE), s, e);
            insert_color (attrs, pango_attr_strikethrough_color_new, &deleted, s, e);
            insert_background (attrs, &deleted_bg, s, e);
            break;

          case VR_COMPARE_MARK_INSERTED:
            insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_DOUBLE), s, e);
            insert_color (attrs, pango_attr_underline_color_new, &inserted, s, e);
            insert_background (attrs, &inserted_bg, s, e);
            break;

          case VR_COMPARE_MARK_REPLACED:
          case VR_COMPARE_MARK_MENTION:
          default:
            {
              GdkRGBA underline, background;

              vr_text_view_get_kind_colors (mark->entity_kind, dark, &underline, &background);
              /* A replaced name is underlined with a wave, a mention with a
               * line: told apart by shape as well as colour. */
              if (mark->kind == VR_COMPARE_MARK_REPLACED)
                {
                  insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_ERROR), s, e);
                  insert_color (attrs, pango_attr_underline_color_new, &replaced, s, e);
                }
              else
                {
                  insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), s, e);
                  insert_color (attrs, pango_attr_underline_color_new, &underline, s, e);
                }
              if (mark->selected)
                {
                  insert_background (attrs, &selected_bg, s, e);
                  insert_color (attrs, pango_attr_foreground_new, &selected_fg, s, e);
                }
              else
                insert_background (attrs, &background, s, e);

            }
            break;
          }
      }

  return attrs;
}

static VrCompareText *
side_text (VrCompareRow  *self,
           VrCompareSide  side)
{
  return side == VR_COMPARE_SIDE_LEFT ? self->left_text : self->right_text;
}

static void
apply_side (VrCompareRow  *self,
            VrCompareSide  side)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(PangoAttrList) attrs = NULL;

  attrs = vr_compare_marks_to_attrs (self->texts[side], self->marks[side], dark);
  vr_compare_text_set_attributes (side_text (self, side), attrs);
}

/* The mark under widget coordinates of @widget: with @want_tooltip, the
 * one with the most to say (a difference over the mention it covers),
 * otherwise the one naming an entity. */
static const VrCompareMark *
mark_at_point (VrCompareRow  *self,
               VrCompareText *widget,
               double         x,
               double         y,
               gboolean       want_tooltip)
{
  VrCompareSide side = widget == self->left_text ? VR_COMPARE_SIDE_LEFT : VR_COMPARE_SIDE_RIGHT;
  GArray *marks = self->marks[side];
  const VrCompareMark *found = NULL;
  int offset;

  if (self->texts[side] == NULL || marks == NULL ||
      (offset = vr_compare_text_offset_at (widget, x, y)) < 0)
    return NULL;

  for (guint i = 0; i < marks->len; i++)
    {
      const VrCompareMark *mark = &g_array_index (marks, VrCompareMark, i);

      if (mark->start > (guint) offset || (guint) offset >= mark->end)
        continue;

      if (want_tooltip)
        {
          if (mark->tooltip != NULL && (found == NULL || mark->kind != VR_COMPARE_MARK_MENTION))
            found = mark;
        }
      else if (mark->entity_id != NULL && found == NULL)
        found = mark;
    }

  return found;
}

static gboolean
on_text_query_tooltip_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  VrCompareRow *self = user_data;
  const VrCompareMark *found;

  if (keyboard)
    return FALSE;

  found = mark_at_point (self, VR_COMPARE_TEXT (widget), x, y, TRUE);
  if (found == NULL)
    return FALSE;

  /* Text from the document: set as text, not markup. */
  gtk_tooltip_set_text (tooltip, found->tooltip);
  return TRUE;
}

static void
on_text_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      gpointer         user_data)
{
  VrCompareRow *self = user_data;
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  const VrCompareMark *mark;

  mark = mark_at_point (self, VR_COMPARE_TEXT (widget), x, y, FALSE);
  if (mark != NULL && mark->entity_id != NULL)
    g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, mark->entity_id);
}

static void
on_text_motion_cb (GtkEventControllerMotion *motion,
                    double                    x,
                    double                    y,
                    gpointer                  user_data)
{
  VrCompareRow *self = user_data;
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));
  const VrCompareMark *mark = mark_at_point (self, VR_COMPARE_TEXT (widget), x, y, FALSE);

  gtk_widget_set_cursor_from_name (widget, mark != NULL ? "pointer" : NULL);
}

static void
setup_text (VrCompareRow  *self,
            VrCompareText *text)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_text_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (text), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion, "motion", G_CALLBACK (on_text_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (text), motion);

  g_signal_connect (text, "query-tooltip", G_CALLBACK (on_text_query_tooltip_cb), self);
}

static void
vr_compare_row_dispose (GObject *object)
{
  VrCompareRow *self = VR_COMPARE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_COMPARE_ROW);

  G_OBJECT_CLASS (vr_compare_row_parent_class)->dispose (object);
}

static void
vr_compare_row_finalize (GObject *object)
{
  VrCompareRow *self = VR_COMPARE_ROW (object);

  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->texts[i], g_free);
      g_clear_pointer (&self->marks[i], g_array_unref);
    }

  G_OBJECT_CLASS (vr_compare_row_parent_class)->finalize (object);
}

static void
vr_compare_row_class_init (VrCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VR_TYPE_COMPARE_TEXT);

  object_class->dispose = vr_compare_row_dispose;
  object_class->finalize = vr_compare_row_finalize;

  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/variorum/Variorum/compare/vr-compare-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VrCompareRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, VrCompareRow, columns);
  gtk_widget_class_bind_template_child (widget_class, VrCompareRow, left_text);
  gtk_widget_class_bind_template_child (widget_class, VrCompareRow, right_text);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparerow");
}

static void
vr_compare_row_init (VrCompareRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  setup_text (self, self->left_text);
  setup_text (self, self->right_text);
}

GtkWidget *
vr_compare_row_new (void)
{
  return g_object_new (VR_TYPE_COMPARE_ROW, NULL);
}

void
vr_compare_row_set_index (VrCompareRow *self,
                          guint         index)
{
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (VR_IS_COMPARE_ROW (self));

  self->index = index;
  number = g_strdup_printf ("%u", index + 1);
  gtk_label_set_text (self->number_label, number);

  /* Translators: the accessible name of a row of the comparison */
  name = g_strdup_printf (_("Paragraph %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

void
vr_compare_row_set_kind (VrCompareRow    *self,
                         VrParagraphKind  kind)
{
  static const char * const classes[] = { "heading", "closing", "note" };
  const char *wanted = NULL;

  g_return_if_fail (VR_IS_COMPARE_ROW (self));

  switch (kind)
    {
    case VR_PARAGRAPH_KIND_HEADING: wanted = "heading"; break;
    case VR_PARAGRAPH_KIND_CLOSING: wanted = "closing"; break;
    case VR_PARAGRAPH_KIND_NOTE: wanted = "note"; break;
    case VR_PARAGRAPH_KIND_BODY:
    default: break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_strcmp0 (classes[i], wanted) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
    }
}

guint
vr_compare_row_get_index (VrCompareRow *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_ROW (self), 0);

  return self->index;
}

void
vr_compare_row_set_side (VrCompareRow  *self,
                         VrCompareSide  side,
                         const char    *text,
                         const char    *placeholder,
                         GArray        *marks)
{
  VrCompareText *widget;
  g_autoptr(PangoAttrList) attrs = NULL;
  gboolean dark;

  g_return_if_fail (VR_IS_COMPARE_ROW (self));
  g_return_if_fail (side == VR_COMPARE_SIDE_LEFT || side == VR_COMPARE_SIDE_RIGHT);

  widget = side_text (self, side);

  g_free (self->texts[side]);
  self->texts[side] = g_strdup (text);
  g_clear_pointer (&self->marks[side], g_array_unref);
  if (marks != NULL && text != NULL)
    self->marks[side] = g_array_ref (marks);

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  attrs = vr_compare_marks_to_attrs (text, self->marks[side], dark);
  vr_compare_text_set_text (widget, text != NULL ? text : (placeholder != NULL ? placeholder : ""),
                            attrs);
  if (text != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "missing");
  else
    gtk_widget_add_css_class (GTK_WIDGET (widget), "missing");
}

VrCompareText *
vr_compare_row_get_text (VrCompareRow  *self,
                         VrCompareSide  side)
{
  g_return_val_if_fail (VR_IS_COMPARE_ROW (self), NULL);

  return side_text (self, side);
}

void
vr_compare_row_restyle (VrCompareRow *self)
{
  g_return_if_fail (VR_IS_COMPARE_ROW (self));

  apply_side (self, VR_COMPARE_SIDE_LEFT);
  apply_side (self, VR_COMPARE_SIDE_RIGHT);
}

void
vr_compare_row_set_zoom (VrCompareRow *self,
                         double        zoom)
{
  g_return_if_fail (VR_IS_COMPARE_ROW (self));

  vr_compare_text_set_scale (self->left_text, zoom);
  vr_compare_text_set_scale (self->right_text, zoom);
}
