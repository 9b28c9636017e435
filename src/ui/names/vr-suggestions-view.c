/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-suggestions-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vr-reconcile.h"
#include "vr-suggestions-view.h"

struct _VrSuggestionsView
{
  GtkWidget      parent_instance;

  VrDocument    *document;
  GListModel    *model;
  GPtrArray     *watched;   /* VrEntity and VrVariant whose changes are followed */
  guint          idle_id;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkLabel      *summary_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (VrSuggestionsView, vr_suggestions_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_SUGGESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_refresh (VrSuggestionsView *self);

static char *
join_forms (VrSuggestion *suggestion,
            const char   *separator)
{
  GPtrArray *forms = vr_suggestion_get_forms (suggestion);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < forms->len; i++)
    {
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, g_ptr_array_index (forms, i));
    }
  return g_string_free (text, FALSE);
}

/* “B” or “B”, “C”: the entities that accepting merges away. */
static char *
join_merged_names (VrSuggestion *suggestion)
{
  GPtrArray *entities = vr_suggestion_get_entities (suggestion);
  GString *text = g_string_new (NULL);

  for (guint i = 1; i < entities->len; i++)
    {
      if (i > 1)
        g_string_append (text, ", ");
      g_string_append_printf (text, "“%s”", vr_entity_get_name (g_ptr_array_index (entities, i)));
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
new_button (const char *label,
            const char *action,
            guint       position,
            const char *description,
            const char *style)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", position);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/* One row per suggestion: plain labels only, since every string in it
 * comes from the document. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  VrSuggestionsView *self = user_data;
  VrSuggestion *suggestion = VR_SUGGESTION (item);
  GPtrArray *entities = vr_suggestion_get_entities (suggestion);
  VrEntity *kept = g_ptr_array_index (entities, 0);
  g_autofree char *forms = join_forms (suggestion, " · ");
  g_autofree char *merged = join_merged_names (suggestion);
  g_autofree char *evidence = NULL;
  g_autofree char *confidence = NULL;
  g_autofree char *accept_text = NULL;
  g_autofree char *reject_text = NULL;
  g_autofree char *row_label = NULL;
  GString *owners = g_string_new (NULL);
  GtkWidget *row, *box, *buttons, *owners_label;
  guint position = 0;

  g_list_store_find (G_LIST_STORE (self->model), suggestion, &position);

  for (guint i = 0; i < entities->len; i++)
    {
      VrEntity *entity = g_ptr_array_index (entities, i);
      guint n = vr_entity_get_mention_count (entity);
      g_autofree char *mentions = NULL;

      /* Translators: how often an entity is mentioned in the document */
      mentions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", n), n);
      if (i > 0)
        g_string_append_c (owners, '\n');
      if (i == 0)
        /* Translators: the entity a suggestion keeps (the others merge into it): "Yun Gong-heum — 12 mentions, kept" */
        g_string_append_printf (owners, _("%s — %s, kept"), vr_entity_get_name (entity), mentions);
      else
        /* Translators: an entity of a suggestion and its number of mentions: "Yung Kong-hum — 1 mention" */
        g_string_append_printf (owners, _("%s — %s"), vr_entity_get_name (entity), mentions);
    }

  /* Translators: why the names engine thinks two spellings name one person */
  evidence = g_strdup_printf (_("Evidence: %s"), vr_suggestion_get_evidence (suggestion));
  /* Translators: how sure the names engine is of a suggestion, as a percentage */
  confidence = g_strdup_printf (_("Confidence %d%%"),
                                (int) round (vr_suggestion_get_confidence (suggestion) * 100.0));
  /* Translators: a button's description: "Merge “Yung Kong-hum” into “Yun Gong-heum”" */
  accept_text = g_strdup_printf (_("Merge %s into “%s”"), merged, vr_entity_get_name (kept));
  /* Translators: a button's description: "Keep “Yung Kong-hum” and “Yun Gong-heum” apart" */
  reject_text = g_strdup_printf (_("Keep %s and “%s” apart"), merged, vr_entity_get_name (kept));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: a suggestion row's accessible name: "Yun Gong-heum · Yung Kong-hum, Confidence 60%" */
  row_label = g_strdup_printf (_("%s, %s"), forms, confidence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_label,
                                  -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_box_append (GTK_BOX (box), new_label (forms, "heading"));
  owners_label = new_label (owners->str, NULL);
  gtk_box_append (GTK_BOX (box), owners_label);
  gtk_box_append (GTK_BOX (box), new_label (evidence, "caption"));
  g_string_free (owners, TRUE);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 4);
  gtk_box_append (GTK_BOX (box), buttons);
  {
    GtkWidget *label = new_label (confidence, "dim-label");

    gtk_widget_add_css_class (label, "caption");
    gtk_widget_add_css_class (label, "numeric");
    gtk_widget_set_hexpand (label, TRUE);
    gtk_box_append (GTK_BOX (buttons), label);
  }
  gtk_box_append (GTK_BOX (buttons),
                  new_button (_("Reject"), "win.reject-suggestion", position, reject_text, NULL));
  gtk_box_append (GTK_BOX (buttons),
                  new_button (_("Accept"), "win.accept-suggestion", position, accept_text,
                              "suggested-action"));

  return row;
}

static void
unwatch_entities (VrSuggestionsView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    {
      GObject *object = g_ptr_array_index (self->watched, i);

      if (VR_IS_ENTITY (object))
        g_signal_handlers_disconnect_by_data (vr_entity_get_variants (VR_ENTITY (object)), self);
      g_signal_handlers_disconnect_by_data (object, self);
    }
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch_entities (VrSuggestionsView *self)
{
  GListModel *entities = vr_document_get_entities (self->document);
  guint n = g_list_model_get_n_items (entities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);

      g_signal_connect_object (vr_entity_get_variants (entity), "items-changed",
                               G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (entity, "notify::name",
                               G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (entity, "notify::kind",
                               G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);

      /* A spelling edited or rejected counts as much as one added. */
      for (guint j = 0; j < g_list_model_get_n_items (vr_entity_get_variants (entity)); j++)
        {
          g_autoptr(VrVariant) variant = g_list_model_get_item (vr_entity_get_variants (entity), j);

          g_signal_connect_object (variant, "notify::form",
                                   G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (variant, "notify::status",
                                   G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
          g_ptr_array_add (self->watched, g_steal_pointer (&variant));
        }
      g_ptr_array_add (self->watched, g_steal_pointer (&entity));
    }
}

void
vr_suggestions_view_refresh (VrSuggestionsView *self)
{
  g_autoptr(GListModel) model = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus;
  guint n;

  g_return_if_fail (VR_IS_SUGGESTIONS_VIEW (self));

  /* The rows are rebuilt: a keyboard user who just pressed Accept goes on
   * from the first row rather than from nowhere. */
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));

  g_clear_handle_id (&self->idle_id, g_source_remove);

  unwatch_entities (self);
  if (self->document != NULL)
    {
      model = vr_reconcile_suggest (self->document);
      watch_entities (self);
    }
  else
    {
      model = G_LIST_MODEL (g_list_store_new (VR_TYPE_SUGGESTION));
    }

  g_set_object (&self->model, model);
  gtk_list_box_bind_model (self->list, self->model, create_row_cb, self, NULL);

  n = g_list_model_get_n_items (self->model);
  if (n > 0)
    {
      g_autofree char *summary = NULL;

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u pair of entities may name one person. Accepting merges the second into the first.",
                                              "%u groups of entities may name one person each. Accepting merges the others into the first.",
                                              n), n);
      gtk_label_set_text (self->summary_label, summary);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (had_focus && n > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0)));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SUGGESTIONS]);
}

static gboolean
on_idle_refresh_cb (gpointer user_data)
{
  VrSuggestionsView *self = user_data;

  self->idle_id = 0;
  vr_suggestions_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (a merge is dozens of model changes): one
 * recomputation after them, before the next frame is drawn. */
static void
schedule_refresh (VrSuggestionsView *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_idle_refresh_cb, self, NULL);
}

static void
vr_suggestions_view_dispose (GObject *object)
{
  VrSuggestionsView *self = VR_SUGGESTIONS_VIEW (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->watched != NULL)
    unwatch_entities (self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (vr_document_get_entities (self->document), self);
      g_signal_handlers_disconnect_by_data (vr_document_get_decisions (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), VR_TYPE_SUGGESTIONS_VIEW);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vr_suggestions_view_parent_class)->dispose (object);
}

static void
vr_suggestions_view_finalize (GObject *object)
{
  VrSuggestionsView *self = VR_SUGGESTIONS_VIEW (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (vr_suggestions_view_parent_class)->finalize (object);
}

static void
vr_suggestions_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VrSuggestionsView *self = VR_SUGGESTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_N_SUGGESTIONS:
      g_value_set_uint (value, vr_suggestions_view_get_n_suggestions (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_suggestions_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VrSuggestionsView *self = VR_SUGGESTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      vr_suggestions_view_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vr_suggestions_view_class_init (VrSuggestionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vr_suggestions_view_dispose;
  object_class->finalize = vr_suggestions_view_finalize;
  object_class->get_property = vr_suggestions_view_get_property;
  object_class->set_property = vr_suggestions_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, VR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SUGGESTIONS] =
    g_param_spec_uint ("n-suggestions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/names/vr-suggestions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VrSuggestionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, VrSuggestionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VrSuggestionsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VrSuggestionsView, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "suggestionsview");
}

static void
vr_suggestions_view_init (VrSuggestionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->model = G_LIST_MODEL (g_list_store_new (VR_TYPE_SUGGESTION));
  gtk_list_box_bind_model (self->list, self->model, create_row_cb, self, NULL);
}

GtkWidget *
vr_suggestions_view_new (void)
{
  return g_object_new (VR_TYPE_SUGGESTIONS_VIEW, NULL);
}

VrDocument *
vr_suggestions_view_get_document (VrSuggestionsView *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTIONS_VIEW (self), NULL);

  return self->document;
}

void
vr_suggestions_view_set_document (VrSuggestionsView *self,
                                  VrDocument        *document)
{
  g_return_if_fail (VR_IS_SUGGESTIONS_VIEW (self));
  g_return_if_fail (document == NULL || VR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  unwatch_entities (self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (vr_document_get_entities (self->document), self);
      g_signal_handlers_disconnect_by_data (vr_document_get_decisions (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (vr_document_get_entities (document), "items-changed",
                               G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vr_document_get_decisions (document), "items-changed",
                               G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
      /* Mention counts are shown, and decide which entity is kept. */
      g_signal_connect_object (document, "mentions-changed",
                               G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
    }

  vr_suggestions_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GListModel *
vr_suggestions_view_get_model (VrSuggestionsView *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTIONS_VIEW (self), NULL);

  return self->model;
}

VrSuggestion *
vr_suggestions_view_get_suggestion (VrSuggestionsView *self,
                                    guint              position)
{
  g_autoptr(VrSuggestion) suggestion = NULL;

  g_return_val_if_fail (VR_IS_SUGGESTIONS_VIEW (self), NULL);

  suggestion = g_list_model_get_item (self->model, position);
  /* The store keeps its own reference. */
  return suggestion;
}

guint
vr_suggestions_view_get_n_suggestions (VrSuggestionsView *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTIONS_VIEW (self), 0);

  return g_list_model_get_n_items (self->model);
}

GtkWidget *
vr_suggestions_view_get_list (VrSuggestionsView *self)
{
  g_return_val_if_fail (VR_IS_SUGGESTIONS_VIEW (self), NULL);

  return GTK_WIDGET (self->list);
}
