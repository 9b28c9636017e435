/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-notes-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vr-notes-list.h"

#define PASSAGE_CHARS 160

struct _VrNotesList
{
  GtkWidget          parent_instance;

  VrDocument        *document;
  GtkSortListModel  *sorted;

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkListBox        *list_box;
};

G_DEFINE_FINAL_TYPE (VrNotesList, vr_notes_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  NOTE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char *
vr_notes_list_dup_passage (VrAnnotation *annotation,
                           guint         max_chars)
{
  VrParagraph *paragraph;
  const char *text;
  const char *from, *to;
  guint start, end, n_chars;
  GString *passage;

  g_return_val_if_fail (VR_IS_ANNOTATION (annotation), NULL);

  paragraph = vr_annotation_get_paragraph (annotation);
  text = paragraph ? vr_paragraph_get_text (paragraph, vr_annotation_get_version_id (annotation)) : NULL;
  start = vr_annotation_get_start (annotation);
  end = vr_annotation_get_end (annotation);
  if (text == NULL || start >= end || !g_utf8_validate (text, -1, NULL) ||
      end > (n_chars = g_utf8_strlen (text, -1)))
    return g_strdup ("");

  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, MIN (end - start, max_chars));
  passage = g_string_new_len (from, to - from);
  if (end - start > max_chars)
    g_string_append (passage, "…");

  return g_string_free (passage, FALSE);
}

static int
compare_notes_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  VrNotesList *self = user_data;
  VrAnnotation *na = (VrAnnotation *) a;
  VrAnnotation *nb = (VrAnnotation *) b;
  int pa, pb;

  if (self->document == NULL)
    return 0;

  pa = vr_document_get_paragraph_index (self->document, vr_annotation_get_paragraph (na));
  pb = vr_document_get_paragraph_index (self->document, vr_annotation_get_paragraph (nb));
  if (pa != pb)
    return pa < pb ? -1 : 1;
  if (vr_annotation_get_start (na) != vr_annotation_get_start (nb))
    return vr_annotation_get_start (na) < vr_annotation_get_start (nb) ? -1 : 1;
  if (vr_annotation_get_end (na) != vr_annotation_get_end (nb))
    return vr_annotation_get_end (na) < vr_annotation_get_end (nb) ? -1 : 1;

  return 0;
}

/* Position of @annotation in the document's list, which the window's
 * actions take, or -1. */
static int
document_position (VrNotesList  *self,
                   VrAnnotation *annotation)
{
  GListModel *annotations;

  if (self->document == NULL)
    return -1;

  annotations = vr_document_get_annotations (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(VrAnnotation) other = g_list_model_get_item (annotations, i);

      if (other == annotation)
        return (int) i;
    }

  return -1;
}

static void
activate_note_action (VrNotesList *self,
                      GtkWidget   *button,
                      const char  *action_name)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  VrAnnotation *annotation = row ? g_object_get_data (G_OBJECT (row), "annotation") : NULL;
  int position = annotation ? document_position (self, annotation) : -1;

  if (position >= 0)
    gtk_widget_activate_action (button, action_name, "i", position);
}

static void
on_edit_clicked_cb (VrNotesList *self,
                    GtkButton   *button)
{
  activate_note_action (self, GTK_WIDGET (button), "win.edit-note");
}

static void
on_delete_clicked_cb (VrNotesList *self,
                      GtkButton   *button)
{
  activate_note_action (self, GTK_WIDGET (button), "win.delete-note");
}

static void
update_row (GtkWidget *row)
{
  VrAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");
  GtkLabel *note_label = g_object_get_data (G_OBJECT (row), "note-label");
  GtkLabel *passage_label = g_object_get_data (G_OBJECT (row), "passage-label");
  const char *number = g_object_get_data (G_OBJECT (row), "number");
  const char *note = vr_annotation_get_note (annotation);
  g_autofree char *accessible = NULL;
  gboolean empty = note == NULL || note[0] == '\0';

  gtk_label_set_text (note_label, empty ? _("(empty)") : note);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (note_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (note_label), "dim-label");

  /* Translators: how a screen reader names a row of the Notes page:
   * "Paragraph 3, “passage”: note" */
  accessible = g_strdup_printf (_("Paragraph %s, %s: %s"),
                                number,
                                gtk_label_get_text (passage_label),
                                gtk_label_get_text (note_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");

  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  VrNotesList *self = user_data;
  VrAnnotation *annotation = item;
  g_autofree char *passage = vr_notes_list_dup_passage (annotation, PASSAGE_CHARS);
  g_autofree char *number = NULL;
  g_autofree char *quoted = NULL;
  GtkWidget *row, *box, *text_box, *header, *number_label, *passage_label, *note_label;
  GtkWidget *edit, *delete;
  int index;

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "note-row");
  g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (text_box), header);

  index = self->document ? vr_document_get_paragraph_index (self->document, vr_annotation_get_paragraph (annotation)) : -1;
  number = index >= 0 ? g_strdup_printf ("%d", index + 1) : g_strdup ("?");
  /* Plain labels all: the passage and the note come from the document. */
  number_label = gtk_label_new (NULL);
  {
    /* Translators: a paragraph number, as in the reader's margin */
    g_autofree char *mark = g_strdup_printf (_("¶ %s"), number);

    gtk_label_set_text (GTK_LABEL (number_label), mark);
  }
  gtk_widget_set_tooltip_text (number_label, _("Paragraph"));
  gtk_widget_add_css_class (number_label, "note-paragraph");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_box_append (GTK_BOX (header), number_label);

  if (passage[0] != '\0')
    /* Translators: the passage a note is on, quoted */
    quoted = g_strdup_printf (_("“\u2068%s\u2069”"), passage);
  passage_label = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (passage_label), quoted ? quoted : "");
  gtk_label_set_xalign (GTK_LABEL (passage_label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (passage_label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (passage_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (passage_label), 8);
  gtk_widget_set_hexpand (passage_label, TRUE);
  gtk_widget_add_css_class (passage_label, "note-passage");
  gtk_widget_add_css_class (passage_label, "dim-label");
  gtk_box_append (GTK_BOX (header), passage_label);

  note_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (note_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (note_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (note_label), 6);
  gtk_label_set_ellipsize (GTK_LABEL (note_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (note_label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (note_label), 40);
  gtk_widget_add_css_class (note_label, "note-text");
  gtk_box_append (GTK_BOX (text_box), note_label);

  edit = icon_button ("document-edit-symbolic", _("Edit Note"));
  delete = icon_button ("user-trash-symbolic", _("Delete Note"));
  g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), delete);

  g_object_set_data_full (G_OBJECT (row), "number", g_steal_pointer (&number), g_free);
  g_object_set_data (G_OBJECT (row), "passage-label", passage_label);
  g_object_set_data (G_OBJECT (row), "note-label", note_label);
  g_object_set_data (G_OBJECT (row), "edit-button", edit);
  g_object_set_data (G_OBJECT (row), "delete-button", delete);
  g_signal_connect_object (annotation, "notify::note", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);

  return row;
}

static void
on_row_activated_cb (VrNotesList   *self,
                     GtkListBoxRow *row)
{
  VrAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  if (annotation != NULL)
    g_signal_emit (self, signals[NOTE_ACTIVATED], 0, annotation);
}

static void
update_stack (VrNotesList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
vr_notes_list_dispose (GObject *object)
{
  VrNotesList *self = VR_NOTES_LIST (object);

  /* Rows go with the list box; the model after them. */
  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_NOTES_LIST);
  if (self->sorted != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sorted, self);
      gtk_sort_list_model_set_model (self->sorted, NULL);
    }
  g_clear_object (&self->sorted);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vr_notes_list_parent_class)->dispose (object);
}

static void
vr_notes_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VrNotesList *self = VR_NOTES_LIST (object);

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
vr_notes_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VrNotesList *self = VR_NOTES_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_notes_list_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_notes_list_class_init (VrNotesListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_notes_list_dispose;
  object_class->get_property = vr_notes_list_get_property;
  object_class->set_property = vr_notes_list_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NOTE_ACTIVATED] =
    g_signal_new ("note-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VR_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/variorum/Variorum/notes/vr-notes-list.ui");
  gtk_widget_class_bind_template_child (widget_class, VrNotesList, stack);
  gtk_widget_class_bind_template_child (widget_class, VrNotesList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VrNotesList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "noteslist");
}

static void
vr_notes_list_init (VrNotesList *self)
{
  GtkCustomSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  sorter = gtk_custom_sorter_new (compare_notes_cb, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (sorter));
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted),
                           create_row_cb, self, NULL);
  update_stack (self);
}

GtkWidget *
vr_notes_list_new (void)
{
  return g_object_new (VR_TYPE_NOTES_LIST, NULL);
}

VrDocument *
vr_notes_list_get_document (VrNotesList *self)
{
  g_return_val_if_fail (VR_IS_NOTES_LIST (self), NULL);

  return self->document;
}

void
vr_notes_list_set_document (VrNotesList *self,
                            VrDocument  *document)
{
  g_return_if_fail (VR_IS_NOTES_LIST (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  gtk_sort_list_model_set_model (self->sorted,
                                 document ? vr_document_get_annotations (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GListModel *
vr_notes_list_get_model (VrNotesList *self)
{
  g_return_val_if_fail (VR_IS_NOTES_LIST (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

GtkWidget *
vr_notes_list_get_row (VrNotesList *self,
                       guint        position)
{
  g_return_val_if_fail (VR_IS_NOTES_LIST (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, position));
}
