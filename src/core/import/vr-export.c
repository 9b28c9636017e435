/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The variant table as CSV or JSON, for spreadsheets and other tools. */
#define G_LOG_DOMAIN "vr-export"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "vr-export.h"

char *
vr_export_csv_field (const char *value)
{
  GString *out;
  gboolean guard, quote;

  if (value == NULL)
    return g_strdup ("");

  /* A leading = + - @ makes a spreadsheet evaluate the cell (CSV
   * injection); an apostrophe makes it text. */
  guard = strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0';
  quote = strpbrk (value, ",\"\r\n") != NULL;

  out = g_string_sized_new (strlen (value) + 3);
  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* The string as read from a file (kept also when this build does not know
 * it), else the enum's own. */
static const char *
status_string (VrVariant *variant)
{
  const char *raw = vr_variant_get_status_raw (variant);

  return raw != NULL ? raw : vr_variant_status_to_string (vr_variant_get_status (variant));
}

static const char *
system_string (VrVariant *variant)
{
  const char *raw = vr_variant_get_system_raw (variant);

  return raw != NULL ? raw : vr_name_system_to_string (vr_variant_get_system (variant));
}

static const char *
kind_string (VrEntity *entity)
{
  const char *raw = vr_entity_get_kind_raw (entity);

  return raw != NULL ? raw : vr_entity_kind_to_string (vr_entity_get_kind (entity));
}

static const char *
verdict_string (VrDecision *decision)
{
  const char *raw = vr_decision_get_verdict_raw (decision);

  return raw != NULL ? raw : vr_verdict_to_string (vr_decision_get_verdict (decision));
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field = vr_export_csv_field (fields[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, field);
    }
  g_string_append (out, "\r\n");
}

typedef struct
{
  VrEntity    *entity;
  VrVariant   *variant;
  VrParagraph *first;
} Row;

static GArray *
collect_rows (VrDocument *document)
{
  GListModel *entities = vr_document_get_entities (document);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(VrEntity) entity = g_list_model_get_item (entities, i);
      GListModel *variants = vr_entity_get_variants (entity);

      for (guint j = 0; j < g_list_model_get_n_items (variants); j++)
        {
          g_autoptr(VrVariant) variant = g_list_model_get_item (variants, j);
          Row row = { entity, variant,
                      vr_document_get_variant_first_paragraph (document, variant) };

          /* The document holds them; the rows only borrow. */
          g_array_append_val (rows, row);
        }
    }
  return rows;
}

static GBytes *
export_csv (VrDocument *document)
{
  static const char * const header[] = {
    "record", "entity_id", "entity_name", "kind", "spelling", "system", "status",
    "occurrences", "first_paragraph", "other_spelling", "verdict",
  };
  g_autoptr(GArray) rows = collect_rows (document);
  GListModel *decisions = vr_document_get_decisions (document);
  GString *out = g_string_new (NULL);

  append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autofree char *count = g_strdup_printf ("%u", vr_variant_get_count (row->variant));
      const char *fields[] = {
        "variant",
        vr_entity_get_id (row->entity),
        vr_entity_get_name (row->entity),
        kind_string (row->entity),
        vr_variant_get_form (row->variant),
        system_string (row->variant),
        status_string (row->variant),
        count,
        row->first != NULL ? vr_paragraph_get_id (row->first) : "",
        "",
        "",
      };

      append_row (out, fields, G_N_ELEMENTS (fields));
    }

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decisions, i);
      const char *fields[] = {
        "decision", "", "", "", vr_decision_get_a (decision), "", "", "", "",
        vr_decision_get_b (decision), verdict_string (decision),
      };

      append_row (out, fields, G_N_ELEMENTS (fields));
    }

  return g_string_free_to_bytes (out);
}

static GBytes *
export_json (VrDocument *document)
{
  g_autoptr(GArray) rows = collect_rows (document);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *decisions = vr_document_get_decisions (document);
  GString *out;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "variants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "entity");
      json_builder_add_string_value (builder, vr_entity_get_id (row->entity));
      json_builder_set_member_name (builder, "entity_name");
      json_builder_add_string_value (builder, vr_entity_get_name (row->entity));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_string (row->entity));
      json_builder_set_member_name (builder, "spelling");
      json_builder_add_string_value (builder, vr_variant_get_form (row->variant));
      json_builder_set_member_name (builder, "system");
      json_builder_add_string_value (builder, system_string (row->variant));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status_string (row->variant));
      json_builder_set_member_name (builder, "occurrences");
      json_builder_add_int_value (builder, vr_variant_get_count (row->variant));
      json_builder_set_member_name (builder, "first_paragraph");
      if (row->first != NULL)
        json_builder_add_string_value (builder, vr_paragraph_get_id (row->first));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(VrDecision) decision = g_list_model_get_item (decisions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, vr_decision_get_a (decision));
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, vr_decision_get_b (decision));
      json_builder_set_member_name (builder, "verdict");
      json_builder_add_string_value (builder, verdict_string (decision));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

GBytes *
vr_export_variants (VrDocument     *document,
                    VrExportFormat  format)
{
  g_return_val_if_fail (VR_IS_DOCUMENT (document), NULL);

  switch (format)
    {
    case VR_EXPORT_CSV:
      return export_csv (document);
    case VR_EXPORT_JSON:
      return export_json (document);
    default:
      g_return_val_if_reached (NULL);
    }
}
