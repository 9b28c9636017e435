/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-mention-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-mention-strip.h"

/* How far from a tick, in pixels, a click still counts. */
#define HIT_DISTANCE 8.0

struct _VrMentionStrip
{
  GtkWidget  parent_instance;

  GPtrArray *mentions;
  GArray    *positions;
};

G_DEFINE_FINAL_TYPE (VrMentionStrip, vr_mention_strip, GTK_TYPE_WIDGET)

enum {
  MENTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
vr_mention_strip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 200;
    }
  else
    *minimum = *natural = 20;
}

static void
vr_mention_strip_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VrMentionStrip *self = VR_MENTION_STRIP (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent, track;
  GskRoundedRect rounded;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;

  track = fg;
  track.alpha *= 0.10f;
  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (0, 0, width, height), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->positions->len; i++)
    {
      double pos = g_array_index (self->positions, double, i);
      float x = (float) (CLAMP (pos, 0.0, 1.0) * (width - 2));

      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x, 2, 2, height - 4));
    }

  gtk_snapshot_pop (snapshot);
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               VrMentionStrip  *self)
{
  VrMention *mention = vr_mention_strip_get_mention_at (self, x);

  if (mention != NULL)
    g_signal_emit (self, signals[MENTION_ACTIVATED], 0, mention);
}

static void
vr_mention_strip_finalize (GObject *object)
{
  VrMentionStrip *self = VR_MENTION_STRIP (object);

  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);

  G_OBJECT_CLASS (vr_mention_strip_parent_class)->finalize (object);
}

static void
vr_mention_strip_class_init (VrMentionStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vr_mention_strip_finalize;
  widget_class->measure = vr_mention_strip_measure;
  widget_class->snapshot = vr_mention_strip_snapshot;

  signals[MENTION_ACTIVATED] =
    g_signal_new ("mention-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VR_TYPE_MENTION);

  gtk_widget_class_set_css_name (widget_class, "mentionstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vr_mention_strip_init (VrMentionStrip *self)
{
  GtkGesture *click;

  self->mentions = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_array_new (FALSE, FALSE, sizeof (double));

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Where the mentions fall in the document"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Where the mentions fall in the document"),
                                  -1);
}

GtkWidget *
vr_mention_strip_new (void)
{
  return g_object_new (VR_TYPE_MENTION_STRIP, NULL);
}

void
vr_mention_strip_set_mentions (VrMentionStrip *self,
                               GPtrArray      *mentions,
                               GArray         *positions)
{
  g_return_if_fail (VR_IS_MENTION_STRIP (self));
  g_return_if_fail ((mentions == NULL) == (positions == NULL));
  g_return_if_fail (mentions == NULL || mentions->len == positions->len);

  g_ptr_array_set_size (self->mentions, 0);
  g_array_set_size (self->positions, 0);

  if (mentions != NULL)
    {
      for (guint i = 0; i < mentions->len; i++)
        g_ptr_array_add (self->mentions, g_object_ref (g_ptr_array_index (mentions, i)));
      g_array_append_vals (self->positions, positions->data, positions->len);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vr_mention_strip_get_n_ticks (VrMentionStrip *self)
{
  g_return_val_if_fail (VR_IS_MENTION_STRIP (self), 0);

  return self->positions->len;
}

VrMention *
vr_mention_strip_get_mention_at (VrMentionStrip *self,
                                 double          x)
{
  int width;
  double best = HIT_DISTANCE;
  VrMention *found = NULL;

  g_return_val_if_fail (VR_IS_MENTION_STRIP (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));

  for (guint i = 0; i < self->positions->len; i++)
    {
      double tick = CLAMP (g_array_index (self->positions, double, i), 0.0, 1.0) * (width - 2) + 1;
      double distance = ABS (tick - x);

      if (distance <= best)
        {
          best = distance;
          found = g_ptr_array_index (self->mentions, i);
        }
    }

  return found;
}
