/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-monitor-choice"

#include "config.h"

#include "vr-monitor-choice.h"

static gint64
area (const VrMonitorInfo *monitor)
{
  return (gint64) MAX (monitor->width, 0) * (gint64) MAX (monitor->height, 0);
}

guint
vr_presentation_choose_monitor (const VrMonitorInfo *monitors,
                                guint                n,
                                guint                desk_monitor)
{
  guint best = G_MAXUINT;

  g_return_val_if_fail (monitors != NULL || n == 0, 0);

  for (guint i = 0; i < n; i++)
    {
      if (i == desk_monitor)
        continue;
      /* Strictly larger: of equal monitors, the first stays. */
      if (best == G_MAXUINT || area (&monitors[i]) > area (&monitors[best]))
        best = i;
    }

  if (best != G_MAXUINT)
    return best;

  /* Only the desk's monitor (or none). */
  return n > 0 && desk_monitor < n ? desk_monitor : 0;
}
