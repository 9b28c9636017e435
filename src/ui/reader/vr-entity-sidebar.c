/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-entity-sidebar"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vr-entity-sidebar.h"
#include "vr-fold.h"
#include "vr-mention-strip.h"
#include "vr-names-menu.h"
#include "vr-spelling-reason.h"

#define N_KINDS (VR_ENTITY_KIND_OTHER + 1)
#define CONTEXT_CHARS 48

struct _VrEntitySidebar
{
  GtkWidget           parent_instance;

  VrDocument         *document;
  VrEntity           *selected;
  char               *needle;
  GHashTable         *keys;
  gboolean            syncing;

  GtkCustomFilter    *text_filter;
  GtkFilterListModel *kind_filtered[N_KINDS];
  GtkSortListModel   *kind_models[N_KINDS];
  GtkListBox         *kind_lists[N_KINDS];
  GtkWidget          *kind_headings[N_KINDS];
  GtkSingleSelection *mention_selection;
  VrNamesMenu        *names_menu;

  GtkSearchEntry     *filter_entry;
  GtkStack           *list_stack;
  GtkBox             *groups_box;
  GtkStack           *details_stack;
  GtkLabel           *name_label;
  GtkLabel           *original_label;
  GtkLabel           *description_label;
  GtkListBox         *forms_list;
  VrMentionStrip     *strip;
  GtkListView        *mention_list;
  GtkMenuButton      *entity_menu_button;
  GtkMenuButton      *add_spelling_button;
  GtkPopover         *add_popover;
  GtkLabel           *add_heading;
  GtkEntry           *add_entry;
  GtkDropDown        *add_system_dropdown;
  GtkWidget          *add_confirm_button;
};

static const VrNameSystem add_systems[] = {
  VR_NAME_SYSTEM_RR,
  VR_NAME_SYSTEM_MR,
  VR_NAME_SYSTEM_DPRK,
  VR_NAME_SYSTEM_RUSSIAN,
  VR_NAME_SYSTEM_TRANSLATOR,
  VR_NAME_SYSTEM_OTHER,
};

G_DEFINE_FINAL_TYPE (VrEntitySidebar, vr_entity_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ENTITY,
  N_PROPS
};

enum {
  MENTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
kind_heading (VrEntityKind kind)
{
  switch (kind)
    {
    case VR_ENTITY_KIND_PERSON: return _("People");
    case VR_ENTITY_KIND_ORGANIZATION: return _("Organizations");
    case VR_ENTITY_KIND_PLACE: return _("Places");
    case VR_ENTITY_KIND_EVENT: return _("Events");
    case VR_ENTITY_KIND_OTHER:
    default: return _("Other");
    }
}

/* Every spelling of the entity, folded once and cached: the filter runs on
 * every keystroke. */
static const char *
entity_key (VrEntitySidebar *self,
            VrEntity        *entity)
{
  const char *key = g_hash_table_lookup (self->keys, entity);
  GListModel *variants;
  g_autoptr(GString) s = NULL;
  const char *parts[4];

  if (key != NULL)
    return key;

  s = g_string_new (NULL);
  parts[0] = vr_entity_get_name (entity);
  parts[1] = vr_entity_get_hangul (entity);
  parts[2] = vr_entity_get_hanja (entity);
  parts[3] = vr_entity_get_cyrillic (entity);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        g_autofree char *folded = vr_fold (parts[i], NULL);

        g_string_append (s, folded);
        g_string_append_c (s, '\n');
      }

  variants = vr_entity_get_variants (entity);
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);
      g_autofree char *folded = vr_fold (vr_variant_get_form (variant), NULL);

      g_string_append (s, folded);
      g_string_append_c (s, '\n');
    }

  key = g_string_free (g_steal_pointer (&s), FALSE);
  g_hash_table_insert (self->keys, entity, (char *) key);

  return key;
}

static gboolean
text_filter_func (gpointer item,
                  gpointer user_data)
{
  VrEntitySidebar *self = user_data;

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;

  return strstr (entity_key (self, item), self->needle) != NULL;
}

static gboolean
kind_filter_func (gpointer item,
                  gpointer user_data)
{
  VrEntityKind kind = vr_entity_get_kind (item);

  if ((guint) kind >= N_KINDS)
    kind = VR_ENTITY_KIND_OTHER;

  return kind == (VrEntityKind) GPOINTER_TO_INT (user_data);
}

/* Most mentioned first, then by name. */
static int
entity_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  guint ca = vr_entity_get_mention_count ((VrEntity *) a);
  guint cb = vr_entity_get_mention_count ((VrEntity *) b);

  if (ca != cb)
    return ca > cb ? -1 : 1;

  return g_utf8_collate (vr_entity_get_name ((VrEntity *) a) ?: "",
                         vr_entity_get_name ((VrEntity *) b) ?: "");
}

static gboolean
count_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

static void
on_entity_kind_changed_cb (VrEntitySidebar *self,
                           GParamSpec      *pspec,
                           VrEntity        *entity)
{
  /* Every kind's filter includes the text filter: the entity moves to the
   * list of its new kind. */
  gtk_filter_changed (GTK_FILTER (self->text_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static GtkWidget *
create_entity_row (gpointer item,
                   gpointer user_data)
{
  VrEntity *entity = item;
  GtkWidget *row, *box, *name, *count;
  g_autofree char *accessible = NULL;
  guint n = vr_entity_get_mention_count (entity);

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_signal_handlers_disconnect_by_func (entity, on_entity_kind_changed_cb, user_data);
  g_signal_connect_object (entity, "notify::kind", G_CALLBACK (on_entity_kind_changed_cb),
                           user_data, G_CONNECT_SWAPPED);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  g_object_bind_property (entity, "name", name, "label", G_BINDING_SYNC_CREATE);

  count = gtk_label_new (NULL);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  g_object_bind_property_full (entity, "mention-count", count, "label",
                               G_BINDING_SYNC_CREATE, count_to_label, NULL, NULL, NULL);

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: an entity row for screen readers: name and mention count */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u mention", "%s, %u mentions", n),
                                vr_entity_get_name (entity), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "vr-entity", g_object_ref (entity), g_object_unref);

  return row;
}

/* A spelling row's labels, from the model: also after an edit of the
 * spelling (system, status, count) or of what its reason depends on. */
static void
update_form_row (GtkWidget *row)
{
  VrEntitySidebar *self = g_object_get_data (G_OBJECT (row), "vr-sidebar");
  VrVariant *variant = g_object_get_data (G_OBJECT (row), "vr-variant");
  GtkLabel *form = g_object_get_data (G_OBJECT (row), "vr-form-label");
  GtkLabel *system = g_object_get_data (G_OBJECT (row), "vr-system-label");
  GtkLabel *reason_label = g_object_get_data (G_OBJECT (row), "vr-reason-label");
  GtkLabel *count = g_object_get_data (G_OBJECT (row), "vr-count-label");
  VrEntity *entity = vr_variant_get_entity (variant);
  const char *system_label = vr_name_system_get_label (vr_variant_get_system (variant));
  VrVariantStatus status = vr_variant_get_status (variant);
  g_autoptr(GString) subtitle = g_string_new (system_label);
  g_autofree char *reason = NULL;
  g_autofree char *why = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *accessible = NULL;
  guint n = vr_variant_get_count (variant);

  if (entity != NULL && g_strcmp0 (vr_entity_get_name (entity), vr_variant_get_form (variant)) == 0)
    /* Translators: after a spelling's system: "Revised Romanization · Preferred" */
    g_string_append_printf (subtitle, " · %s", C_("spelling", "Preferred"));
  if (status != VR_VARIANT_STATUS_CONFIRMED)
    g_string_append_printf (subtitle, " · %s", vr_variant_status_get_label (status));

  reason = vr_spelling_dup_reason (self->document, variant, NULL);
  if (reason != NULL)
    /* Translators: why a spelling belongs to its entity: "Why: k/g voicing; eu/u" */
    why = g_strdup_printf (_("Why: %s"), reason);

  /* Plain text: spellings come from the document. */
  gtk_label_set_text (form, vr_variant_get_form (variant));
  gtk_label_set_text (system, subtitle->str);
  gtk_label_set_text (reason_label, why ?: "");
  gtk_widget_set_visible (GTK_WIDGET (reason_label), why != NULL);
  count_text = g_strdup_printf ("%u", n);
  gtk_label_set_text (count, count_text);

  /* Translators: a spelling row: the form, its romanization system, its count */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u occurrence", "%s, %s, %u occurrences", n),
                                vr_variant_get_form (variant), subtitle->str, n);
  if (why != NULL)
    {
      char *with_reason = g_strconcat (accessible, ". ", why, NULL);

      g_free (accessible);
      accessible = with_reason;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* The focusable part of a GtkMenuButton is an inner toggle that GTK 4.8
 * leaves unnamed, whatever the menu button itself is called. */
static void
name_menu_button (GtkMenuButton *button,
                  const char    *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}

static GtkWidget *
create_form_row (gpointer item,
                 gpointer user_data)
{
  VrEntitySidebar *self = user_data;
  VrVariant *variant = item;
  g_autoptr(GSimpleActionGroup) group = NULL;
  GtkWidget *row, *box, *text_box, *form, *system, *reason, *count, *menu;
  g_autofree char *menu_name = NULL;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  /* The spelling over its romanization system, like a row's title and
   * subtitle, so that neither has to wrap in a narrow sidebar. */
  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);

  form = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (form), 0.0);
  gtk_label_set_wrap (GTK_LABEL (form), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (form), PANGO_WRAP_WORD_CHAR);

  system = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (system), 0.0);
  gtk_label_set_wrap (GTK_LABEL (system), TRUE);
  gtk_widget_add_css_class (system, "dim-label");
  gtk_widget_add_css_class (system, "caption");

  /* Why the spelling is this entity's, under its system. */
  reason = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (reason), 0.0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_add_css_class (reason, "spelling-reason");

  count = gtk_label_new (NULL);
  gtk_widget_add_css_class (count, "numeric");

  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), vr_names_menu_get_spelling_model ());
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  /* Translators: the tooltip of a spelling's menu button: "Actions for “Yung Kong-hum”" */
  menu_name = g_strdup_printf (_("Actions for “%s”"), vr_variant_get_form (variant));
  gtk_widget_set_tooltip_text (menu, menu_name);
  name_menu_button (GTK_MENU_BUTTON (menu), menu_name);
  /* A chooser opened from this menu points at its button. */
  vr_names_menu_track_button (self->names_menu, GTK_MENU_BUTTON (menu));

  gtk_box_append (GTK_BOX (text_box), form);
  gtk_box_append (GTK_BOX (text_box), system);
  gtk_box_append (GTK_BOX (text_box), reason);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), menu);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "vr-sidebar", self);
  g_object_set_data_full (G_OBJECT (row), "vr-variant", g_object_ref (variant), g_object_unref);
  g_object_set_data (G_OBJECT (row), "vr-form-label", form);
  g_object_set_data (G_OBJECT (row), "vr-system-label", system);
  g_object_set_data (G_OBJECT (row), "vr-reason-label", reason);
  g_object_set_data (G_OBJECT (row), "vr-count-label", count);
  g_object_set_data (G_OBJECT (row), "vr-menu-button", menu);
  update_form_row (row);
  g_signal_connect_object (variant, "notify", G_CALLBACK (update_form_row), row, G_CONNECT_SWAPPED);

  group = vr_names_menu_create_spelling_actions (self->names_menu, variant);
  gtk_widget_insert_action_group (row, "spelling", G_ACTION_GROUP (group));

  return row;
}

/* Reasons name decisions: they follow the document's. */
static void
update_form_rows (VrEntitySidebar *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->forms_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "vr-variant") != NULL)
      update_form_row (row);
}

static void
update_visibility (VrEntitySidebar *self)
{
  guint total = 0;

  for (guint k = 0; k < N_KINDS; k++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kind_models[k]));

      gtk_widget_set_visible (self->kind_headings[k], n > 0);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_lists[k]), n > 0);
      total += n;
    }

  gtk_stack_set_visible_child_name (self->list_stack,
                                    total > 0 || self->document == NULL ? "lists" : "empty");
}

/* Shows the selected entity in whichever list holds it, and nowhere else. */
static void
sync_lists (VrEntitySidebar *self)
{
  self->syncing = TRUE;

  for (guint k = 0; k < N_KINDS; k++)
    {
      GListModel *model = G_LIST_MODEL (self->kind_models[k]);
      GtkListBoxRow *row = NULL;

      if (self->selected != NULL)
        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(VrEntity) entity = g_list_model_get_item (model, i);

            if (entity == self->selected)
              {
                row = gtk_list_box_get_row_at_index (self->kind_lists[k], i);
                break;
              }
          }

      if (row != NULL)
        gtk_list_box_select_row (self->kind_lists[k], row);
      else
        gtk_list_box_unselect_all (self->kind_lists[k]);
    }

  self->syncing = FALSE;
}

static void
update_strip (VrEntitySidebar *self)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) starts = g_hash_table_new (NULL, NULL);
  GListModel *paragraphs, *model;
  VrVersion *version;
  const char *version_id;
  guint total = 0;

  if (self->selected == NULL || self->document == NULL ||
      (version = vr_document_get_default_version (self->document)) == NULL)
    {
      vr_mention_strip_set_mentions (self->strip, NULL, NULL);
      return;
    }

  version_id = vr_version_get_id (version);
  paragraphs = vr_document_get_paragraphs (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_hash_table_insert (starts, paragraph, GUINT_TO_POINTER (total));
      total += vr_paragraph_get_n_chars (paragraph, version_id) + 1;
    }

  model = vr_entity_get_mentions (self->selected);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VrMention) mention = g_list_model_get_item (model, i);
      gpointer start;
      double pos;

      if (g_strcmp0 (vr_mention_get_version_id (mention), version_id) != 0 ||
          !g_hash_table_lookup_extended (starts, vr_mention_get_paragraph (mention), NULL, &start))
        continue;

      pos = total > 0 ? (GPOINTER_TO_UINT (start) + vr_mention_get_start (mention)) / (double) total : 0.0;
      g_ptr_array_add (mentions, g_object_ref (mention));
      g_array_append_val (positions, pos);
    }

  vr_mention_strip_set_mentions (self->strip, mentions, positions);
}

static void
update_details (VrEntitySidebar *self)
{
  g_autoptr(GString) original = NULL;
  const char *parts[3];
  const char *description;

  if (self->selected == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      gtk_list_box_bind_model (self->forms_list, NULL, NULL, NULL, NULL);
      gtk_single_selection_set_model (self->mention_selection, NULL);
      vr_mention_strip_set_mentions (self->strip, NULL, NULL);
      return;
    }

  gtk_label_set_text (self->name_label, vr_entity_get_name (self->selected));

  original = g_string_new (NULL);
  parts[0] = vr_entity_get_hangul (self->selected);
  parts[1] = vr_entity_get_hanja (self->selected);
  parts[2] = vr_entity_get_cyrillic (self->selected);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      {
        if (original->len > 0)
          g_string_append (original, "  ·  ");
        g_string_append (original, parts[i]);
      }
  gtk_label_set_text (self->original_label, original->str);
  gtk_widget_set_visible (GTK_WIDGET (self->original_label), original->len > 0);

  description = vr_entity_get_description (self->selected);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');

  gtk_list_box_bind_model (self->forms_list, vr_entity_get_variants (self->selected),
                           create_form_row, self, NULL);
  gtk_single_selection_set_model (self->mention_selection, vr_entity_get_mentions (self->selected));
  update_strip (self);

  gtk_stack_set_visible_child_name (self->details_stack, "entity");
}

static void
on_row_selected_cb (GtkListBox      *list,
                    GtkListBoxRow   *row,
                    VrEntitySidebar *self)
{
  /* Rows also leave the selection when the filter hides them; that does not
   * change which entity the reader has selected. */
  if (self->syncing || row == NULL)
    return;

  vr_entity_sidebar_set_selected_entity (self, g_object_get_data (G_OBJECT (row), "vr-entity"));
}

static void
on_filter_changed_cb (VrEntitySidebar *self,
                      GtkSearchEntry  *entry)
{
  vr_entity_sidebar_set_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Menus */

static void
on_context_cb (GtkWidget *widget,
               GtkWidget *target,
               double     x,
               double     y,
               gpointer   user_data)
{
  VrEntitySidebar *self = VR_ENTITY_SIDEBAR (widget);
  GdkRectangle point = { (int) x, (int) y, 1, 1 };
  gboolean keyboard = x < 0;
  g_autoptr(GSimpleActionGroup) group = NULL;
  GtkWidget *row;

  if (target == NULL || self->document == NULL)
    return;

  if ((row = vr_names_menu_find_data_widget (target, widget, "vr-variant", FALSE)) != NULL)
    {
      group = vr_names_menu_create_spelling_actions (self->names_menu,
                                                     g_object_get_data (G_OBJECT (row), "vr-variant"));
      vr_names_menu_popup (self->names_menu, vr_names_menu_get_spelling_model (), "spelling", G_ACTION_GROUP (group),
                           keyboard ? row : widget, keyboard ? NULL : &point);
      return;
    }

  if ((row = vr_names_menu_find_data_widget (target, widget, "vr-entity", FALSE)) != NULL)
    {
      VrEntity *entity = g_object_get_data (G_OBJECT (row), "vr-entity");

      /* As in a file manager, the menu is about the item it shows. */
      vr_entity_sidebar_set_selected_entity (self, entity);
      group = vr_names_menu_create_entity_actions (self->names_menu, entity);
      vr_names_menu_popup (self->names_menu, vr_names_menu_get_entity_model (), "entity", G_ACTION_GROUP (group),
                           keyboard ? row : widget, keyboard ? NULL : &point);
      return;
    }

  if (keyboard && self->selected != NULL)
    {
      group = vr_names_menu_create_entity_actions (self->names_menu, self->selected);
      vr_names_menu_popup (self->names_menu, vr_names_menu_get_entity_model (), "entity", G_ACTION_GROUP (group),
                           GTK_WIDGET (self->name_label), NULL);
    }
}

static void
add_spelling_cb (GtkWidget *owner,
                 VrEntity  *entity)
{
  VrEntitySidebar *self = VR_ENTITY_SIDEBAR (owner);

  vr_entity_sidebar_set_selected_entity (self, entity);
  vr_entity_sidebar_show_add_spelling (self);
}

static void
on_add_popover_show_cb (VrEntitySidebar *self,
                        GtkPopover      *popover)
{
  g_autofree char *heading = NULL;

  if (self->selected == NULL)
    return;

  /* Translators: the heading of the Add Spelling popover: "Another Spelling of “Yun Gong-heum”" */
  heading = g_strdup_printf (_("Another Spelling of “%s”"), vr_entity_get_name (self->selected));
  gtk_label_set_text (self->add_heading, heading);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
on_add_entry_changed_cb (VrEntitySidebar *self,
                         GtkEditable     *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  gtk_widget_set_sensitive (self->add_confirm_button, text[0] != '\0');
}

static void
on_add_confirm_cb (VrEntitySidebar *self,
                   GtkButton       *button)
{
  g_autofree char *form = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  guint selected = gtk_drop_down_get_selected (self->add_system_dropdown);
  VrNameSystem system = selected < G_N_ELEMENTS (add_systems) ? add_systems[selected] : VR_NAME_SYSTEM_OTHER;
  g_autoptr(VrEntity) entity = NULL;

  if (form[0] == '\0' || self->selected == NULL)
    return;

  entity = g_object_ref (self->selected);
  gtk_popover_popdown (self->add_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-spelling", "(sss)",
                              vr_entity_get_id (entity), form, vr_name_system_to_string (system));
}

static void
on_filter_stop_cb (VrEntitySidebar *self,
                   GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_mention_activated_cb (VrEntitySidebar *self,
                         VrMention       *mention)
{
  g_signal_emit (self, signals[MENTION_ACTIVATED], 0, mention);
}

static void
on_mention_row_activated_cb (VrEntitySidebar *self,
                             guint            position)
{
  g_autoptr(VrMention) mention = g_list_model_get_item (G_LIST_MODEL (self->mention_selection), position);

  if (mention != NULL)
    g_signal_emit (self, signals[MENTION_ACTIVATED], 0, mention);
}

static void
on_entities_changed_cb (VrEntitySidebar *self)
{
  g_hash_table_remove_all (self->keys);
}

static void
setup_kwic_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *left = gtk_label_new (NULL);
  GtkWidget *mid = gtk_label_new (NULL);
  GtkWidget *right = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (left), 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (left), PANGO_ELLIPSIZE_START);
  gtk_label_set_width_chars (GTK_LABEL (left), 4);
  gtk_widget_set_hexpand (left, TRUE);
  gtk_widget_add_css_class (left, "dim-label");

  gtk_widget_add_css_class (mid, "kwic-mention");
  gtk_widget_set_margin_start (mid, 4);
  gtk_widget_set_margin_end (mid, 4);

  gtk_label_set_xalign (GTK_LABEL (right), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (right), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (right), 4);
  gtk_widget_set_hexpand (right, TRUE);
  gtk_widget_add_css_class (right, "dim-label");

  gtk_box_set_homogeneous (GTK_BOX (box), FALSE);
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), mid);
  gtk_box_append (GTK_BOX (box), right);
  gtk_list_item_set_child (item, box);
}

static void
bind_kwic_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  VrMention *mention = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *left = gtk_widget_get_first_child (box);
  GtkWidget *mid = gtk_widget_get_next_sibling (left);
  GtkWidget *right = gtk_widget_get_next_sibling (mid);
  g_autofree char *l = NULL;
  g_autofree char *t = NULL;
  g_autofree char *r = NULL;
  g_autofree char *accessible = NULL;

  vr_entity_sidebar_get_context (mention, &l, &t, &r);
  gtk_label_set_text (GTK_LABEL (left), l);
  gtk_label_set_text (GTK_LABEL (mid), t);
  gtk_label_set_text (GTK_LABEL (right), r);

  accessible = g_strdup_printf ("%s %s %s", l, t, r);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, g_strstrip (accessible),
                                  -1);
}

static void
vr_entity_sidebar_dispose (GObject *object)
{
  VrEntitySidebar *self = VR_ENTITY_SIDEBAR (object);
  GtkWidget *child;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (vr_document_get_entities (self->document), self);
      g_signal_handlers_disconnect_by_data (vr_document_get_decisions (self->document), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_ENTITY_SIDEBAR);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint k = 0; k < N_KINDS; k++)
    g_clear_object (&self->kind_models[k]);
  g_clear_object (&self->text_filter);
  g_clear_object (&self->mention_selection);
  g_clear_object (&self->names_menu);
  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_func (self->selected, update_details, self);
  g_clear_object (&self->selected);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_entity_sidebar_parent_class)->dispose (object);
}

static void
vr_entity_sidebar_finalize (GObject *object)
{
  VrEntitySidebar *self = VR_ENTITY_SIDEBAR (object);

  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (vr_entity_sidebar_parent_class)->finalize (object);
}

static void
vr_entity_sidebar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VrEntitySidebar *self = VR_ENTITY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_ENTITY:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_entity_sidebar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VrEntitySidebar *self = VR_ENTITY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_entity_sidebar_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ENTITY:
      vr_entity_sidebar_set_selected_entity (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_entity_sidebar_class_init (VrEntitySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_entity_sidebar_dispose;
  object_class->finalize = vr_entity_sidebar_finalize;
  object_class->get_property = vr_entity_sidebar_get_property;
  object_class->set_property = vr_entity_sidebar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_object ("selected-entity", NULL, NULL,
                         VR_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MENTION_ACTIVATED] =
    g_signal_new ("mention-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VR_TYPE_MENTION);

  g_type_ensure (VR_TYPE_MENTION_STRIP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/reader/vr-entity-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, groups_box);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, details_stack);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, name_label);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, original_label);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, description_label);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, forms_list);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, strip);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, mention_list);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, entity_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, add_spelling_button);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, add_popover);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, add_heading);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, add_entry);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, add_system_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VrEntitySidebar, add_confirm_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mention_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mention_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_confirm_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitysidebar");
}

static void
vr_entity_sidebar_init (VrEntitySidebar *self)
{
  g_autoptr(GtkStringList) system_labels = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkCustomSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->names_menu = vr_names_menu_new (GTK_WIDGET (self));
  vr_names_menu_set_add_spelling_func (self->names_menu, add_spelling_cb);
  vr_names_menu_attach_context (GTK_WIDGET (self), on_context_cb, NULL);
  gtk_menu_button_set_menu_model (self->entity_menu_button, vr_names_menu_get_entity_model ());
  vr_names_menu_track_button (self->names_menu, self->entity_menu_button);
  name_menu_button (self->entity_menu_button, _("Spellings and Identity"));
  name_menu_button (self->add_spelling_button, _("Add Spelling"));
  for (guint i = 0; i < G_N_ELEMENTS (add_systems); i++)
    gtk_string_list_append (system_labels, vr_name_system_get_label (add_systems[i]));
  gtk_drop_down_set_model (self->add_system_dropdown, G_LIST_MODEL (system_labels));
  gtk_popover_set_default_widget (self->add_popover, self->add_confirm_button);

  self->keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->text_filter = gtk_custom_filter_new (text_filter_func, self, NULL);
  sorter = gtk_custom_sorter_new (entity_compare, NULL, NULL);

  for (guint k = 0; k < N_KINDS; k++)
    {
      GtkEveryFilter *every = gtk_every_filter_new ();
      GtkWidget *heading;
      GtkWidget *list;

      gtk_multi_filter_append (GTK_MULTI_FILTER (every),
                               GTK_FILTER (gtk_custom_filter_new (kind_filter_func, GINT_TO_POINTER (k), NULL)));
      gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->text_filter)));

      self->kind_filtered[k] = gtk_filter_list_model_new (NULL, GTK_FILTER (every));
      self->kind_models[k] = gtk_sort_list_model_new (G_LIST_MODEL (self->kind_filtered[k]),
                                                      g_object_ref (GTK_SORTER (sorter)));

      heading = gtk_label_new (kind_heading (k));
      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_add_css_class (heading, "kind-heading");
      gtk_widget_set_margin_start (heading, 14);
      gtk_widget_set_margin_top (heading, 10);
      gtk_widget_set_margin_bottom (heading, 2);
      gtk_widget_set_visible (heading, FALSE);

      list = gtk_list_box_new ();
      gtk_widget_add_css_class (list, "navigation-sidebar");
      gtk_widget_set_visible (list, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, kind_heading (k),
                                      -1);
      gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->kind_models[k]),
                               create_entity_row, self, NULL);
      g_signal_connect_object (list, "row-selected", G_CALLBACK (on_row_selected_cb), self, 0);
      g_signal_connect_object (self->kind_models[k], "items-changed",
                               G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);

      gtk_box_append (self->groups_box, heading);
      gtk_box_append (self->groups_box, list);
      self->kind_headings[k] = heading;
      self->kind_lists[k] = GTK_LIST_BOX (list);
    }
  g_object_unref (sorter);

  self->mention_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->mention_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->mention_selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_kwic_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_kwic_cb), NULL);
  gtk_list_view_set_factory (self->mention_list, factory);
  gtk_list_view_set_model (self->mention_list, GTK_SELECTION_MODEL (g_object_ref (self->mention_selection)));
  g_object_unref (factory);
}

GtkWidget *
vr_entity_sidebar_new (void)
{
  return g_object_new (VR_TYPE_ENTITY_SIDEBAR, NULL);
}

VrDocument *
vr_entity_sidebar_get_document (VrEntitySidebar *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);

  return self->document;
}

void
vr_entity_sidebar_set_document (VrEntitySidebar *self,
                                VrDocument      *document)
{
  GListModel *entities = NULL;

  g_return_if_fail (VR_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (vr_document_get_entities (self->document), self);
      g_signal_handlers_disconnect_by_data (vr_document_get_decisions (self->document), self);
    }

  g_set_object (&self->document, document);
  vr_names_menu_set_document (self->names_menu, document);
  g_hash_table_remove_all (self->keys);
  vr_entity_sidebar_set_selected_entity (self, NULL);

  if (document != NULL)
    {
      entities = vr_document_get_entities (document);
      g_signal_connect_object (entities, "items-changed",
                               G_CALLBACK (on_entities_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vr_document_get_decisions (document), "items-changed",
                               G_CALLBACK (update_form_rows), self, G_CONNECT_SWAPPED);
    }

  for (guint k = 0; k < N_KINDS; k++)
    gtk_filter_list_model_set_model (self->kind_filtered[k], entities);

  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

VrEntity *
vr_entity_sidebar_get_selected_entity (VrEntitySidebar *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);

  return self->selected;
}

void
vr_entity_sidebar_set_selected_entity (VrEntitySidebar *self,
                                       VrEntity        *entity)
{
  g_return_if_fail (VR_IS_ENTITY_SIDEBAR (self));
  g_return_if_fail (entity == NULL || VR_IS_ENTITY (entity));

  if (self->selected == entity)
    return;

  /* The details follow edits of the entity (names, original forms). */
  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_func (self->selected, update_details, self);
  g_set_object (&self->selected, entity);
  if (entity != NULL)
    {
      static const char *shown[] = {
        "notify::name", "notify::hangul", "notify::hanja", "notify::cyrillic", "notify::description",
      };

      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        g_signal_connect_object (entity, shown[i], G_CALLBACK (update_details), self, G_CONNECT_SWAPPED);
    }

  /* The details' menu button acts on the selected entity. */
  if (entity != NULL)
    {
      g_autoptr(GSimpleActionGroup) group = vr_names_menu_create_entity_actions (self->names_menu, entity);

      gtk_widget_insert_action_group (GTK_WIDGET (self), "entity", G_ACTION_GROUP (group));
    }
  else
    gtk_widget_insert_action_group (GTK_WIDGET (self), "entity", NULL);
  if (entity == NULL)
    gtk_popover_popdown (self->add_popover);

  sync_lists (self);
  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
}

void
vr_entity_sidebar_set_filter_text (VrEntitySidebar *self,
                                   const char      *text)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (VR_IS_ENTITY_SIDEBAR (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), text ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text ?: "");

  needle = vr_fold (text, NULL);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->text_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
  sync_lists (self);
}

void
vr_entity_sidebar_focus_filter (VrEntitySidebar *self)
{
  g_return_if_fail (VR_IS_ENTITY_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

GListModel *
vr_entity_sidebar_get_kind_model (VrEntitySidebar *self,
                                  VrEntityKind     kind)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);

  return G_LIST_MODEL (self->kind_models[kind]);
}

GListModel *
vr_entity_sidebar_get_mention_model (VrEntitySidebar *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->mention_selection);
}

GtkWidget *
vr_entity_sidebar_get_strip (VrEntitySidebar *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->strip);
}

static char *
one_line (char *s)
{
  for (char *p = s; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return s;
}

void
vr_entity_sidebar_get_context (VrMention  *mention,
                               char      **left,
                               char      **text,
                               char      **right)
{
  VrParagraph *paragraph;
  const char *version_id;
  const char *paragraph_text = NULL;
  glong n, start, end, from, to;

  g_return_if_fail (VR_IS_MENTION (mention));

  paragraph = vr_mention_get_paragraph (mention);
  version_id = vr_mention_get_version_id (mention);
  if (paragraph != NULL)
    paragraph_text = vr_paragraph_get_text (paragraph, version_id);

  n = paragraph_text != NULL ? g_utf8_strlen (paragraph_text, -1) : 0;
  start = MIN ((glong) vr_mention_get_start (mention), n);
  end = CLAMP ((glong) vr_mention_get_end (mention), start, n);
  from = MAX (0, start - CONTEXT_CHARS);
  to = MIN (n, end + CONTEXT_CHARS);

  if (paragraph_text == NULL)
    paragraph_text = "";

  *left = one_line (g_utf8_substring (paragraph_text, from, start));
  *text = one_line (g_utf8_substring (paragraph_text, start, end));
  *right = one_line (g_utf8_substring (paragraph_text, end, to));
}

void
vr_entity_sidebar_show_add_spelling (VrEntitySidebar *self)
{
  g_return_if_fail (VR_IS_ENTITY_SIDEBAR (self));

  if (self->selected == NULL)
    return;

  gtk_menu_button_popup (self->add_spelling_button);
}

GtkWidget *
vr_entity_sidebar_get_forms_list (VrEntitySidebar *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->forms_list);
}

VrNamesMenu *
vr_entity_sidebar_get_names_menu (VrEntitySidebar *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);

  return self->names_menu;
}

GtkWidget *
vr_entity_sidebar_get_add_spelling_popover (VrEntitySidebar *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->add_popover);
}

void
vr_entity_sidebar_add_spelling (VrEntitySidebar *self,
                                const char      *form,
                                VrNameSystem     system)
{
  g_return_if_fail (VR_IS_ENTITY_SIDEBAR (self));

  for (guint i = 0; i < G_N_ELEMENTS (add_systems); i++)
    if (add_systems[i] == system)
      gtk_drop_down_set_selected (self->add_system_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), form ?: "");
  /* Activating a button clicks it only after a visible press. */
  if (gtk_widget_get_sensitive (self->add_confirm_button))
    g_signal_emit_by_name (self->add_confirm_button, "clicked");
}
