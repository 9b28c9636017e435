/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading budget for the model: builds a synthetic document of many
 * mentions as JSON, parses it with json-glib, then builds the model from the
 * tree the way the loader does (bulk), and prints time and peak memory of
 * each step, then times the edits a window makes on such a document.
 * Usage: bench-model [N_MENTIONS] (default 200000, about 30 MB). */
#define G_LOG_DOMAIN "bench-model"

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include "vr-document.h"
#include "vr-model-private.h"

#define MENTIONS_PER_PARAGRAPH 8
#define N_ENTITIES 2000

static double end_bulk_s;

static gsize
read_status_kb (const char *key)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;
  line = strstr (contents, key);
  if (line == NULL)
    return 0;

  return strtoul (line + strlen (key) + 1, NULL, 10);
}

static void
reset_peak (void)
{
  /* Resets VmHWM to the current RSS (Linux ≥ 4.0). */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static GString *
make_json (guint n_mentions)
{
  GString *json = g_string_sized_new (n_mentions * 150);
  guint n_paragraphs = (n_mentions + MENTIONS_PER_PARAGRAPH - 1) / MENTIONS_PER_PARAGRAPH;
  guint m = 0;

  g_string_append (json, "{\n  \"variorum\": 1,\n  \"id\": \"bench\",\n"
                         "  \"metadata\": { \"title\": \"Synthetic\" },\n"
                         "  \"versions\": [ { \"id\": \"en\", \"language\": \"en\" } ],\n"
                         "  \"paragraphs\": [\n");
  for (guint p = 0; p < n_paragraphs; p++)
    {
      g_string_append_printf (json, "    { \"id\": \"p%u\", \"kind\": \"body\", \"text\": { \"en\": \"", p);
      for (guint k = 0; k < MENTIONS_PER_PARAGRAPH; k++)
        g_string_append_printf (json, "Comrade Name%u Family%u said the plenum was held. ",
                                (p * 7 + k) % N_ENTITIES, (p * 7 + k) % N_ENTITIES);
      g_string_append_printf (json, "\" } }%s\n", p + 1 < n_paragraphs ? "," : "");
    }
  g_string_append (json, "  ],\n  \"entities\": [\n");
  for (guint e = 0; e < N_ENTITIES; e++)
    g_string_append_printf (json,
                            "    { \"id\": \"e%u\", \"kind\": \"person\", \"name\": \"Name%u Family%u\", "
                            "\"variants\": [ { \"form\": \"Name%u Family%u\", \"system\": \"rr\" }, "
                            "{ \"form\": \"Nam%u Famili%u\", \"system\": \"mr\" } ] }%s\n",
                            e, e, e, e, e, e, e, e + 1 < N_ENTITIES ? "," : "");
  g_string_append (json, "  ],\n  \"mentions\": [\n");
  for (guint p = 0; p < n_paragraphs && m < n_mentions; p++)
    {
      guint offset = 0;

      for (guint k = 0; k < MENTIONS_PER_PARAGRAPH && m < n_mentions; k++, m++)
        {
          guint e = (p * 7 + k) % N_ENTITIES;
          g_autofree char *name = g_strdup_printf ("Name%u Family%u", e, e);
          guint start = offset + strlen ("Comrade ");
          guint end = start + strlen (name);

          g_string_append_printf (json,
                                  "    { \"entity\": \"e%u\", \"paragraph\": \"p%u\", \"version\": \"en\", "
                                  "\"start\": %u, \"end\": %u }%s\n",
                                  e, p, start, end, m + 1 < n_mentions ? "," : "");
          offset = end + strlen (" said the plenum was held. ");
        }
    }
  g_string_append (json, "  ]\n}\n");

  return json;
}

/* What the loader does with a parsed tree, minus validation. */
static VrDocument *
build_model (JsonObject *root)
{
  VrDocument *document = vr_document_new ();
  JsonArray *array;

  _vr_document_begin_bulk (document);

  array = json_object_get_array_member (root, "versions");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      g_autoptr(VrVersion) version = vr_version_new (json_object_get_string_member (obj, "id"));

      vr_version_set_language (version, json_object_get_string_member (obj, "language"));
      vr_document_add_version (document, version);
    }

  array = json_object_get_array_member (root, "paragraphs");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      JsonObject *text = json_object_get_object_member (obj, "text");
      g_autoptr(VrParagraph) paragraph = vr_paragraph_new (json_object_get_string_member (obj, "id"));

      _vr_paragraph_set_kind_raw (paragraph, json_object_get_string_member (obj, "kind"));
      _vr_paragraph_take_text (paragraph, "en",
                               g_strdup (json_object_get_string_member (text, "en")), -1);
      vr_document_add_paragraph (document, paragraph);
    }

  array = json_object_get_array_member (root, "entities");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      JsonArray *variants = json_object_get_array_member (obj, "variants");
      g_autoptr(VrEntity) entity = vr_entity_new (json_object_get_string_member (obj, "id"),
                                                  VR_ENTITY_KIND_PERSON,
                                                  json_object_get_string_member (obj, "name"));

      _vr_entity_set_kind_raw (entity, json_object_get_string_member (obj, "kind"));
      for (guint j = 0; j < json_array_get_length (variants); j++)
        {
          JsonObject *vobj = json_array_get_object_element (variants, j);
          g_autoptr(VrVariant) variant = vr_variant_new (json_object_get_string_member (vobj, "form"),
                                                         VR_NAME_SYSTEM_OTHER);

          _vr_variant_set_system_raw (variant, json_object_get_string_member (vobj, "system"));
          vr_entity_add_variant (entity, variant);
        }
      vr_document_add_entity (document, entity);
    }

  array = json_object_get_array_member (root, "mentions");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      VrVersion *version = vr_document_lookup_version (document, json_object_get_string_member (obj, "version"));
      g_autoptr(VrMention) mention =
        _vr_mention_new_interned (vr_document_lookup_entity (document, json_object_get_string_member (obj, "entity")),
                                  vr_document_lookup_paragraph (document, json_object_get_string_member (obj, "paragraph")),
                                  vr_version_get_id (version),
                                  json_object_get_int_member (obj, "start"),
                                  json_object_get_int_member (obj, "end"));

      vr_document_add_mention (document, mention);
    }

  {
    gint64 t = g_get_monotonic_time ();

    _vr_document_end_bulk (document);
    end_bulk_s = (g_get_monotonic_time () - t) / 1e6;
  }

  return document;
}

int
main (int   argc,
      char *argv[])
{
  guint n_mentions = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 200000;
  g_autoptr(GString) json = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(VrDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  VrEntity *entity;
  g_autoptr(VrVariant) variant = NULL;
  gsize base_kb, parse_peak_kb, build_peak_kb, model_kb;
  gint64 t0, t1, t2;
  double parse_s, build_s;

  json = make_json (n_mentions);
  malloc_trim (0);
  base_kb = read_status_kb ("VmRSS:");
  reset_peak ();

  t0 = g_get_monotonic_time ();
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json->str, json->len, &error))
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  parse_peak_kb = read_status_kb ("VmHWM:") - base_kb;

  document = build_model (json_node_get_object (json_parser_get_root (parser)));
  t2 = g_get_monotonic_time ();
  build_peak_kb = read_status_kb ("VmHWM:") - base_kb;

  g_clear_object (&parser);
  malloc_trim (0);
  model_kb = read_status_kb ("VmRSS:") - base_kb;

  parse_s = (t1 - t0) / 1e6;
  build_s = (t2 - t1) / 1e6;
  entity = vr_document_lookup_entity (document, "e1");
  variant = g_list_model_get_item (vr_entity_get_variants (entity), 0);

  printf ("mentions:          %u (in model: %u; e1 has %u, its first variant counts %u)\n",
          n_mentions,
          g_list_model_get_n_items (vr_document_get_mentions (document)),
          vr_entity_get_mention_count (entity),
          vr_variant_get_count (variant));
  printf ("json size:         %.1f MB\n", json->len / 1e6);
  printf ("json-glib parse:   %.3f s, peak +%.1f MB\n", parse_s, parse_peak_kb / 1024.0);
  printf ("model from tree:   %.3f s, of which end_bulk %.3f s (%.2fx of parse for parse+model)\n",
          build_s, end_bulk_s, (parse_s + build_s) / parse_s);
  printf ("peak tree+model:   +%.1f MB (%.2fx of parse peak)\n",
          build_peak_kb / 1024.0, (double) build_peak_kb / parse_peak_kb);
  printf ("model alone:       +%.1f MB (%.0f bytes per mention)\n",
          model_kb / 1024.0, model_kb * 1024.0 / MAX (n_mentions, 1));

  /* Edits on the loaded document. */
  {
    GListModel *paragraphs = vr_document_get_paragraphs (document);
    guint n_paragraphs = g_list_model_get_n_items (paragraphs);
    guint n_found = 0;
    g_autoptr(VrParagraph) first = g_list_model_get_item (paragraphs, 0);
    g_autoptr(VrMention) mention = NULL;
    guint n_removed;
    gint64 t;

    t = g_get_monotonic_time ();
    for (guint i = 0; i < n_paragraphs; i++)
      {
        g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
        g_autoptr(GPtrArray) found = vr_document_get_paragraph_mentions (document, paragraph, "en");

        n_found += found->len;
      }
    printf ("paragraph mentions: all %u paragraphs in %.1f ms (%u mentions)\n",
            n_paragraphs, (g_get_monotonic_time () - t) / 1e3, n_found);

    mention = _vr_mention_new_interned (entity, first, g_intern_string ("en"), 8, 20);
    t = g_get_monotonic_time ();
    vr_document_add_mention (document, mention);
    printf ("add one mention:    %.3f ms\n", (g_get_monotonic_time () - t) / 1e3);
    t = g_get_monotonic_time ();
    vr_document_remove_mention (document, mention);
    printf ("remove one mention: %.3f ms\n", (g_get_monotonic_time () - t) / 1e3);

    /* A "Find mentions" result: many new mentions at once. */
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      VrEntity *other = vr_document_lookup_entity (document, "e2");

      for (guint i = 0; i < 5000; i++)
        {
          g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, (i * 5) % n_paragraphs);

          g_ptr_array_add (batch, _vr_mention_new_interned (other, paragraph, g_intern_string ("en"), 1, 4));
        }
      t = g_get_monotonic_time ();
      vr_document_add_mentions (document, batch);
      printf ("add 5000 mentions:  %.1f ms at once\n", (g_get_monotonic_time () - t) / 1e3);
    }

    n_removed = vr_entity_get_mention_count (entity);
    t = g_get_monotonic_time ();
    vr_document_remove_entity (document, entity);
    printf ("remove an entity:   %.1f ms (%u mentions)\n",
            (g_get_monotonic_time () - t) / 1e3, n_removed);
  }

  return 0;
}
