/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-entity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-entity-dialog.h"
#include "vr-mention-finder.h"
#include "vr-romanize.h"

typedef struct
{
  char         *form;
  VrNameSystem  system;
  GtkWidget    *add_button;  /* NULL when the form is already a spelling */
} Form;

struct _VrEntityDialog
{
  AdwWindow       parent_instance;

  VrDocument     *document;
  VrEntity       *entity;
  GArray         *forms;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  GtkStringList  *kind_model;
  AdwEntryRow    *description_row;
  AdwEntryRow    *hangul_row;
  AdwEntryRow    *hanja_row;
  AdwEntryRow    *cyrillic_row;
  GtkListBox     *spellings_list;
  GtkWidget      *forms_group;
  GtkListBox     *forms_list;
};

G_DEFINE_FINAL_TYPE (VrEntityDialog, vr_entity_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const VrEntityKind kinds[] = {
  VR_ENTITY_KIND_PERSON,
  VR_ENTITY_KIND_ORGANIZATION,
  VR_ENTITY_KIND_PLACE,
  VR_ENTITY_KIND_EVENT,
  VR_ENTITY_KIND_OTHER,
};

static const char * const string_properties[] = {
  "name", "description", "hangul", "hanja", "cyrillic",
};

static void
form_clear (Form *form)
{
  g_clear_pointer (&form->form, g_free);
}

GtkEditable *
vr_entity_dialog_get_entry (VrEntityDialog *self,
                            const char     *property)
{
  g_return_val_if_fail (VR_IS_ENTITY_DIALOG (self), NULL);

  if (g_str_equal (property, "name"))
    return GTK_EDITABLE (self->name_row);
  if (g_str_equal (property, "description"))
    return GTK_EDITABLE (self->description_row);
  if (g_str_equal (property, "hangul"))
    return GTK_EDITABLE (self->hangul_row);
  if (g_str_equal (property, "hanja"))
    return GTK_EDITABLE (self->hanja_row);
  if (g_str_equal (property, "cyrillic"))
    return GTK_EDITABLE (self->cyrillic_row);

  g_return_val_if_reached (NULL);
}

static gboolean
is_spelling (VrEntity   *entity,
             const char *form)
{
  GListModel *variants = vr_entity_get_variants (entity);
  g_autofree char *folded = g_utf8_casefold (form, -1);

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);
      g_autofree char *other = g_utf8_casefold (vr_variant_get_form (variant), -1);

      if (g_str_equal (folded, other))
        return TRUE;
    }

  return FALSE;
}

static void
on_add_toggled_cb (GtkToggleButton *button)
{
  gtk_button_set_label (GTK_BUTTON (button),
                        gtk_toggle_button_get_active (button) ? _("Will Be Added") : _("_Add as Spelling"));
}

static void
add_form (VrEntityDialog *self,
          const char     *text,
          VrNameSystem    system,
          const char     *description)
{
  GtkWidget *row;
  Form form = { 0 };

  if (text == NULL || text[0] == '\0')
    return;
  for (guint i = 0; i < self->forms->len; i++)
    if (g_str_equal (g_array_index (self->forms, Form, i).form, text))
      return;

  /* Plain text: the forms come from what the user typed. */
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);

  if (is_spelling (self->entity, text))
    {
      GtkWidget *label = gtk_label_new (_("Already a spelling"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      form.add_button = gtk_toggle_button_new_with_mnemonic (_("_Add as Spelling"));
      gtk_widget_set_valign (form.add_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (form.add_button, _("Add this form as a spelling on Save and tag it in the text"));
      g_signal_connect (form.add_button, "toggled", G_CALLBACK (on_add_toggled_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), form.add_button);
    }

  form.form = g_strdup (text);
  form.system = system;
  g_array_append_val (self->forms, form);
  gtk_list_box_append (self->forms_list, row);
}

static void
update_forms (VrEntityDialog *self)
{
  g_autoptr(VrRomanization) roman = NULL;
  const char *hangul = gtk_editable_get_text (GTK_EDITABLE (self->hangul_row));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->forms_list))) != NULL)
    gtk_list_box_remove (self->forms_list, child);
  g_array_set_size (self->forms, 0);

  if (hangul[0] != '\0')
    roman = vr_romanize_hangul (hangul, NULL);

  if (roman == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->forms_group),
                                             hangul[0] == '\0'
                                             ? _("Enter the name in Hangul to see its romanizations.")
                                             : _("Not a name in Hangul."));
      return;
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->forms_group), NULL);
  add_form (self, roman->rr, VR_NAME_SYSTEM_RR, _("Revised Romanization"));
  add_form (self, roman->mr, VR_NAME_SYSTEM_MR, _("McCune–Reischauer (ALA-LC)"));
  add_form (self, roman->mr_ascii, VR_NAME_SYSTEM_MR, _("McCune–Reischauer, plain ASCII"));
  /* After MR: a form both spell ("So Hwi") is shown as MR. */
  if (roman->rr_surname_alternatives != NULL && roman->rr != NULL)
    {
      const char *given = strchr (roman->rr, ' ');

      for (guint i = 0; roman->rr_surname_alternatives[i] != NULL; i++)
        {
          g_autofree char *alternative = NULL;

          if (given == NULL)
            break;
          alternative = g_strconcat (roman->rr_surname_alternatives[i], given, NULL);
          add_form (self, alternative, VR_NAME_SYSTEM_OTHER, _("Usual surname spelling"));
        }
    }
  add_form (self, roman->kontsevich, VR_NAME_SYSTEM_OTHER, _("Kontsevich Cyrillic"));
}

static GtkWidget *
create_spelling_row (gpointer item,
                     gpointer user_data)
{
  VrVariant *variant = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  guint count = vr_variant_get_count (variant);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u occurrence", "%s · %u occurrences", count),
                              vr_name_system_get_label (vr_variant_get_system (variant)), count);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vr_variant_get_form (variant));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* Adding a spelling also tags its occurrences: the mentions are found once,
 * on the first apply, so that redo brings back the same objects. */
typedef struct
{
  VrVariant *variant;
  VrCommand *add_variant;
  VrCommand *add_mentions;
  gboolean   searched;
} AddSpelling;

static void
add_spelling_free (gpointer data)
{
  AddSpelling *add = data;

  g_clear_object (&add->variant);
  g_clear_object (&add->add_variant);
  g_clear_object (&add->add_mentions);
  g_free (add);
}

static void
add_spelling_apply (VrDocument *document,
                    gpointer    data)
{
  AddSpelling *add = data;

  vr_command_apply (add->add_variant, document);
  if (!add->searched)
    {
      g_autoptr(GPtrArray) found = vr_mention_finder_find_variant (document, add->variant, NULL);

      add->searched = TRUE;
      if (found->len > 0)
        add->add_mentions = vr_command_add_mentions_new (found, NULL);
    }
  if (add->add_mentions != NULL)
    vr_command_apply (add->add_mentions, document);
}

static void
add_spelling_revert (VrDocument *document,
                     gpointer    data)
{
  AddSpelling *add = data;

  if (add->add_mentions != NULL)
    vr_command_revert (add->add_mentions, document);
  vr_command_revert (add->add_variant, document);
}

static VrCommand *
add_spelling_new (VrEntity     *entity,
                  const char   *form,
                  VrNameSystem  system)
{
  AddSpelling *add = g_new0 (AddSpelling, 1);

  add->variant = vr_variant_new (form, system);
  vr_variant_set_status (add->variant, VR_VARIANT_STATUS_CONFIRMED);
  add->add_variant = vr_command_add_variant_new (entity, add->variant);

  return vr_command_new_custom (vr_command_get_label (add->add_variant),
                                add_spelling_apply, add_spelling_revert,
                                add, add_spelling_free);
}

VrCommand *
vr_entity_dialog_build_command (VrEntityDialog *self)
{
  g_autoptr(VrCommand) group = NULL;
  guint selected;

  g_return_val_if_fail (VR_IS_ENTITY_DIALOG (self), NULL);

  if (self->document == NULL ||
      vr_document_lookup_entity (self->document, vr_entity_get_id (self->entity)) != self->entity)
    return NULL;

  group = vr_command_group_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (string_properties); i++)
    {
      const char *property = string_properties[i];
      const char *text = gtk_editable_get_text (vr_entity_dialog_get_entry (self, property));
      g_autofree char *old = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      g_object_get (self->entity, property, &old, NULL);
      /* An empty entry clears a form, but a name stays. */
      if (stripped[0] == '\0' && g_str_equal (property, "name"))
        continue;
      if (g_strcmp0 (old ? old : "", stripped) != 0)
        vr_command_group_take (group, vr_command_set_string_new (self->entity, property,
                                                                 stripped[0] ? stripped : NULL));
    }

  selected = adw_combo_row_get_selected (self->kind_row);
  if (selected < G_N_ELEMENTS (kinds) && kinds[selected] != vr_entity_get_kind (self->entity))
    vr_command_group_take (group, vr_command_set_int_new (self->entity, "kind", kinds[selected]));

  for (guint i = 0; i < self->forms->len; i++)
    {
      Form *form = &g_array_index (self->forms, Form, i);

      if (form->add_button != NULL &&
          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (form->add_button)))
        vr_command_group_take (group, add_spelling_new (self->entity, form->form, form->system));
    }

  if (vr_command_group_get_n_commands (group) == 0)
    return NULL;
  if (vr_command_group_get_n_commands (group) > 1)
    vr_command_set_label (group, _("Edit Entity"));

  return g_steal_pointer (&group);
}

void
vr_entity_dialog_save (VrEntityDialog *self)
{
  g_autoptr(VrCommand) command = NULL;

  g_return_if_fail (VR_IS_ENTITY_DIALOG (self));

  command = vr_entity_dialog_build_command (self);
  if (command != NULL)
    g_signal_emit (self, signals[SAVE], 0, command);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vr_entity_dialog_save_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  vr_entity_dialog_save (VR_ENTITY_DIALOG (widget));
}

static void
vr_entity_dialog_delete_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  VrEntityDialog *self = VR_ENTITY_DIALOG (widget);

  g_object_ref (self);
  g_signal_emit (self, signals[DELETE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
vr_entity_dialog_dispose (GObject *object)
{
  VrEntityDialog *self = VR_ENTITY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_ENTITY_DIALOG);
  g_clear_object (&self->entity);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_entity_dialog_parent_class)->dispose (object);
}

static void
vr_entity_dialog_finalize (GObject *object)
{
  VrEntityDialog *self = VR_ENTITY_DIALOG (object);

  g_clear_pointer (&self->forms, g_array_unref);

  G_OBJECT_CLASS (vr_entity_dialog_parent_class)->finalize (object);
}

static void
vr_entity_dialog_class_init (VrEntityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_entity_dialog_dispose;
  object_class->finalize = vr_entity_dialog_finalize;

  signals[SAVE] =
    g_signal_new ("save",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VR_TYPE_COMMAND);
  signals[DELETE] =
    g_signal_new ("delete",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/edit/vr-entity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, kind_model);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, hangul_row);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, hanja_row);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, cyrillic_row);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, spellings_list);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, forms_group);
  gtk_widget_class_bind_template_child (widget_class, VrEntityDialog, forms_list);

  gtk_widget_class_install_action (widget_class, "entity.save", NULL, vr_entity_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "entity.delete", NULL, vr_entity_dialog_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "entity.save", NULL);
}

static void
vr_entity_dialog_init (VrEntityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->forms = g_array_new (FALSE, TRUE, sizeof (Form));
  g_array_set_clear_func (self->forms, (GDestroyNotify) form_clear);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (self->kind_model, vr_entity_kind_get_label (kinds[i]));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_signal_connect_object (self->hangul_row, "changed",
                           G_CALLBACK (update_forms), self, G_CONNECT_SWAPPED);
}

VrEntityDialog *
vr_entity_dialog_new (GtkWindow  *parent,
                      VrDocument *document,
                      VrEntity   *entity)
{
  VrEntityDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VR_IS_ENTITY (entity), NULL);

  self = g_object_new (VR_TYPE_ENTITY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->entity = g_object_ref (entity);

  adw_window_title_set_subtitle (self->window_title, vr_entity_get_name (entity));
  for (guint i = 0; i < G_N_ELEMENTS (string_properties); i++)
    {
      GtkEditable *entry = vr_entity_dialog_get_entry (self, string_properties[i]);
      g_autofree char *value = NULL;

      /* The entity's value is where the entry's own undo starts. */
      g_object_get (entity, string_properties[i], &value, NULL);
      gtk_editable_set_enable_undo (entry, FALSE);
      gtk_editable_set_text (entry, value ? value : "");
      gtk_editable_set_enable_undo (entry, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == vr_entity_get_kind (entity))
      adw_combo_row_set_selected (self->kind_row, i);

  gtk_list_box_bind_model (self->spellings_list, vr_entity_get_variants (entity),
                           create_spelling_row, NULL, NULL);
  update_forms (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

VrEntity *
vr_entity_dialog_get_entity (VrEntityDialog *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_DIALOG (self), NULL);

  return self->entity;
}

AdwComboRow *
vr_entity_dialog_get_kind_row (VrEntityDialog *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_DIALOG (self), NULL);

  return self->kind_row;
}

guint
vr_entity_dialog_get_n_forms (VrEntityDialog *self)
{
  g_return_val_if_fail (VR_IS_ENTITY_DIALOG (self), 0);

  return self->forms->len;
}

const char *
vr_entity_dialog_get_form (VrEntityDialog  *self,
                           guint            index,
                           GtkWidget      **add_button)
{
  Form *form;

  g_return_val_if_fail (VR_IS_ENTITY_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->forms->len, NULL);

  form = &g_array_index (self->forms, Form, index);
  if (add_button != NULL)
    *add_button = form->add_button;

  return form->form;
}
