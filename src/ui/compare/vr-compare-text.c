/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-compare-text"

#include "config.h"

#include "vr-compare-text.h"

/* The narrowest a column of text gets, in average characters. */
#define MIN_CHARS 12

struct _VrCompareText
{
  GtkWidget      parent_instance;

  char          *text;
  PangoAttrList *attrs;
  PangoLayout   *layout;
  guint          context_serial;
  double         scale;
};

G_DEFINE_FINAL_TYPE (VrCompareText, vr_compare_text, GTK_TYPE_WIDGET)

/* The marks, and the zoom over the whole text. */
static void
apply_attributes (VrCompareText *self)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  PangoAttribute *scale;

  if (G_APPROX_VALUE (self->scale, 1.0, 1e-9))
    {
      pango_layout_set_attributes (self->layout, self->attrs);
      return;
    }

  attrs = self->attrs ? pango_attr_list_copy (self->attrs) : pango_attr_list_new ();
  scale = pango_attr_scale_new (self->scale);
  scale->start_index = 0;
  scale->end_index = G_MAXUINT;
  pango_attr_list_insert_before (attrs, scale);
  pango_layout_set_attributes (self->layout, attrs);
}

/* The layout at @width pixels (-1: unwrapped), made again only when the
 * text, the font or the width change. */
static PangoLayout *
ensure_layout (VrCompareText *self,
               int            width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  int pango_width = width < 0 ? -1 : width * PANGO_SCALE;

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
      apply_attributes (self);
      self->context_serial = pango_context_get_serial (context);
    }
  else if (self->context_serial != pango_context_get_serial (context))
    {
      pango_layout_context_changed (self->layout);
      self->context_serial = pango_context_get_serial (context);
    }

  if (pango_layout_get_width (self->layout) != pango_width)
    pango_layout_set_width (self->layout, pango_width);

  return self->layout;
}

static GtkSizeRequestMode
vr_compare_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vr_compare_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  VrCompareText *self = VR_COMPARE_TEXT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int char_width = pango_font_metrics_get_approximate_char_width (metrics);

      pango_font_metrics_unref (metrics);
      /* The columns share the row's width: no text asks for more. */
      *minimum = *natural = MIN_CHARS * char_width / PANGO_SCALE;
    }
  else
    {
      int height;

      pango_layout_get_pixel_size (ensure_layout (self, for_size), NULL, &height);
      *minimum = *natural = height;
    }
}

static void
vr_compare_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  VrCompareText *self = VR_COMPARE_TEXT (widget);
  PangoLayout *layout = ensure_layout (self, gtk_widget_get_width (widget));

  /* 4.8 has no gtk_widget_get_color (): the style context gives the colour. */
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, 0, layout);
}

static void
vr_compare_text_finalize (GObject *object)
{
  VrCompareText *self = VR_COMPARE_TEXT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (vr_compare_text_parent_class)->finalize (object);
}

static void
vr_compare_text_class_init (VrCompareTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vr_compare_text_finalize;

  widget_class->get_request_mode = vr_compare_text_get_request_mode;
  widget_class->measure = vr_compare_text_measure;
  widget_class->snapshot = vr_compare_text_snapshot;

  gtk_widget_class_set_css_name (widget_class, "comparetext");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
vr_compare_text_init (VrCompareText *self)
{
  self->scale = 1.0;
}

GtkWidget *
vr_compare_text_new (void)
{
  return g_object_new (VR_TYPE_COMPARE_TEXT, NULL);
}

void
vr_compare_text_set_text (VrCompareText *self,
                          const char    *text,
                          PangoAttrList *attrs)
{
  g_return_if_fail (VR_IS_COMPARE_TEXT (self));

  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      g_clear_object (&self->layout);
      gtk_widget_queue_resize (GTK_WIDGET (self));

      /* What a screen reader says for the row: the text itself. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "",
                                      -1);
    }

  vr_compare_text_set_attributes (self, attrs);
}

const char *
vr_compare_text_get_text (VrCompareText *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_TEXT (self), NULL);

  return self->text ? self->text : "";
}

PangoAttrList *
vr_compare_text_get_attributes (VrCompareText *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_TEXT (self), NULL);

  return self->attrs;
}

void
vr_compare_text_set_attributes (VrCompareText *self,
                                PangoAttrList *attrs)
{
  g_return_if_fail (VR_IS_COMPARE_TEXT (self));

  if (attrs != NULL)
    pango_attr_list_ref (attrs);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->attrs = attrs;

  if (self->layout != NULL)
    apply_attributes (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
vr_compare_text_offset_at (VrCompareText *self,
                           double         x,
                           double         y)
{
  PangoLayout *layout;
  int index, trailing;

  g_return_val_if_fail (VR_IS_COMPARE_TEXT (self), -1);

  if (self->text == NULL)
    return -1;

  layout = ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (!pango_layout_xy_to_index (layout, (int) (x * PANGO_SCALE), (int) (y * PANGO_SCALE),
                                 &index, &trailing))
    return -1;

  return g_utf8_pointer_to_offset (self->text, self->text + index);
}

void
vr_compare_text_set_scale (VrCompareText *self,
                           double         scale)
{
  g_return_if_fail (VR_IS_COMPARE_TEXT (self));

  if (G_APPROX_VALUE (self->scale, scale, 1e-9))
    return;

  self->scale = scale;
  if (self->layout != NULL)
    apply_attributes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
