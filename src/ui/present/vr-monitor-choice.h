/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A monitor's place and size in the display's layout, in application
 * pixels (GdkMonitor's geometry). */
typedef struct
{
  int x;
  int y;
  int width;
  int height;
} VrMonitorInfo;

/* The monitor to present on: one other than @desk_monitor (the one the
 * desk window is on; any value past the list when it is not known), the
 * largest, and of equal ones the first; with only the desk's monitor, that
 * one. 0 for an empty list. */
guint vr_presentation_choose_monitor (const VrMonitorInfo *monitors,
                                      guint                n,
                                      guint                desk_monitor);

G_END_DECLS
