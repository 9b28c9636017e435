/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-metadata-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vr-citation.h"
#include "vr-metadata-panel.h"

/* The string properties edited in entry rows, in the template's order. */
static const char * const entry_properties[] = {
  "title", "date", "classification", "repository", "archive",
  "archive-location", "translator", "original-language",
};

struct _VrMetadataPanel
{
  GtkWidget        parent_instance;

  VrDocument      *document;
  VrMetadata      *metadata;
  guint            rebuild_id;
  gboolean         editing;

  GtkBox          *fields_box;
  GtkLabel        *note_label;
  GtkLabel        *bibliography_label;
  GtkToggleButton *edit_button;
  GtkStack        *mode_stack;
  GtkWidget       *edit_box;
  AdwEntryRow     *title_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *classification_row;
  AdwEntryRow     *repository_row;
  AdwEntryRow     *archive_row;
  AdwEntryRow     *archive_location_row;
  AdwEntryRow     *translator_row;
  AdwEntryRow     *original_language_row;
  GtkTextView     *summary_view;
  GtkListBox      *authors_list;
  GtkListBox      *recipients_list;
  GtkListBox      *fields_list;
  AdwEntryRow     *entries[G_N_ELEMENTS (entry_properties)];
};

G_DEFINE_FINAL_TYPE (VrMetadataPanel, vr_metadata_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
language_name (const char *code)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "ru", N_("Russian") },
    { "ko", N_("Korean") },
    { "en", N_("English") },
    { "zh", N_("Chinese") },
    { "ja", N_("Japanese") },
    { "de", N_("German") },
    { "fr", N_("French") },
    { "pl", N_("Polish") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (code, names[i].code) == 0)
      return _(names[i].name);

  return code;
}

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

static void
add_row (VrMetadataPanel *self,
         const char      *label,
         const char      *value)
{
  GtkWidget *box, *caption, *text;

  if (!has_text (value))
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  caption = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (caption), label);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");

  /* Plain text: the metadata comes from the document. */
  text = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (text), value);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL,
                                  -1);

  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (self->fields_box, box);
}

static void
add_list_row (VrMetadataPanel    *self,
              const char         *label,
              const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;

  joined = g_strjoinv (", ", (char **) values);
  add_row (self, label, joined);
}

static void queue_rebuild (VrMetadataPanel *self);
static void sync_edit     (VrMetadataPanel *self);

static void
rebuild (VrMetadataPanel *self)
{
  GtkWidget *child;
  VrMetadata *m = self->metadata;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *bibliography = NULL;
  const char *language;
  GListModel *fields;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_box_remove (self->fields_box, child);

  if (m == NULL)
    {
      gtk_label_set_text (self->note_label, "");
      gtk_label_set_text (self->bibliography_label, "");
      return;
    }

  date = vr_citation_format_date (vr_metadata_get_date (m));
  language = vr_metadata_get_original_language (m);

  add_row (self, _("Title"), vr_metadata_get_title (m));
  add_row (self, _("Date"), date);
  add_row (self, _("Classification"), vr_metadata_get_classification (m));
  add_list_row (self, _("Authors"), vr_metadata_get_authors (m));
  add_list_row (self, _("Recipients"), vr_metadata_get_recipients (m));
  add_row (self, _("Summary"), vr_metadata_get_summary (m));
  add_row (self, _("Repository"), vr_metadata_get_repository (m));
  add_row (self, _("Archive"), vr_metadata_get_archive (m));
  add_row (self, _("Archive location"), vr_metadata_get_archive_location (m));
  add_row (self, _("Translator"), vr_metadata_get_translator (m));
  add_row (self, _("Original language"), has_text (language) ? language_name (language) : NULL);

  fields = vr_metadata_get_fields (m);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(VrField) field = g_list_model_get_item (fields, i);

      add_row (self, vr_field_get_label (field), vr_field_get_value (field));
      /* A field's own edits rebuild the panel too. */
      g_signal_handlers_disconnect_by_func (field, queue_rebuild, self);
      g_signal_connect_object (field, "notify", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }

  note = vr_citation_format_note (m);
  bibliography = vr_citation_format_bibliography (m);
  gtk_label_set_text (self->note_label, note);
  gtk_label_set_text (self->bibliography_label, bibliography);

  if (self->editing)
    sync_edit (self);
}

/* Edit mode. Each committed change is one command, pushed by the window
 * through its win.set-metadata, win.set-metadata-list, win.add-field,
 * win.set-field and win.remove-field actions: the panel never changes the
 * model itself, and follows it when it changes (undo included). */

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static void
set_text_if_changed (GtkEditable *editable,
                     const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), or_empty (text)) == 0)
    return;

  /* The model's value is where the entry's own undo (Ctrl+Z while typing)
   * starts from: undoing further is the document's undo. */
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_text (editable, or_empty (text));
  gtk_editable_set_enable_undo (editable, TRUE);
}

/* A committed value is the document's now: Ctrl+Z in the entry stops there,
 * and goes on with the document's undo. */
static void
reset_undo (GtkEditable *editable)
{
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_enable_undo (editable, TRUE);
}

static void
commit_string (VrMetadataPanel *self,
               const char      *property,
               const char      *text)
{
  g_autofree char *old = NULL;
  g_autofree char *value = g_strstrip (g_strdup (text));

  if (self->metadata == NULL)
    return;

  g_object_get (self->metadata, property, &old, NULL);
  if (g_strcmp0 (or_empty (old), value) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-metadata", "(ss)", property, value);
}

static void
on_entry_commit_cb (AdwEntryRow *row)
{
  VrMetadataPanel *self = VR_METADATA_PANEL (gtk_widget_get_ancestor (GTK_WIDGET (row), VR_TYPE_METADATA_PANEL));
  const char *property = g_object_get_data (G_OBJECT (row), "property");

  if (self != NULL)
    commit_string (self, property, gtk_editable_get_text (GTK_EDITABLE (row)));
  reset_undo (GTK_EDITABLE (row));
}

static char *
get_summary_text (VrMetadataPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_summary (VrMetadataPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_autofree char *text = get_summary_text (self);

  commit_string (self, "summary", text);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
}

/* Commits on focus-out, as Enter (the apply button) does. */
static void
add_focus_commit (GtkWidget *widget,
                  GCallback  callback,
                  gpointer   data)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", callback, data);
  gtk_widget_add_controller (widget, focus);
}

/* Lists: authors and recipients */

static GtkListBox *
get_list (VrMetadataPanel *self,
          const char      *property)
{
  return g_str_equal (property, "authors") ? self->authors_list : self->recipients_list;
}

static const char * const *
get_strv (VrMetadataPanel *self,
          const char      *property)
{
  if (self->metadata == NULL)
    return NULL;

  return g_str_equal (property, "authors")
         ? vr_metadata_get_authors (self->metadata)
         : vr_metadata_get_recipients (self->metadata);
}

/* Sets the list to the model's with item @index replaced by @text (removed
 * when @text is NULL or blank; appended when @index is past the end). */
static void
commit_list_item (VrMetadataPanel *self,
                  const char      *property,
                  guint            index,
                  const char      *text)
{
  const char * const *old = get_strv (self, property);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_autofree char *value = g_strstrip (g_strdup (or_empty (text)));
  guint n = old != NULL ? g_strv_length ((char **) old) : 0;

  if (index < n && g_strcmp0 (old[index], value) == 0)
    return;
  if (index >= n && value[0] == '\0')
    return;

  for (guint i = 0; i < n; i++)
    {
      if (i != index)
        g_strv_builder_add (builder, old[i]);
      else if (value[0] != '\0')
        g_strv_builder_add (builder, value);
    }
  if (index >= n)
    g_strv_builder_add (builder, value);

  items = g_strv_builder_end (builder);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-metadata-list", "(s^as)", property, items);
}

static void
on_list_row_commit_cb (AdwEntryRow *row)
{
  VrMetadataPanel *self = VR_METADATA_PANEL (gtk_widget_get_ancestor (GTK_WIDGET (row), VR_TYPE_METADATA_PANEL));
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  gboolean is_new = g_object_get_data (G_OBJECT (row), "new") != NULL;
  g_autofree char *text = NULL;

  if (self == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (is_new)
    {
      const char * const *old = get_strv (self, property);

      if (g_strstrip (text)[0] == '\0')
        return;
      /* Cleared first: the list rebuilds once the model has the item. */
      set_text_if_changed (GTK_EDITABLE (row), "");
      commit_list_item (self, property, old != NULL ? g_strv_length ((char **) old) : 0, text);
    }
  else
    commit_list_item (self, property, index, text);
  reset_undo (GTK_EDITABLE (row));
}

static void
on_list_row_remove_cb (GtkButton *button)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  VrMetadataPanel *self = VR_METADATA_PANEL (gtk_widget_get_ancestor (row, VR_TYPE_METADATA_PANEL));

  if (self != NULL)
    commit_list_item (self, g_object_get_data (G_OBJECT (row), "property"),
                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index")), NULL);
}

static GtkWidget *
make_remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
make_list_row (const char *property,
               guint       index,
               const char *text)
{
  gboolean authors = g_str_equal (property, "authors");
  GtkWidget *row = adw_entry_row_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "property", g_strdup (property), g_free);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));

  if (text != NULL)
    {
      GtkWidget *remove = make_remove_button (authors ? _("Remove Author") : _("Remove Recipient"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), authors ? _("Author") : _("Recipient"));
      set_text_if_changed (GTK_EDITABLE (row), text);
      g_object_set_data (G_OBJECT (remove), "row", row);
      g_object_set_data (G_OBJECT (row), "button", remove);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_list_row_remove_cb), NULL);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      add_focus_commit (row, G_CALLBACK (on_list_row_commit_cb), row);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), authors ? _("Add Author") : _("Add Recipient"));
      g_object_set_data (G_OBJECT (row), "new", GINT_TO_POINTER (TRUE));
    }
  g_signal_connect (row, "apply", G_CALLBACK (on_list_row_commit_cb), NULL);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_list_row_commit_cb), NULL);

  return row;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}


static void
sync_list (VrMetadataPanel *self,
           const char      *property)
{
  GtkListBox *list = get_list (self, property);
  const char * const *items = get_strv (self, property);
  guint n = items != NULL ? g_strv_length ((char **) items) : 0;

  /* Same length: update in place, so that the focused row stays. */
  if (count_rows (list) == n + 1)
    {
      GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));

      for (guint i = 0; i < n; i++, row = gtk_widget_get_next_sibling (row))
        set_text_if_changed (GTK_EDITABLE (row), items[i]);
      return;
    }

  clear_list (list);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (list, make_list_row (property, i, items[i]));
  gtk_list_box_append (list, make_list_row (property, n, NULL));
}

/* Labelled fields */

static int
field_position (VrMetadataPanel *self,
                VrField         *field)
{
  GListModel *fields = vr_metadata_get_fields (self->metadata);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(VrField) other = g_list_model_get_item (fields, i);

      if (other == field)
        return i;
    }

  return -1;
}

static void
on_field_commit_cb (GtkWidget *row)
{
  VrMetadataPanel *self = VR_METADATA_PANEL (gtk_widget_get_ancestor (row, VR_TYPE_METADATA_PANEL));
  VrField *field = g_object_get_data (G_OBJECT (row), "field");
  const char *label = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "label"));
  const char *value = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "value"));
  int position;

  if (self == NULL || self->metadata == NULL)
    return;

  if (field == NULL)
    {
      g_autofree char *l = g_strstrip (g_strdup (label));
      g_autofree char *v = g_strstrip (g_strdup (value));

      if (l[0] == '\0' && v[0] == '\0')
        return;
      set_text_if_changed (g_object_get_data (G_OBJECT (row), "label"), "");
      set_text_if_changed (g_object_get_data (G_OBJECT (row), "value"), "");
      gtk_widget_activate_action (GTK_WIDGET (self), "win.add-field", "(ss)", l, v);
      gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "label"));
      return;
    }

  reset_undo (g_object_get_data (G_OBJECT (row), "label"));
  reset_undo (g_object_get_data (G_OBJECT (row), "value"));
  position = field_position (self, field);
  if (position < 0)
    return;
  if (g_strcmp0 (or_empty (vr_field_get_label (field)), label) != 0 ||
      g_strcmp0 (or_empty (vr_field_get_value (field)), value) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-field", "(uss)", (guint32) position, label, value);
}

static void
on_field_remove_cb (GtkButton *button)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  VrMetadataPanel *self = VR_METADATA_PANEL (gtk_widget_get_ancestor (row, VR_TYPE_METADATA_PANEL));
  int position;

  if (self == NULL || self->metadata == NULL)
    return;

  position = field_position (self, g_object_get_data (G_OBJECT (row), "field"));
  if (position >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.remove-field", "u", (guint32) position);
}

static GtkWidget *
make_field_entry (GtkWidget  *row,
                  const char *placeholder,
                  const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  set_text_if_changed (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_field_commit_cb), row);

  return entry;
}

static GtkWidget *
make_field_row (VrField *field)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = make_field_entry (row, _("Label"), field ? vr_field_get_label (field) : NULL);
  GtkWidget *value = make_field_entry (row, _("Value"), field ? vr_field_get_value (field) : NULL);
  GtkWidget *button;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), value);

  if (field != NULL)
    {
      button = make_remove_button (_("Remove Field"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_field_remove_cb), NULL);
      g_object_set_data_full (G_OBJECT (row), "field", g_object_ref (field), g_object_unref);
      add_focus_commit (label, G_CALLBACK (on_field_commit_cb), row);
      add_focus_commit (value, G_CALLBACK (on_field_commit_cb), row);
    }
  else
    {
      button = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Add Field"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Field"), -1);
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_field_commit_cb), row);
    }
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (row), "label", label);
  g_object_set_data (G_OBJECT (row), "value", value);
  g_object_set_data (G_OBJECT (row), "button", button);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
sync_fields (VrMetadataPanel *self)
{
  GListModel *fields = vr_metadata_get_fields (self->metadata);
  guint n = g_list_model_get_n_items (fields);
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->fields_list));
  gboolean same = count_rows (self->fields_list) == n + 1;

  for (guint i = 0; same && i < n; i++, row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(VrField) field = g_list_model_get_item (fields, i);

      same = g_object_get_data (G_OBJECT (row), "field") == (gpointer) field;
    }

  if (same)
    {
      row = gtk_widget_get_first_child (GTK_WIDGET (self->fields_list));
      for (guint i = 0; i < n; i++, row = gtk_widget_get_next_sibling (row))
        {
          VrField *field = g_object_get_data (G_OBJECT (row), "field");

          set_text_if_changed (g_object_get_data (G_OBJECT (row), "label"), vr_field_get_label (field));
          set_text_if_changed (g_object_get_data (G_OBJECT (row), "value"), vr_field_get_value (field));
        }
      return;
    }

  clear_list (self->fields_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrField) field = g_list_model_get_item (fields, i);

      gtk_list_box_append (self->fields_list, make_field_row (field));
    }
  gtk_list_box_append (self->fields_list, make_field_row (NULL));
}

static void
sync_edit (VrMetadataPanel *self)
{
  g_autofree char *summary = NULL;

  if (self->metadata == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (entry_properties); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->metadata, entry_properties[i], &value, NULL);
      set_text_if_changed (GTK_EDITABLE (self->entries[i]), value);
    }

  summary = get_summary_text (self);
  if (g_strcmp0 (summary, or_empty (vr_metadata_get_summary (self->metadata))) != 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);

      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, or_empty (vr_metadata_get_summary (self->metadata)), -1);
      gtk_text_buffer_end_irreversible_action (buffer);
    }

  sync_list (self, "authors");
  sync_list (self, "recipients");
  sync_fields (self);
}

/* Leaving edit mode commits what is still typed in the fixed rows and the
 * summary: nothing typed is lost. */
static void
commit_pending (VrMetadataPanel *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_properties); i++)
    commit_string (self, entry_properties[i], gtk_editable_get_text (GTK_EDITABLE (self->entries[i])));
  commit_summary (self);
}

gboolean
vr_metadata_panel_get_editing (VrMetadataPanel *self)
{
  g_return_val_if_fail (VR_IS_METADATA_PANEL (self), FALSE);

  return self->editing;
}

void
vr_metadata_panel_set_editing (VrMetadataPanel *self,
                               gboolean         editing)
{
  g_return_if_fail (VR_IS_METADATA_PANEL (self));

  editing = !!editing && self->metadata != NULL;
  if (self->editing == editing)
    return;

  if (!editing && self->metadata != NULL)
    commit_pending (self);

  self->editing = editing;
  if (editing)
    sync_edit (self);

  gtk_stack_set_visible_child_name (self->mode_stack, editing ? "edit" : "view");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metadata.stop-editing", editing);
  gtk_toggle_button_set_active (self->edit_button, editing);
  gtk_button_set_label (GTK_BUTTON (self->edit_button), editing ? _("_Done") : _("_Edit"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button),
                               editing ? _("Stop Editing") : _("Edit the Document’s Details"));
  if (editing)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->edit_button), "suggested-action");
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->edit_button), "suggested-action");
      gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
on_edit_button_toggled_cb (VrMetadataPanel *self,
                           GtkToggleButton *button)
{
  vr_metadata_panel_set_editing (self, gtk_toggle_button_get_active (button));
}

static void
vr_metadata_panel_stop_editing_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  vr_metadata_panel_set_editing (VR_METADATA_PANEL (widget), FALSE);
}

GtkEditable *
vr_metadata_panel_get_entry (VrMetadataPanel *self,
                             const char      *property)
{
  g_return_val_if_fail (VR_IS_METADATA_PANEL (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entry_properties); i++)
    if (g_str_equal (entry_properties[i], property))
      return GTK_EDITABLE (self->entries[i]);

  return NULL;
}

GtkTextView *
vr_metadata_panel_get_summary_view (VrMetadataPanel *self)
{
  g_return_val_if_fail (VR_IS_METADATA_PANEL (self), NULL);

  return self->summary_view;
}

GtkWidget *
vr_metadata_panel_get_list_row (VrMetadataPanel *self,
                                const char      *property,
                                guint            index)
{
  GtkListBox *list;

  g_return_val_if_fail (VR_IS_METADATA_PANEL (self), NULL);

  list = g_str_equal (property, "fields") ? self->fields_list : get_list (self, property);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, index));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  VrMetadataPanel *self = data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (VrMetadataPanel *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
disconnect_metadata (VrMetadataPanel *self)
{
  if (self->metadata == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->metadata, self);
  g_signal_handlers_disconnect_by_data (vr_metadata_get_fields (self->metadata), self);
  g_clear_object (&self->metadata);
}

static void
vr_metadata_panel_dispose (GObject *object)
{
  VrMetadataPanel *self = VR_METADATA_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  disconnect_metadata (self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_METADATA_PANEL);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vr_metadata_panel_parent_class)->dispose (object);
}

static void
vr_metadata_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VrMetadataPanel *self = VR_METADATA_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_metadata_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VrMetadataPanel *self = VR_METADATA_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_metadata_panel_set_document (self, g_value_get_object (value));
      break;
    case PROP_EDITING:
      vr_metadata_panel_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_metadata_panel_class_init (VrMetadataPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_metadata_panel_dispose;
  object_class->get_property = vr_metadata_panel_get_property;
  object_class->set_property = vr_metadata_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/reader/vr-metadata-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, fields_box);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, note_label);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, bibliography_label);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, edit_button);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, edit_box);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, classification_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, repository_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, archive_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, archive_location_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, translator_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, original_language_row);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, summary_view);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, authors_list);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, fields_list);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_button_toggled_cb);

  /* Disabled outside edit mode, so that Escape goes on to others then. */
  gtk_widget_class_install_action (widget_class, "metadata.stop-editing", NULL,
                                   vr_metadata_panel_stop_editing_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "metadata.stop-editing", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metadatapanel");
}

static void
vr_metadata_panel_init (VrMetadataPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metadata.stop-editing", FALSE);

  {
    AdwEntryRow *rows[] = {
      self->title_row, self->date_row, self->classification_row,
      self->repository_row, self->archive_row, self->archive_location_row,
      self->translator_row, self->original_language_row,
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (entry_properties));
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        self->entries[i] = rows[i];
        g_object_set_data (G_OBJECT (rows[i]), "property", (gpointer) entry_properties[i]);
        g_signal_connect (rows[i], "apply", G_CALLBACK (on_entry_commit_cb), NULL);
        g_signal_connect (rows[i], "entry-activated", G_CALLBACK (on_entry_commit_cb), NULL);
        add_focus_commit (GTK_WIDGET (rows[i]), G_CALLBACK (on_entry_commit_cb), rows[i]);
      }
  }
  add_focus_commit (GTK_WIDGET (self->summary_view), G_CALLBACK (commit_summary), self);
}

GtkWidget *
vr_metadata_panel_new (void)
{
  return g_object_new (VR_TYPE_METADATA_PANEL, NULL);
}

VrDocument *
vr_metadata_panel_get_document (VrMetadataPanel *self)
{
  g_return_val_if_fail (VR_IS_METADATA_PANEL (self), NULL);

  return self->document;
}

void
vr_metadata_panel_set_document (VrMetadataPanel *self,
                                VrDocument      *document)
{
  g_return_if_fail (VR_IS_METADATA_PANEL (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  /* What was typed belonged to the previous document. */
  disconnect_metadata (self);
  vr_metadata_panel_set_editing (self, FALSE);
  if (document != NULL)
    {
      self->metadata = g_object_ref (vr_document_get_metadata (document));
      /* Any edit of the metadata rebuilds the panel once, when idle. */
      g_signal_connect_swapped (self->metadata, "notify", G_CALLBACK (queue_rebuild), self);
      g_signal_connect_swapped (vr_metadata_get_fields (self->metadata), "items-changed",
                                G_CALLBACK (queue_rebuild), self);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

char **
vr_metadata_panel_dup_rows (VrMetadataPanel *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (VR_IS_METADATA_PANEL (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *caption = gtk_widget_get_first_child (row);
      GtkWidget *value = gtk_widget_get_next_sibling (caption);
      g_autofree char *line = g_strdup_printf ("%s\t%s",
                                               gtk_label_get_text (GTK_LABEL (caption)),
                                               gtk_label_get_text (GTK_LABEL (value)));

      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}
