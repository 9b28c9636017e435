/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-decision"

#include "config.h"

#include "vr-model-internal.h"

G_DEFINE_FINAL_TYPE (VrDecision, vr_decision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_A,
  PROP_B,
  PROP_VERDICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vr_decision_finalize (GObject *object)
{
  VrDecision *self = (VrDecision *)object;

  g_clear_pointer (&self->a, g_free);
  g_clear_pointer (&self->b, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vr_decision_parent_class)->finalize (object);
}

static void
vr_decision_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VrDecision *self = VR_DECISION (object);

  switch (prop_id)
    {
    case PROP_A:
      g_value_set_string (value, self->a);
      break;

    case PROP_B:
      g_value_set_string (value, self->b);
      break;

    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_decision_class_init (VrDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vr_decision_finalize;
  object_class->get_property = vr_decision_get_property;

  properties[PROP_A] =
    g_param_spec_string ("a", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_B] =
    g_param_spec_string ("b", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL, VR_TYPE_VERDICT, VR_VERDICT_SAME,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vr_decision_init (VrDecision *self)
{
}

VrDecision *
vr_decision_new (const char *a,
                 const char *b,
                 VrVerdict   verdict)
{
  VrDecision *self;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);
  g_return_val_if_fail (verdict <= VR_VERDICT_DIFFERENT, NULL);

  self = g_object_new (VR_TYPE_DECISION, NULL);
  self->a = g_strdup (a);
  self->b = g_strdup (b);
  self->verdict = verdict;
  self->verdict_raw = vr_verdict_to_string (verdict);

  return self;
}

const char *
vr_decision_get_a (VrDecision *self)
{
  g_return_val_if_fail (VR_IS_DECISION (self), NULL);

  return self->a;
}

const char *
vr_decision_get_b (VrDecision *self)
{
  g_return_val_if_fail (VR_IS_DECISION (self), NULL);

  return self->b;
}

/* VR_VERDICT_SAME when the file held a verdict this build does not know. */
VrVerdict
vr_decision_get_verdict (VrDecision *self)
{
  g_return_val_if_fail (VR_IS_DECISION (self), VR_VERDICT_SAME);

  return self->verdict;
}

const char *
vr_decision_get_verdict_raw (VrDecision *self)
{
  g_return_val_if_fail (VR_IS_DECISION (self), NULL);

  return self->verdict_raw;
}

void
_vr_decision_set_verdict_raw (VrDecision *self,
                              const char *verdict)
{
  VrVerdict value = VR_VERDICT_SAME;

  g_return_if_fail (VR_IS_DECISION (self));
  g_return_if_fail (verdict != NULL);

  if (vr_verdict_from_string (verdict, &value))
    self->verdict_raw = vr_verdict_to_string (value);
  else
    self->verdict_raw = g_intern_string (verdict);

  if (self->verdict != value)
    {
      self->verdict = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
    }
}

JsonObject *
_vr_decision_get_extra (VrDecision *self)
{
  g_return_val_if_fail (VR_IS_DECISION (self), NULL);

  return self->extra;
}

void
_vr_decision_set_extra (VrDecision *self,
                        JsonObject *extra)
{
  g_return_if_fail (VR_IS_DECISION (self));

  _vr_set_extra (&self->extra, extra);
}
