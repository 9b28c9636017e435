/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-names-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-entity-chooser.h"
#include "vr-names-menu.h"

struct _VrNamesMenu
{
  GObject       parent_instance;

  GtkWidget    *owner;      /* weak */
  VrDocument   *document;
  GtkWidget    *popover;    /* weak; a child of the owner */
  GtkWidget    *chooser;    /* weak; a child of the owner */
  GtkWidget    *anchor;     /* weak */
  GdkRectangle  anchor_rect;
  gboolean      has_rect;

  void        (*add_spelling) (GtkWidget *owner,
                               VrEntity  *entity);
};

G_DEFINE_FINAL_TYPE (VrNamesMenu, vr_names_menu, G_TYPE_OBJECT)

static const VrNameSystem systems[] = {
  VR_NAME_SYSTEM_RR,
  VR_NAME_SYSTEM_MR,
  VR_NAME_SYSTEM_DPRK,
  VR_NAME_SYSTEM_RUSSIAN,
  VR_NAME_SYSTEM_TRANSLATOR,
  VR_NAME_SYSTEM_OTHER,
};

static const VrVariantStatus statuses[] = {
  VR_VARIANT_STATUS_CONFIRMED,
  VR_VARIANT_STATUS_SUGGESTED,
  VR_VARIANT_STATUS_REJECTED,
};

GMenuModel *
vr_names_menu_get_spelling_model (void)
{
  static GMenu *menu;
  g_autoptr(GMenu) edits = NULL;
  g_autoptr(GMenu) system = NULL;
  g_autoptr(GMenu) status = NULL;
  g_autoptr(GMenu) classify = NULL;

  if (menu != NULL)
    return G_MENU_MODEL (menu);

  edits = g_menu_new ();
  g_menu_append (edits, _("Make _Preferred"), "spelling.make-preferred");
  g_menu_append (edits, _("_Move to Entity…"), "spelling.move");
  g_menu_append (edits, _("_Split into New Entity"), "spelling.split");
  g_menu_append (edits, _("_Not the Same Person As…"), "spelling.different");

  system = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (systems); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (vr_name_system_get_label (systems[i]), NULL);

      g_menu_item_set_action_and_target (item, "spelling.system", "s", vr_name_system_to_string (systems[i]));
      g_menu_append_item (system, item);
    }
  status = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (vr_variant_status_get_label (statuses[i]), NULL);

      g_menu_item_set_action_and_target (item, "spelling.status", "s", vr_variant_status_to_string (statuses[i]));
      g_menu_append_item (status, item);
    }
  classify = g_menu_new ();
  g_menu_append_submenu (classify, _("S_ystem"), G_MENU_MODEL (system));
  g_menu_append_submenu (classify, _("S_tatus"), G_MENU_MODEL (status));

  menu = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (classify));

  return G_MENU_MODEL (menu);
}

GMenuModel *
vr_names_menu_get_entity_model (void)
{
  static GMenu *menu;
  g_autoptr(GMenu) add = NULL;
  g_autoptr(GMenu) edits = NULL;
  g_autoptr(GMenuItem) item = NULL;

  if (menu != NULL)
    return G_MENU_MODEL (menu);

  add = g_menu_new ();
  item = g_menu_item_new (_("_Add Spelling…"), "entity.add-spelling");
  /* The same step as the window's shortcut, for the selected entity. */
  g_menu_item_set_attribute (item, "accel", "s", "<Control><Alt>s");
  g_menu_append_item (add, item);

  edits = g_menu_new ();
  g_menu_append (edits, _("_Merge into…"), "entity.merge");
  g_menu_append (edits, _("_Not the Same Person As…"), "entity.different");

  menu = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));

  return G_MENU_MODEL (menu);
}

/* Anchors and popovers */

static void
replace_popover (GtkWidget **slot,
                 GtkWidget  *popover)
{
  /* A closed popover stays, hidden, until the next one replaces it or the
   * owner goes: destroying its surface while GTK may still deliver events
   * to it is not safe. */
  if (*slot != NULL && *slot != popover && gtk_widget_get_parent (*slot) != NULL)
    gtk_widget_unparent (*slot);
  g_set_weak_pointer (slot, popover);
}

static void
point_at_anchor (VrNamesMenu *self,
                 GtkPopover  *popover)
{
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (self->anchor != NULL &&
      gtk_widget_compute_bounds (self->anchor, self->owner, &bounds))
    {
      if (self->has_rect)
        {
          graphene_point_t from = GRAPHENE_POINT_INIT (self->anchor_rect.x, self->anchor_rect.y);
          graphene_point_t to;

          if (!gtk_widget_compute_point (self->anchor, self->owner, &from, &to))
            to = bounds.origin;
          rect.x = to.x;
          rect.y = to.y;
          rect.width = MAX (1, self->anchor_rect.width);
          rect.height = MAX (1, self->anchor_rect.height);
        }
      else
        {
          rect.x = bounds.origin.x;
          rect.y = bounds.origin.y;
          rect.width = MAX (1, bounds.size.width);
          rect.height = MAX (1, bounds.size.height);
        }
    }
  else
    {
      rect.x = 0;
      rect.y = 0;
      rect.width = MAX (1, gtk_widget_get_width (self->owner));
      rect.height = MAX (1, gtk_widget_get_height (self->owner));
    }

  gtk_popover_set_pointing_to (popover, &rect);
}

void
vr_names_menu_set_anchor (VrNamesMenu        *self,
                          GtkWidget          *widget,
                          const GdkRectangle *rect)
{
  g_return_if_fail (VR_IS_NAMES_MENU (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&self->anchor, widget);
  self->has_rect = rect != NULL;
  if (rect != NULL)
    self->anchor_rect = *rect;
}

static void
on_button_popover_show_cb (GtkWidget *popover,
                           GtkWidget *button)
{
  VrNamesMenu *self = g_object_get_data (G_OBJECT (button), "vr-names-menu");

  if (self != NULL)
    vr_names_menu_set_anchor (self, button, NULL);
}

void
vr_names_menu_track_button (VrNamesMenu   *self,
                            GtkMenuButton *button)
{
  GtkPopover *popover;

  g_return_if_fail (VR_IS_NAMES_MENU (self));
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  popover = gtk_menu_button_get_popover (button);
  g_return_if_fail (popover != NULL);

  /* The button holds no reference: the menu outlives its owner's rows. */
  g_object_set_data (G_OBJECT (button), "vr-names-menu", self);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_button_popover_show_cb), button, 0);
}

void
vr_names_menu_popup (VrNamesMenu        *self,
                     GMenuModel         *model,
                     const char         *prefix,
                     GActionGroup       *group,
                     GtkWidget          *widget,
                     const GdkRectangle *rect)
{
  g_return_if_fail (VR_IS_NAMES_MENU (self));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  if (self->owner == NULL)
    return;

  vr_names_menu_set_anchor (self, widget, rect);

  if (self->popover == NULL)
    {
      GtkWidget *popover = gtk_popover_menu_new_from_model (model);

      gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
      gtk_widget_set_halign (popover, GTK_ALIGN_START);
      gtk_widget_set_parent (popover, self->owner);
      replace_popover (&self->popover, popover);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->popover), model);

  /* The popover's own group wins over the owner's; one left from the last
   * item must not. */
  gtk_widget_insert_action_group (self->popover, "spelling", NULL);
  gtk_widget_insert_action_group (self->popover, "entity", NULL);
  if (group != NULL && prefix != NULL)
    gtk_widget_insert_action_group (self->popover, prefix, group);

  point_at_anchor (self, GTK_POPOVER (self->popover));
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

typedef void (*ChosenFunc) (VrNamesMenu *self,
                            VrEntity    *item_entity,
                            VrVariant   *variant,
                            VrEntity    *chosen);

typedef struct
{
  VrNamesMenu *menu;
  VrEntity    *entity;
  VrVariant   *variant;
  ChosenFunc   func;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  g_clear_object (&data->menu);
  g_clear_object (&data->entity);
  g_clear_object (&data->variant);
  g_free (data);
}

static void
on_chooser_entity_chosen_cb (VrEntityChooser *chooser,
                             VrEntity        *chosen,
                             ChooserData     *data)
{
  data->func (data->menu, data->entity, data->variant, chosen);
}

static gboolean
popup_chooser_idle_cb (gpointer user_data)
{
  VrNamesMenu *self = user_data;

  if (self->chooser != NULL && self->owner != NULL && gtk_widget_get_mapped (self->owner))
    {
      gtk_popover_popup (GTK_POPOVER (self->chooser));
      gtk_widget_grab_focus (GTK_WIDGET (vr_entity_chooser_get_search_entry (VR_ENTITY_CHOOSER (self->chooser))));
    }

  return G_SOURCE_REMOVE;
}

static void
show_chooser (VrNamesMenu *self,
              VrEntity    *exclude,
              VrVariant   *variant,
              const char  *heading,
              ChosenFunc   func)
{
  ChooserData *data;
  GtkWidget *chooser;

  if (self->owner == NULL || self->document == NULL)
    return;

  chooser = vr_entity_chooser_new (self->document, exclude, heading);
  data = g_new0 (ChooserData, 1);
  data->menu = g_object_ref (self);
  data->entity = exclude != NULL ? g_object_ref (exclude) : NULL;
  data->variant = variant != NULL ? g_object_ref (variant) : NULL;
  data->func = func;
  g_signal_connect_data (chooser, "entity-chosen",
                         G_CALLBACK (on_chooser_entity_chosen_cb), data,
                         (GClosureNotify) chooser_data_free, 0);

  gtk_widget_set_parent (chooser, self->owner);
  replace_popover (&self->chooser, chooser);
  point_at_anchor (self, GTK_POPOVER (chooser));

  /* The menu that asked for the chooser closes after its item's action:
   * a popover shown before that would close with it. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, popup_chooser_idle_cb, g_object_ref (self), g_object_unref);
}

static void
activate_window_action (VrNamesMenu *self,
                        const char  *name,
                        GVariant    *args)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (args);

  if (self->owner != NULL)
    gtk_widget_activate_action_variant (self->owner, name, owned);
}

/* The actions of one item */

typedef struct
{
  GWeakRef   menu;
  VrEntity  *entity;
  VrVariant *variant;
} ItemData;

static void
item_data_free (ItemData *data)
{
  g_weak_ref_clear (&data->menu);
  g_clear_object (&data->entity);
  g_clear_object (&data->variant);
  g_free (data);
}

/* The entity a spelling is in now: undo and redo move spellings. */
static VrEntity *
variant_entity (ItemData *data)
{
  return data->variant != NULL ? vr_variant_get_entity (data->variant) : data->entity;
}

static void
moved_cb (VrNamesMenu *self,
          VrEntity    *entity,
          VrVariant   *variant,
          VrEntity    *chosen)
{
  VrEntity *from = vr_variant_get_entity (variant);

  if (from != NULL)
    activate_window_action (self, "win.move-variant",
                            g_variant_new ("(sss)", vr_entity_get_id (from),
                                           vr_variant_get_form (variant),
                                           vr_entity_get_id (chosen)));
}

static void
different_cb (VrNamesMenu *self,
              VrEntity    *entity,
              VrVariant   *variant,
              VrEntity    *chosen)
{
  const char *form = variant != NULL ? vr_variant_get_form (variant) : vr_entity_get_name (entity);

  activate_window_action (self, "win.mark-different",
                          g_variant_new ("(ss)", form, vr_entity_get_name (chosen)));
}

static void
merged_cb (VrNamesMenu *self,
           VrEntity    *entity,
           VrVariant   *variant,
           VrEntity    *chosen)
{
  activate_window_action (self, "win.merge-entity",
                          g_variant_new ("(ss)", vr_entity_get_id (entity), vr_entity_get_id (chosen)));
}

static void
on_item_action_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  ItemData *data = user_data;
  g_autoptr(VrNamesMenu) self = g_weak_ref_get (&data->menu);
  const char *name = g_action_get_name (G_ACTION (action));
  VrEntity *entity = variant_entity (data);
  g_autofree char *heading = NULL;

  if (self == NULL || entity == NULL)
    return;

  if (g_str_equal (name, "make-preferred"))
    activate_window_action (self, "win.make-preferred",
                            g_variant_new ("(ss)", vr_entity_get_id (entity), vr_variant_get_form (data->variant)));
  else if (g_str_equal (name, "split"))
    activate_window_action (self, "win.split-variant",
                            g_variant_new ("(ss)", vr_entity_get_id (entity), vr_variant_get_form (data->variant)));
  else if (g_str_equal (name, "move"))
    {
      /* Translators: the heading of a list of entities: "Move “Yung Kong-hum” to" */
      heading = g_strdup_printf (_("Move “%s” to"), vr_variant_get_form (data->variant));
      show_chooser (self, entity, data->variant, heading, moved_cb);
    }
  else if (g_str_equal (name, "different") && data->variant != NULL)
    {
      /* Translators: the heading of a list of entities */
      heading = g_strdup_printf (_("“%s” is not the same person as"), vr_variant_get_form (data->variant));
      show_chooser (self, entity, data->variant, heading, different_cb);
    }
  else if (g_str_equal (name, "different"))
    {
      /* Translators: the heading of a list of entities */
      heading = g_strdup_printf (_("“%s” is not the same person as"), vr_entity_get_name (entity));
      show_chooser (self, entity, NULL, heading, different_cb);
    }
  else if (g_str_equal (name, "merge"))
    {
      /* Translators: the heading of a list of entities: "Merge “Yun” into" */
      heading = g_strdup_printf (_("Merge “%s” into"), vr_entity_get_name (entity));
      show_chooser (self, entity, NULL, heading, merged_cb);
    }
  else if (g_str_equal (name, "add-spelling") && self->add_spelling != NULL && self->owner != NULL)
    self->add_spelling (self->owner, entity);
}

static void
on_item_change_state_cb (GSimpleAction *action,
                         GVariant      *value,
                         gpointer       user_data)
{
  ItemData *data = user_data;
  g_autoptr(VrNamesMenu) self = g_weak_ref_get (&data->menu);
  const char *name = g_action_get_name (G_ACTION (action));
  VrEntity *entity = variant_entity (data);

  if (self == NULL || entity == NULL)
    return;

  /* The state follows the model (see sync_states), not the click: an edit
   * that fails or is undone shows as it is. */
  activate_window_action (self,
                          g_str_equal (name, "system") ? "win.set-variant-system" : "win.set-variant-status",
                          g_variant_new ("(sss)", vr_entity_get_id (entity),
                                         vr_variant_get_form (data->variant),
                                         g_variant_get_string (value, NULL)));
}

static void
sync_states (GSimpleActionGroup *group)
{
  ItemData *data = g_object_get_data (G_OBJECT (group), "vr-item");
  GAction *action;
  VrEntity *entity = variant_entity (data);
  GListModel *variants = entity != NULL ? vr_entity_get_variants (entity) : NULL;
  gboolean preferred;

  if (data->variant == NULL)
    return;

  action = g_action_map_lookup_action (G_ACTION_MAP (group), "system");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (vr_name_system_to_string (vr_variant_get_system (data->variant))));
  action = g_action_map_lookup_action (G_ACTION_MAP (group), "status");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (vr_variant_status_to_string (vr_variant_get_status (data->variant))));

  preferred = entity != NULL && g_strcmp0 (vr_entity_get_name (entity), vr_variant_get_form (data->variant)) == 0;
  action = g_action_map_lookup_action (G_ACTION_MAP (group), "make-preferred");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), entity != NULL && !preferred);
  /* A lone spelling is its entity already. */
  action = g_action_map_lookup_action (G_ACTION_MAP (group), "split");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               variants != NULL && g_list_model_get_n_items (variants) > 1);
}

static GSimpleActionGroup *
item_actions_new (VrNamesMenu *self,
                  VrEntity    *entity,
                  VrVariant   *variant)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  ItemData *data = g_new0 (ItemData, 1);

  g_weak_ref_init (&data->menu, self);
  data->entity = entity != NULL ? g_object_ref (entity) : NULL;
  data->variant = variant != NULL ? g_object_ref (variant) : NULL;
  g_object_set_data_full (G_OBJECT (group), "vr-item", data, (GDestroyNotify) item_data_free);

  return group;
}

GSimpleActionGroup *
vr_names_menu_create_spelling_actions (VrNamesMenu *self,
                                       VrVariant   *variant)
{
  const GActionEntry entries[] = {
    { .name = "make-preferred", .activate = on_item_action_cb },
    { .name = "move", .activate = on_item_action_cb },
    { .name = "split", .activate = on_item_action_cb },
    { .name = "different", .activate = on_item_action_cb },
    { .name = "system", .parameter_type = "s", .state = "'other'", .change_state = on_item_change_state_cb },
    { .name = "status", .parameter_type = "s", .state = "'confirmed'", .change_state = on_item_change_state_cb },
  };
  GSimpleActionGroup *group;
  VrEntity *entity;

  g_return_val_if_fail (VR_IS_NAMES_MENU (self), NULL);
  g_return_val_if_fail (VR_IS_VARIANT (variant), NULL);

  group = item_actions_new (self, NULL, variant);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries),
                                   g_object_get_data (G_OBJECT (group), "vr-item"));
  sync_states (group);

  /* The menu shows the spelling as it is, also after an undo. */
  g_signal_connect_object (variant, "notify", G_CALLBACK (sync_states), group, G_CONNECT_SWAPPED);
  entity = vr_variant_get_entity (variant);
  if (entity != NULL)
    {
      g_signal_connect_object (entity, "notify::name", G_CALLBACK (sync_states), group, G_CONNECT_SWAPPED);
      g_signal_connect_object (vr_entity_get_variants (entity), "items-changed",
                               G_CALLBACK (sync_states), group, G_CONNECT_SWAPPED);
    }

  return group;
}

GSimpleActionGroup *
vr_names_menu_create_entity_actions (VrNamesMenu *self,
                                     VrEntity    *entity)
{
  const GActionEntry entries[] = {
    { .name = "add-spelling", .activate = on_item_action_cb },
    { .name = "merge", .activate = on_item_action_cb },
    { .name = "different", .activate = on_item_action_cb },
  };
  GSimpleActionGroup *group;

  g_return_val_if_fail (VR_IS_NAMES_MENU (self), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);

  group = item_actions_new (self, entity, NULL);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries),
                                   g_object_get_data (G_OBJECT (group), "vr-item"));

  return group;
}

/* Context menus: pointer and keyboard */

typedef struct
{
  VrNamesMenuContextFunc func;
  gpointer               user_data;
} ContextData;

static GtkWidget *
find_inside (GtkWidget  *widget,
             const char *key,
             guint       depth)
{
  if (g_object_get_data (G_OBJECT (widget), key) != NULL)
    return widget;
  if (depth == 0)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_NATIVE (child))
        continue;
      if ((found = find_inside (child, key, depth - 1)) != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
vr_names_menu_find_data_widget (GtkWidget  *target,
                                GtkWidget  *stop,
                                const char *key,
                                gboolean    look_inside)
{
  for (GtkWidget *w = target; w != NULL && w != stop; w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), key) != NULL)
      return w;

  /* A list row and its cells, no deeper: not every item of a list. */
  if (look_inside && target != NULL && target != stop)
    return find_inside (target, key, 3);

  return NULL;
}

static void
on_context_pressed_cb (GtkGesture *gesture,
                       int         n_press,
                       double      x,
                       double      y,
                       gpointer    user_data)
{
  ContextData *data = user_data;
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *target = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  data->func (widget, target, x, y, data->user_data);
}

static void
on_long_pressed_cb (GtkGestureLongPress *gesture,
                    double               x,
                    double               y,
                    gpointer             user_data)
{
  on_context_pressed_cb (GTK_GESTURE (gesture), 1, x, y, user_data);
}

static gboolean
on_context_key_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  ContextData *data = user_data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  data->func (widget, focus, -1, -1, data->user_data);
  return TRUE;
}

void
vr_names_menu_attach_context (GtkWidget              *widget,
                              VrNamesMenuContextFunc  func,
                              gpointer                user_data)
{
  ContextData *data;
  GtkGesture *click, *long_press;
  GtkEventController *keys;
  GtkShortcutTrigger *trigger;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  data = g_new0 (ContextData, 1);
  data->func = func;
  data->user_data = user_data;
  g_object_set_data_full (G_OBJECT (widget), "vr-names-context", data, g_free);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  /* Before the lists inside: a list box claims every button's press. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_context_pressed_cb), data);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed_cb), data);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));

  keys = gtk_shortcut_controller_new ();
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (on_context_key_cb, data, NULL)));
  gtk_widget_add_controller (widget, keys);
}

/* The object */

void
vr_names_menu_set_add_spelling_func (VrNamesMenu  *self,
                                     void (*add_spelling) (GtkWidget *owner,
                                                           VrEntity  *entity))
{
  g_return_if_fail (VR_IS_NAMES_MENU (self));

  self->add_spelling = add_spelling;
}

GtkWidget *
vr_names_menu_get_popover (VrNamesMenu *self)
{
  g_return_val_if_fail (VR_IS_NAMES_MENU (self), NULL);

  return self->popover;
}

GtkWidget *
vr_names_menu_get_chooser (VrNamesMenu *self)
{
  g_return_val_if_fail (VR_IS_NAMES_MENU (self), NULL);

  return self->chooser;
}

void
vr_names_menu_set_document (VrNamesMenu *self,
                            VrDocument  *document)
{
  g_return_if_fail (VR_IS_NAMES_MENU (self));

  if (!g_set_object (&self->document, document))
    return;

  /* A chooser lists the entities of the document it was opened on. */
  if (self->chooser != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->chooser));
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
vr_names_menu_dispose (GObject *object)
{
  VrNamesMenu *self = VR_NAMES_MENU (object);

  replace_popover (&self->popover, NULL);
  replace_popover (&self->chooser, NULL);
  g_clear_weak_pointer (&self->anchor);
  g_clear_weak_pointer (&self->owner);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_names_menu_parent_class)->dispose (object);
}

static void
vr_names_menu_class_init (VrNamesMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vr_names_menu_dispose;
}

static void
vr_names_menu_init (VrNamesMenu *self)
{
}

VrNamesMenu *
vr_names_menu_new (GtkWidget *owner)
{
  VrNamesMenu *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (VR_TYPE_NAMES_MENU, NULL);
  g_set_weak_pointer (&self->owner, owner);

  return self;
}
