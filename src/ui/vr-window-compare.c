/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-window-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-window-private.h"
#include "compare/vr-compare-view.h"

/* The comparison of two versions: a page of the window's stack that takes
 * the reading view's place while the stateful "win.compare" action is on.
 * Its selection follows the reader's and the other way round. */

static const char * const compare_accels[] = { "<Control>k", NULL };

static gboolean
is_comparing (VrWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compare") == 0;
}

static void
set_comparing (VrWindow *self,
               gboolean  comparing)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "compare");

  comparing = comparing && self->document != NULL;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (comparing));

  if (comparing)
    {
      vr_compare_view_set_document (self->compare_view, self->document);
      vr_compare_view_set_selected_entity (self->compare_view,
                                           vr_reader_view_get_selected_entity (self->reader_view));
      gtk_stack_set_visible_child_name (self->stack, "compare");
      gtk_widget_grab_focus (vr_compare_view_get_drop_down (self->compare_view, VR_COMPARE_SIDE_LEFT));
    }
  else if (is_comparing (self))
    {
      gtk_stack_set_visible_child_name (self->stack, self->document ? "document" : "empty");
      if (self->document != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
    }

  /* The reader's panels and search have nothing to act on here. */
  gtk_widget_set_visible (self->panel_buttons, self->document != NULL && !comparing);
  gtk_widget_set_visible (self->search_button, self->document != NULL && !comparing);
}

static void
on_compare_change_state_cb (GSimpleAction *action,
                            GVariant      *state,
                            gpointer       user_data)
{
  set_comparing (VR_WINDOW (user_data), g_variant_get_boolean (state));
}

static gboolean
leave_compare_shortcut_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  VrWindow *self = VR_WINDOW (widget);

  if (!is_comparing (self))
    return FALSE;

  set_comparing (self, FALSE);
  return TRUE;
}

static void
on_document_changed_cb (VrWindow   *self,
                        GParamSpec *pspec)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "compare");

  /* The comparison takes the document when it is opened: until then it
   * lays out nothing, and the reading view's first frame waits for less. */
  vr_compare_view_set_document (self->compare_view, NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);

  /* Opening another document shows it to read. */
  set_comparing (self, FALSE);
}

static void
on_reader_selection_cb (VrWindow   *self,
                        GParamSpec *pspec)
{
  vr_compare_view_set_selected_entity (self->compare_view,
                                       vr_reader_view_get_selected_entity (self->reader_view));
}

static void
on_compare_selection_cb (VrWindow   *self,
                         GParamSpec *pspec)
{
  VrEntity *entity = vr_compare_view_get_selected_entity (self->compare_view);

  if (entity != vr_reader_view_get_selected_entity (self->reader_view))
    vr_reader_view_select_entity (self->reader_view, entity);
}

static void
on_compare_toast_cb (VrWindow      *self,
                     const char    *message,
                     VrCompareView *view)
{
  if (message != NULL)
    vr_window_add_toast (self, message);
}

static void
on_application_changed_cb (VrWindow   *self,
                           GParamSpec *pspec)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_auto(GStrv) accels = NULL;

  /* Set with the application, where the menu finds it to show it. */
  if (app == NULL)
    return;
  accels = gtk_application_get_accels_for_action (app, "win.compare");
  if (accels == NULL || accels[0] == NULL)
    gtk_application_set_accels_for_action (app, "win.compare", compare_accels);
}

void
_vr_window_class_compare_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (VR_TYPE_COMPARE_VIEW);

  gtk_widget_class_bind_template_child_full (widget_class, "compare_view", FALSE,
                                             G_STRUCT_OFFSET (VrWindow, compare_view));

  /* Escape goes back to reading; elsewhere it is left to others. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, leave_compare_shortcut_cb, NULL);
}

void
_vr_window_compare_init (VrWindow *self)
{
  g_autoptr(GSimpleAction) action = NULL;

  action = g_simple_action_new_stateful ("compare", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (action, "change-state",
                           G_CALLBACK (on_compare_change_state_cb), self, 0);
  g_simple_action_set_enabled (action, FALSE);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  g_signal_connect (self, "notify::document", G_CALLBACK (on_document_changed_cb), NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), NULL);
  g_signal_connect_object (self->reader_view, "notify::selected-entity",
                           G_CALLBACK (on_reader_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_view, "notify::selected-entity",
                           G_CALLBACK (on_compare_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_view, "toast",
                           G_CALLBACK (on_compare_toast_cb), self, G_CONNECT_SWAPPED);
  on_application_changed_cb (self, NULL);

  /* The reader's zoom (the "zoom" key and its actions) sizes this text too. */
  g_settings_bind (self->settings, "zoom", self->compare_view, "zoom", G_SETTINGS_BIND_GET);
}

VrCompareView *
_vr_window_get_compare_view (VrWindow *self)
{
  g_return_val_if_fail (VR_IS_WINDOW (self), NULL);

  return self->compare_view;
}
