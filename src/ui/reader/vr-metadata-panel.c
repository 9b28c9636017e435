/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-metadata-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-citation.h"
#include "vr-metadata-panel.h"

struct _VrMetadataPanel
{
  GtkWidget   parent_instance;

  VrDocument *document;
  VrMetadata *metadata;
  guint       rebuild_id;

  GtkBox     *fields_box;
  GtkLabel   *note_label;
  GtkLabel   *bibliography_label;
};

G_DEFINE_FINAL_TYPE (VrMetadataPanel, vr_metadata_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/reader/vr-metadata-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, fields_box);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, note_label);
  gtk_widget_class_bind_template_child (widget_class, VrMetadataPanel, bibliography_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metadatapanel");
}

static void
vr_metadata_panel_init (VrMetadataPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  disconnect_metadata (self);
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
