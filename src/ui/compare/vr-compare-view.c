/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-compare-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "vr-compare-row.h"
#include "vr-compare-view-private.h"

#define REPORT_MAX_ISSUES 12

G_DEFINE_FINAL_TYPE (VrCompareView, vr_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ENTITY,
  PROP_SHOW_DIFFERENCES,
  PROP_ZOOM,
  PROP_LOADING,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh_rows  (VrCompareView *self);
static void update_legend (VrCompareView *self);

static Loaded *
loaded_ref (Loaded *loaded)
{
  g_ref_count_inc (&loaded->ref_count);
  return loaded;
}

static void
loaded_unref (Loaded *loaded)
{
  if (!g_ref_count_dec (&loaded->ref_count))
    return;

  g_clear_object (&loaded->other);
  g_free (loaded->version_id);
  g_free (loaded->file_name);
  g_clear_pointer (&loaded->alignment, vr_alignment_free);
  g_free (loaded);
}

static void
choice_free (Choice *choice)
{
  g_free (choice->version_id);
  g_clear_pointer (&choice->loaded, loaded_unref);
  g_free (choice->label);
  g_free (choice);
}

static void
mark_clear (VrCompareMark *mark)
{
  g_clear_pointer (&mark->entity_id, g_free);
  g_clear_pointer (&mark->tooltip, g_free);
}

GArray *
_vr_compare_marks_new (void)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (VrCompareMark));

  g_array_set_clear_func (marks, (GDestroyNotify) mark_clear);
  return marks;
}

void
_vr_compare_side_clear (Side *side)
{
  g_clear_pointer (&side->text, g_free);
  g_clear_pointer (&side->marks, g_array_unref);
  g_clear_pointer (&side->normalized, vr_normalized_paragraph_free);
}

gboolean
_vr_compare_choices_equal (const Choice *a,
               const Choice *b)
{
  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case CHOICE_VERSION: return g_strcmp0 (a->version_id, b->version_id) == 0;
    case CHOICE_NORMALIZED: return a->system == b->system;
    case CHOICE_LOADED: return a->loaded == b->loaded;
    case CHOICE_LOAD_FILE:
    default: return TRUE;
    }
}

Choice *
_vr_compare_view_get_current (VrCompareView *self,
            VrCompareSide  side)
{
  if (self->current[side] >= self->choices->len)
    return NULL;

  return g_ptr_array_index (self->choices, self->current[side]);
}

/* The version a normalized reading is made from: the first one. */
const char *
_vr_compare_view_base_version_id (VrCompareView *self)
{
  VrVersion *version;

  if (self->document == NULL)
    return NULL;

  version = vr_document_get_default_version (self->document);
  return version != NULL ? vr_version_get_id (version) : NULL;
}

static char *
version_label (VrVersion *version)
{
  const char *label = vr_version_get_label (version);
  const char *language = vr_version_get_language (version);

  if (label == NULL || label[0] == '\0')
    label = vr_version_get_id (version);

  if (language != NULL && language[0] != '\0')
    /* Translators: a version in the comparison's dropdowns: "LABEL (LANGUAGE)" */
    return g_strdup_printf (_("%s (%s)"), label, language);

  return g_strdup (label);
}

static void
add_choice (GPtrArray *choices,
            Choice    *choice)
{
  g_ptr_array_add (choices, choice);
}

/* Every choice, in the order of the dropdowns: the versions, the
 * normalized readings, the loaded versions, and "Load from File…". */
static GPtrArray *
build_choices (VrCompareView *self)
{
  static const struct {
    VrNormalizeSystem  system;
    const char        *label;
  } readings[] = {
    { VR_NORMALIZE_PREFERRED, N_("Normalized reading — preferred names") },
    { VR_NORMALIZE_RR, N_("Normalized reading — RR") },
    { VR_NORMALIZE_MR, N_("Normalized reading — MR") },
  };
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  Choice *choice;

  if (self->document != NULL)
    {
      GListModel *versions = vr_document_get_versions (self->document);

      for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
        {
          g_autoptr(VrVersion) version = g_list_model_get_item (versions, i);

          choice = g_new0 (Choice, 1);
          choice->kind = CHOICE_VERSION;
          choice->version_id = g_strdup (vr_version_get_id (version));
          choice->label = version_label (version);
          add_choice (choices, choice);
        }

      if (_vr_compare_view_base_version_id (self) != NULL)
        for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
          {
            choice = g_new0 (Choice, 1);
            choice->kind = CHOICE_NORMALIZED;
            choice->system = readings[i].system;
            choice->label = g_strdup (_(readings[i].label));
            add_choice (choices, choice);
          }
    }

  for (guint i = 0; i < self->loaded->len; i++)
    {
      Loaded *loaded = g_ptr_array_index (self->loaded, i);
      VrVersion *version = vr_document_lookup_version (loaded->other, loaded->version_id);
      g_autofree char *label = version_label (version);

      choice = g_new0 (Choice, 1);
      choice->kind = CHOICE_LOADED;
      choice->loaded = loaded_ref (loaded);
      /* Translators: a version loaded from another file: "VERSION — FILE NAME" */
      choice->label = g_strdup_printf (_("%s — %s"), label, loaded->file_name);
      add_choice (choices, choice);
    }

  if (self->document != NULL)
    {
      choice = g_new0 (Choice, 1);
      choice->kind = CHOICE_LOAD_FILE;
      choice->label = g_strdup (_("Load from File…"));
      add_choice (choices, choice);
    }

  return choices;
}

static guint
find_choice (GPtrArray    *choices,
             const Choice *wanted,
             guint         fallback)
{
  if (wanted != NULL)
    for (guint i = 0; i < choices->len; i++)
      if (_vr_compare_choices_equal (g_ptr_array_index (choices, i), wanted))
        return i;

  return fallback;
}

/* Rebuilds the choices, keeping what each side shows when it still exists:
 * by default the first version on the left, and on the right the second
 * version or else the normalized reading. */
static void
update_choices (VrCompareView *self,
                gboolean       keep)
{
  g_autoptr(GPtrArray) choices = build_choices (self);
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GListModel *versions = self->document ? vr_document_get_versions (self->document) : NULL;
  guint n_versions = versions ? g_list_model_get_n_items (versions) : 0;
  guint left = 0, right = n_versions > 1 ? 1 : n_versions;
  guint n_old;

  if (keep)
    {
      left = find_choice (choices, _vr_compare_view_get_current (self, VR_COMPARE_SIDE_LEFT), left);
      right = find_choice (choices, _vr_compare_view_get_current (self, VR_COMPARE_SIDE_RIGHT), right);
    }

  for (guint i = 0; i < choices->len; i++)
    g_ptr_array_add (labels, ((Choice *) g_ptr_array_index (choices, i))->label);
  g_ptr_array_add (labels, NULL);

  old = g_steal_pointer (&self->choices);
  self->choices = g_steal_pointer (&choices);
  self->current[VR_COMPARE_SIDE_LEFT] = MIN (left, self->choices->len ? self->choices->len - 1 : 0);
  self->current[VR_COMPARE_SIDE_RIGHT] = MIN (right, self->choices->len ? self->choices->len - 1 : 0);

  self->updating_choices = TRUE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->choice_labels));
  gtk_string_list_splice (self->choice_labels, 0, n_old, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->left_drop_down,
                              self->choices->len ? self->current[VR_COMPARE_SIDE_LEFT] : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->right_drop_down,
                              self->choices->len ? self->current[VR_COMPARE_SIDE_RIGHT] : GTK_INVALID_LIST_POSITION);
  self->updating_choices = FALSE;

  update_legend (self);
  refresh_rows (self);
}

static const char *
missing_text (VrCompareView *self,
              VrCompareSide  side)
{
  Choice *choice = _vr_compare_view_get_current (self, side);

  if (choice != NULL && choice->kind == CHOICE_LOADED)
    return _("No counterpart in the other file");

  return _("No text in this version");
}

static void
update_row (VrCompareView *self,
            VrCompareRow  *row)
{
  guint index = vr_compare_row_get_index (row);
  Side left = { 0, }, right = { 0, };

  if (_vr_compare_view_compute_row (self, index, &left, &right))
    {
      vr_compare_row_set_side (row, VR_COMPARE_SIDE_LEFT, left.text,
                               missing_text (self, VR_COMPARE_SIDE_LEFT), left.marks);
      vr_compare_row_set_side (row, VR_COMPARE_SIDE_RIGHT, right.text,
                               missing_text (self, VR_COMPARE_SIDE_RIGHT), right.marks);
    }

  _vr_compare_side_clear (&left);
  _vr_compare_side_clear (&right);
}

static void
refresh_rows (VrCompareView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row (self, row);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  VrCompareView *self = data;

  self->refresh_id = 0;
  refresh_rows (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (VrCompareView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
restyle_rows (VrCompareView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    vr_compare_row_restyle (row);

  update_legend (self);
}

/* A line under the dropdowns says what the marks mean, drawn with the
 * marks themselves. */
static void
update_legend (VrCompareView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  Choice *left = _vr_compare_view_get_current (self, VR_COMPARE_SIDE_LEFT);
  Choice *right = _vr_compare_view_get_current (self, VR_COMPARE_SIDE_RIGHT);
  g_autoptr(GArray) marks = _vr_compare_marks_new ();
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  VrCompareMark mark = { 0, };
  const char *sample;

  if (left == NULL || right == NULL || !self->show_differences)
    {
      gtk_label_set_attributes (self->legend_label, NULL);
      gtk_label_set_text (self->legend_label,
                          self->show_differences ? "" : _("Differences are hidden"));
      return;
    }

  if (left->kind == CHOICE_NORMALIZED || right->kind == CHOICE_NORMALIZED)
    {
      sample = _("Replaced name");
      mark.kind = VR_COMPARE_MARK_REPLACED;
      mark.entity_kind = VR_ENTITY_KIND_PERSON;
      mark.start = 0;
      mark.end = g_utf8_strlen (sample, -1);
      g_array_append_val (marks, mark);
      g_string_append (text, sample);
      g_string_append (text, " ");
      /* Translators: after "Replaced name" in the comparison's legend */
      g_string_append (text, _("(point at one to see both spellings)"));
    }
  else if (!_vr_compare_choices_equal (left, right))
    {
      guint offset;

      sample = _("Only on the left");
      mark.kind = VR_COMPARE_MARK_DELETED;
      mark.start = 0;
      mark.end = g_utf8_strlen (sample, -1);
      g_array_append_val (marks, mark);
      g_string_append (text, sample);
      g_string_append (text, "    ");

      offset = g_utf8_strlen (text->str, -1);
      sample = _("Only on the right");
      memset (&mark, 0, sizeof mark);
      mark.kind = VR_COMPARE_MARK_INSERTED;
      mark.start = offset;
      mark.end = offset + g_utf8_strlen (sample, -1);
      g_array_append_val (marks, mark);
      g_string_append (text, sample);
    }

  gtk_label_set_text (self->legend_label, text->str);
  attrs = vr_compare_marks_to_attrs (text->str, marks, dark);
  gtk_label_set_attributes (self->legend_label, attrs);
}

static void
on_row_entity_activated_cb (VrCompareView *self,
                            const char    *entity_id,
                            VrCompareRow  *row)
{
  VrEntity *entity = NULL;

  if (self->document != NULL)
    entity = vr_document_lookup_entity (self->document, entity_id);

  if (entity != NULL)
    vr_compare_view_set_selected_entity (self, entity);
  else
    {
      /* An entity only the other file knows: highlighted by its id. */
      vr_compare_view_set_selected_entity (self, NULL);
      g_free (self->selected_id);
      self->selected_id = g_strdup (entity_id);
      refresh_rows (self);
    }
}

static void
on_paragraph_text_changed_cb (VrCompareView *self,
                              const char    *version_id,
                              VrParagraph   *paragraph)
{
  queue_refresh (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VrCompareView            *self)
{
  GtkWidget *row = vr_compare_row_new ();

  g_signal_connect_object (row, "entity-activated",
                           G_CALLBACK (on_row_entity_activated_cb), self, G_CONNECT_SWAPPED);
  vr_compare_row_set_zoom (VR_COMPARE_ROW (row), self->zoom);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             VrCompareView            *self)
{
  VrCompareRow *row = VR_COMPARE_ROW (gtk_list_item_get_child (item));
  VrParagraph *paragraph = gtk_list_item_get_item (item);

  vr_compare_row_set_index (row, gtk_list_item_get_position (item));
  vr_compare_row_set_kind (row, vr_paragraph_get_kind (paragraph));
  g_signal_connect_object (paragraph, "text-changed",
                           G_CALLBACK (on_paragraph_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_hash_table_add (self->rows, row);
  update_row (self, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VrCompareView            *self)
{
  VrCompareRow *row = VR_COMPARE_ROW (gtk_list_item_get_child (item));
  VrParagraph *paragraph = gtk_list_item_get_item (item);

  if (paragraph != NULL)
    g_signal_handlers_disconnect_by_func (paragraph, on_paragraph_text_changed_cb, self);
  g_hash_table_remove (self->rows, row);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 VrCompareView            *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    g_hash_table_remove (self->rows, row);
}

/* Loading another file */

static void
show_message (VrCompareView *self,
              const char    *heading,
              const char    *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  /* The body is plain text: it quotes paragraph ids and file names. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_report (VrCompareView     *self,
               const VrAlignment *alignment,
               const char        *file_name)
{
  GString *body = g_string_new (NULL);
  guint n_paragraphs = g_list_model_get_n_items (vr_document_get_paragraphs (self->document));

  g_string_append_printf (body,
                          alignment->mode == VR_ALIGN_BY_ID
                          /* Translators: "3 of 5 paragraphs …" of an alignment report */
                          ? _("%u of %u paragraphs have a counterpart in “%s”, matched by paragraph id.")
                          : _("%u of %u paragraphs have a counterpart in “%s”, matched in order."),
                          alignment->n_aligned, n_paragraphs, file_name);
  g_string_append (body, "\n");

  for (guint i = 0; i < alignment->issues->len && i < REPORT_MAX_ISSUES; i++)
    {
      const VrAlignIssue *issue = &g_array_index (alignment->issues, VrAlignIssue, i);

      g_string_append_printf (body, "\n• %s", issue->message);
    }

  if (alignment->issues->len > REPORT_MAX_ISSUES)
    {
      guint rest = alignment->issues->len - REPORT_MAX_ISSUES;

      g_string_append (body, "\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "…and %u more difference",
                                                 "…and %u more differences", rest), rest);
    }

  return g_string_free (body, FALSE);
}

static void
set_load_cancellable (VrCompareView *self,
                      GCancellable  *cancellable)
{
  gboolean was_loading = self->load_cancellable != NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_set_object (&self->load_cancellable, cancellable);

  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VrCompareView) self = user_data;
  g_autoptr(VrDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autofree char *file_name = NULL;
  g_autofree char *report = NULL;
  GListModel *versions;
  Loaded *first = NULL;
  Choice wanted = { 0, };

  other = vr_document_load_file_finish (result, &error);

  /* A newer load, or another document, replaced this one. */
  if (cancellable != self->load_cancellable)
    return;
  set_load_cancellable (self, NULL);
  file_name = g_file_get_basename (self->load_file);

  if (other == NULL)
    {
      show_message (self, _("Could Not Load the Other Version"), error->message);
      return;
    }

  if (self->document == NULL)
    return;

  versions = vr_document_get_versions (other);

  /* Every version of the other file becomes a choice; the first is shown. */
  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(VrVersion) version = g_list_model_get_item (versions, i);
      g_autoptr(VrAlignment) alignment = NULL;
      g_autoptr(GError) align_error = NULL;
      Loaded *loaded;

      alignment = vr_align_documents (self->document, other, vr_version_get_id (version),
                                      VR_ALIGN_AUTO, &align_error);
      if (alignment == NULL)
        {
          if (error == NULL)
            error = g_steal_pointer (&align_error);
          continue;
        }

      loaded = g_new0 (Loaded, 1);
      g_ref_count_init (&loaded->ref_count);
      loaded->other = g_object_ref (other);
      loaded->version_id = g_strdup (vr_version_get_id (version));
      loaded->file_name = g_strdup (file_name);
      loaded->alignment = g_steal_pointer (&alignment);
      g_ptr_array_add (self->loaded, loaded);
      if (first == NULL)
        first = loaded;
    }

  if (first == NULL)
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("No paragraph of “%s” aligns with this document. %s"),
                              file_name, error != NULL ? error->message : "");
      show_message (self, _("Could Not Load the Other Version"), g_strchomp (body));
      return;
    }

  update_choices (self, TRUE);

  wanted.kind = CHOICE_LOADED;
  wanted.loaded = first;
  vr_compare_view_set_choice (self, self->load_side, find_choice (self->choices, &wanted, 0));

  report = format_report (self, first->alignment, file_name);
  if (first->alignment->issues->len > 0)
    show_message (self, _("Not Every Paragraph Aligned"), report);
  else
    g_signal_emit (self, signals[TOAST], 0, report);
}

void
vr_compare_view_load_file (VrCompareView *self,
                           VrCompareSide  side,
                           GFile         *file)
{
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (VR_IS_COMPARE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = g_cancellable_new ();
  set_load_cancellable (self, cancellable);
  g_set_object (&self->load_file, file);
  self->load_side = side;

  vr_document_load_file_async (file, cancellable, load_file_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (VrCompareView        *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      VrCompareSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "side"));

      if (file != NULL)
        vr_compare_view_load_file (self, side, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
choose_file (VrCompareView *self,
             VrCompareSide  side)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Load a Version from Another File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Load"), _("_Cancel"));
  gtk_file_filter_set_name (documents, _("Variorum Documents"));
  gtk_file_filter_add_suffix (documents, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "side", GUINT_TO_POINTER (side));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_drop_down_selected_cb (VrCompareView *self,
                          GParamSpec    *pspec,
                          GtkDropDown   *drop_down)
{
  VrCompareSide side = drop_down == self->left_drop_down ? VR_COMPARE_SIDE_LEFT : VR_COMPARE_SIDE_RIGHT;
  guint selected = gtk_drop_down_get_selected (drop_down);
  Choice *choice;

  if (self->updating_choices || selected >= self->choices->len)
    return;

  choice = g_ptr_array_index (self->choices, selected);
  if (choice->kind == CHOICE_LOAD_FILE)
    {
      /* Not a reading of its own: the side keeps what it showed. */
      self->updating_choices = TRUE;
      gtk_drop_down_set_selected (drop_down, self->current[side]);
      self->updating_choices = FALSE;
      choose_file (self, side);
      return;
    }

  vr_compare_view_set_choice (self, side, selected);
}

static void
on_versions_changed_cb (VrCompareView *self)
{
  update_choices (self, TRUE);
}

static void
on_mentions_changed_cb (VrCompareView *self)
{
  queue_refresh (self);
}

static void
disconnect_document (VrCompareView *self)
{
  if (self->document == NULL)
    return;

  g_signal_handlers_disconnect_by_data (vr_document_get_versions (self->document), self);
  g_signal_handlers_disconnect_by_data (vr_document_get_entities (self->document), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/variorum/Variorum/compare/compare.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
vr_compare_view_dispose (GObject *object)
{
  VrCompareView *self = VR_COMPARE_VIEW (object);

  set_load_cancellable (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  disconnect_document (self);

  gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_COMPARE_VIEW);

  g_clear_object (&self->document);
  g_clear_object (&self->selected_entity);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_object (&self->load_file);

  G_OBJECT_CLASS (vr_compare_view_parent_class)->dispose (object);
}

static void
vr_compare_view_finalize (GObject *object)
{
  VrCompareView *self = VR_COMPARE_VIEW (object);

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->choice_labels);

  G_OBJECT_CLASS (vr_compare_view_parent_class)->finalize (object);
}

static void
vr_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VrCompareView *self = VR_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ENTITY:
      g_value_set_object (value, self->selected_entity);
      break;

    case PROP_SHOW_DIFFERENCES:
      g_value_set_boolean (value, self->show_differences);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, vr_compare_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VrCompareView *self = VR_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_compare_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ENTITY:
      vr_compare_view_set_selected_entity (self, g_value_get_object (value));
      break;

    case PROP_SHOW_DIFFERENCES:
      vr_compare_view_set_show_differences (self, g_value_get_boolean (value));
      break;

    case PROP_ZOOM:
      vr_compare_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_compare_view_class_init (VrCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_compare_view_dispose;
  object_class->finalize = vr_compare_view_finalize;
  object_class->get_property = vr_compare_view_get_property;
  object_class->set_property = vr_compare_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         VR_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_object ("selected-entity", NULL, NULL,
                         VR_TYPE_ENTITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_DIFFERENCES] =
    g_param_spec_boolean ("show-differences", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/variorum/Variorum/compare/vr-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VrCompareView, content);
  gtk_widget_class_bind_template_child (widget_class, VrCompareView, left_drop_down);
  gtk_widget_class_bind_template_child (widget_class, VrCompareView, right_drop_down);
  gtk_widget_class_bind_template_child (widget_class, VrCompareView, legend_label);
  gtk_widget_class_bind_template_child (widget_class, VrCompareView, differences_check);
  gtk_widget_class_bind_template_child (widget_class, VrCompareView, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  g_autoptr(GString) ui = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_string_append_printf (ui,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<interface>\n"
    "  <template class=\"GtkListItem\">\n"
    "    <property name=\"child\">\n"
    "      <object class=\"GtkLabel\">\n"
    "        <property name=\"xalign\">0</property>\n"
    "        <property name=\"ellipsize\">%s</property>\n"
    "        <binding name=\"label\">\n"
    "          <lookup name=\"string\" type=\"GtkStringObject\">\n"
    "            <lookup name=\"item\">GtkListItem</lookup>\n"
    "          </lookup>\n"
    "        </binding>\n"
    "      </object>\n"
    "    </property>\n"
    "  </template>\n"
    "</interface>\n",
    ellipsize ? "end" : "none");
  bytes = g_bytes_new (ui->str, ui->len);

  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

static void
vr_compare_view_init (VrCompareView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();

  self->show_differences = TRUE;
  self->zoom = 1.0;
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  self->loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) loaded_unref);
  self->rows = g_hash_table_new (NULL, NULL);
  self->choice_labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < 2; i++)
    {
      GtkDropDown *drop_down = i == 0 ? self->left_drop_down : self->right_drop_down;
      g_autoptr(GtkListItemFactory) button_factory = label_factory (TRUE);
      g_autoptr(GtkListItemFactory) list_factory = label_factory (FALSE);

      gtk_drop_down_set_factory (drop_down, button_factory);
      gtk_drop_down_set_list_factory (drop_down, list_factory);
      gtk_drop_down_set_model (drop_down, G_LIST_MODEL (self->choice_labels));
      g_signal_connect_object (drop_down, "notify::selected",
                               G_CALLBACK (on_drop_down_selected_cb), self, G_CONNECT_SWAPPED);
    }

  g_object_bind_property (self, "show-differences", self->differences_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (teardown_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (restyle_rows), self, G_CONNECT_SWAPPED);

  update_legend (self);
}

GtkWidget *
vr_compare_view_new (void)
{
  return g_object_new (VR_TYPE_COMPARE_VIEW, NULL);
}

VrDocument *
vr_compare_view_get_document (VrCompareView *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), NULL);

  return self->document;
}

void
vr_compare_view_set_document (VrCompareView *self,
                              VrDocument    *document)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (VR_IS_COMPARE_VIEW (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* Versions loaded from other files were aligned to the old document. */
  set_load_cancellable (self, NULL);
  disconnect_document (self);
  g_set_object (&self->document, document);
  g_ptr_array_set_size (self->loaded, 0);
  g_clear_object (&self->selected_entity);
  g_clear_pointer (&self->selected_id, g_free);

  if (document != NULL)
    {
      g_signal_connect_object (vr_document_get_versions (document), "items-changed",
                               G_CALLBACK (on_versions_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vr_document_get_entities (document), "items-changed",
                               G_CALLBACK (on_mentions_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "mentions-changed",
                               G_CALLBACK (on_mentions_changed_cb), self, G_CONNECT_SWAPPED);
      selection = gtk_no_selection_new (g_object_ref (vr_document_get_paragraphs (document)));
    }

  update_choices (self, FALSE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

VrEntity *
vr_compare_view_get_selected_entity (VrCompareView *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), NULL);

  return self->selected_entity;
}

void
vr_compare_view_set_selected_entity (VrCompareView *self,
                                     VrEntity      *entity)
{
  g_return_if_fail (VR_IS_COMPARE_VIEW (self));
  g_return_if_fail (entity == NULL || VR_IS_ENTITY (entity));

  if (self->selected_entity == entity)
    return;

  g_set_object (&self->selected_entity, entity);
  g_free (self->selected_id);
  self->selected_id = entity ? g_strdup (vr_entity_get_id (entity)) : NULL;
  refresh_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
}

gboolean
vr_compare_view_get_show_differences (VrCompareView *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), FALSE);

  return self->show_differences;
}

void
vr_compare_view_set_show_differences (VrCompareView *self,
                                      gboolean       show)
{
  g_return_if_fail (VR_IS_COMPARE_VIEW (self));

  show = !!show;
  if (self->show_differences == show)
    return;

  self->show_differences = show;
  update_legend (self);
  refresh_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DIFFERENCES]);
}

double
vr_compare_view_get_zoom (VrCompareView *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), 1.0);

  return self->zoom;
}

static void
zoom_row (GtkWidget *widget,
          double     zoom)
{
  if (VR_IS_COMPARE_ROW (widget))
    {
      vr_compare_row_set_zoom (VR_COMPARE_ROW (widget), zoom);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    zoom_row (child, zoom);
}

void
vr_compare_view_set_zoom (VrCompareView *self,
                          double         zoom)
{
  g_return_if_fail (VR_IS_COMPARE_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;

  /* Every row made so far, bound or kept for later. */
  self->zoom = zoom;
  zoom_row (GTK_WIDGET (self->list_view), zoom);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

gboolean
vr_compare_view_get_loading (VrCompareView *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), FALSE);

  return self->load_cancellable != NULL;
}

GListModel *
vr_compare_view_get_choices (VrCompareView *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), NULL);

  return G_LIST_MODEL (self->choice_labels);
}

guint
vr_compare_view_get_choice (VrCompareView *self,
                            VrCompareSide  side)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), 0);
  g_return_val_if_fail (side <= VR_COMPARE_SIDE_RIGHT, 0);

  return self->current[side];
}

void
vr_compare_view_set_choice (VrCompareView *self,
                            VrCompareSide  side,
                            guint          choice)
{
  GtkDropDown *drop_down;

  g_return_if_fail (VR_IS_COMPARE_VIEW (self));
  g_return_if_fail (side <= VR_COMPARE_SIDE_RIGHT);
  g_return_if_fail (choice < self->choices->len);
  g_return_if_fail (((Choice *) g_ptr_array_index (self->choices, choice))->kind != CHOICE_LOAD_FILE);

  drop_down = side == VR_COMPARE_SIDE_LEFT ? self->left_drop_down : self->right_drop_down;
  self->current[side] = choice;

  self->updating_choices = TRUE;
  gtk_drop_down_set_selected (drop_down, choice);
  self->updating_choices = FALSE;

  update_legend (self);
  refresh_rows (self);
}

GtkWidget *
vr_compare_view_get_drop_down (VrCompareView *self,
                               VrCompareSide  side)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), NULL);

  return GTK_WIDGET (side == VR_COMPARE_SIDE_LEFT ? self->left_drop_down : self->right_drop_down);
}

char *
vr_compare_view_dup_text (VrCompareView *self,
                          VrCompareSide  side,
                          guint          index)
{
  Side sides[2] = { { 0, }, { 0, } };
  char *text = NULL;

  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (side <= VR_COMPARE_SIDE_RIGHT, NULL);

  if (_vr_compare_view_compute_row (self, index, &sides[0], &sides[1]))
    text = g_steal_pointer (&sides[side].text);

  _vr_compare_side_clear (&sides[0]);
  _vr_compare_side_clear (&sides[1]);

  return text;
}

GArray *
vr_compare_view_get_marks (VrCompareView *self,
                           VrCompareSide  side,
                           guint          index)
{
  Side sides[2] = { { 0, }, { 0, } };
  GArray *marks = NULL;

  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (side <= VR_COMPARE_SIDE_RIGHT, NULL);

  if (_vr_compare_view_compute_row (self, index, &sides[0], &sides[1]))
    marks = g_steal_pointer (&sides[side].marks);

  _vr_compare_side_clear (&sides[0]);
  _vr_compare_side_clear (&sides[1]);

  return marks != NULL ? marks : _vr_compare_marks_new ();
}

GtkWidget *
vr_compare_view_get_list_view (VrCompareView *self)
{
  g_return_val_if_fail (VR_IS_COMPARE_VIEW (self), NULL);

  return GTK_WIDGET (self->list_view);
}
