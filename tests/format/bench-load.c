/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-load"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vr-core.h"
#include "vr-json-check.h"

/* The load budget: at most 1.4× the time and 1.25× the peak memory of
 * json-glib's bare parse of the same bytes. Generates a ~30 MB document,
 * then measures each way of reading it in a child process of its own, so
 * that each peak RSS is clean.
 *
 *   bench-load [--mentions N] [--keep FILE]      run everything
 *   bench-load --child MODE FILE                 one measurement */

static const char *surnames[] = {
  "Kim", "Yun", "Choe", "Pak", "Ri", "Jeong", "So", "Han", "Kang", "Mun",
};
static const char *given[] = {
  "Gong-heum", "Kong-hum", "Chang-ik", "Il Sung", "Pil-gyu", "Hwi", "Sang-jin",
  "Tu-bong", "Yn Ho", "Dyun Tkhyak",
};

static void
append_escaped (GString    *s,
                const char *text)
{
  g_string_append_c (s, '"');
  g_string_append (s, text);
  g_string_append_c (s, '"');
}

static int
compare_uint (const void *a,
              const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static GString *
generate (guint n_mentions)
{
  const guint n_paragraphs = 4000;
  const guint n_entities = 1500;
  const guint text_chars = 900;
  GString *s = g_string_sized_new ((gsize) n_mentions * 120 + 8000000);
  GRand *rand = g_rand_new_with_seed (254);
  g_autofree char *text = NULL;
  GString *t = g_string_new (NULL);

  /* One paragraph text of exactly text_chars characters, names and Hangul. */
  while (g_utf8_strlen (t->str, -1) < text_chars)
    g_string_append_printf (t, "%s %s met 윤공흠 and Юн Кон Хым at the plenum. ",
                            surnames[g_utf8_strlen (t->str, -1) % 10],
                            given[t->len % 10]);
  text = g_utf8_substring (t->str, 0, text_chars);
  g_string_free (t, TRUE);

  g_string_append (s, "{\n  \"variorum\": 1,\n  \"id\": \"bench\",\n"
                      "  \"metadata\": {\"title\": \"Synthetic\", \"future\": {\"k\": [1, 2]}},\n"
                      "  \"versions\": [{\"id\": \"en\", \"language\": \"en\"}, "
                      "{\"id\": \"ru\", \"language\": \"ru\"}],\n  \"paragraphs\": [\n");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_string_append_printf (s, "    {\"id\": \"p%u\", \"kind\": \"body\", \"text\": {\"en\": ", i);
      append_escaped (s, text);
      if (i % 4 == 0)
        {
          g_string_append (s, ", \"ru\": ");
          append_escaped (s, text);
        }
      g_string_append_printf (s, "}%s}%s\n", i % 50 == 0 ? ", \"folio\": 12" : "",
                              i + 1 < n_paragraphs ? "," : "");
    }
  g_string_append (s, "  ],\n  \"entities\": [\n");
  for (guint i = 0; i < n_entities; i++)
    {
      const char *sur = surnames[i % 10];
      const char *giv = given[(i / 10) % 10];

      g_string_append_printf (s, "    {\"id\": \"e%u\", \"kind\": \"%s\", \"name\": \"%s %s %u\", "
                              "\"hangul\": \"윤공흠\", \"wikidata\": \"Q%u\", \"variants\": ["
                              "{\"form\": \"%s %s %u\", \"system\": \"rr\"}, "
                              "{\"form\": \"%s %s-%u\", \"system\": \"mr\", \"status\": \"suggested\"}, "
                              "{\"form\": \"[%s %s %u]\", \"system\": \"russian\", \"future\": true}]}%s\n",
                              i, i % 7 == 0 ? "place" : "person", sur, giv, i, 1000 + i,
                              sur, giv, i, sur, giv, i, sur, giv, i,
                              i + 1 < n_entities ? "," : "");
    }
  /* In document order (paragraph, version, start), as Variorum saves. */
  g_string_append (s, "  ],\n  \"mentions\": [\n");
  for (guint p = 0, i = 0; p < n_paragraphs; p++)
    {
      guint count = n_mentions / n_paragraphs + (p < n_mentions % n_paragraphs);
      guint starts[512];

      g_assert (count <= G_N_ELEMENTS (starts));
      for (guint k = 0; k < count; k++)
        starts[k] = g_rand_int_range (rand, 0, text_chars - 20);

      for (guint k = 0; k < count; k++, i++)
        {
          /* A quarter of the paragraphs have a Russian text too. */
          gboolean ru = p % 4 == 0 && k >= count / 2;
          guint lo = ru ? count / 2 : 0;
          guint hi = p % 4 == 0 && !ru ? count / 2 : count;
          guint start;

          if (k == lo)
            qsort (starts + lo, hi - lo, sizeof (guint), compare_uint);
          start = starts[k];
          g_string_append_printf (s, "    {\"entity\": \"e%u\", \"paragraph\": \"p%u\", "
                                  "\"version\": \"%s\", \"start\": %u, \"end\": %u%s%s}%s\n",
                                  g_rand_int_range (rand, 0, n_entities), p,
                                  ru ? "ru" : "en", start,
                                  start + g_rand_int_range (rand, 3, 20),
                                  i % 9 == 0 ? ", \"short\": true" : "",
                                  i % 10 == 0 ? ", \"confidence\": 0.9" : "",
                                  i + 1 < n_mentions ? "," : "");
        }
    }
  g_string_append (s, "  ],\n  \"annotations\": [],\n"
                      "  \"decisions\": [{\"a\": \"Yun Gong-heum\", \"b\": \"Yung Kong-hum\", "
                      "\"verdict\": \"same\"}],\n  \"future_top\": null\n}\n");

  g_rand_free (rand);
  return s;
}

static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Prints "WALL_SECONDS CPU_SECONDS PEAK_KB" for one way of reading @path.
 * The document or tree is still alive when the figures are taken. */
static int
run_child (const char *mode,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(VrDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 wall;
  double cpu;

  if (g_strcmp0 (mode, "load-file") != 0 &&
      !g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_static (data, length);

  wall = g_get_monotonic_time ();
  cpu = cpu_seconds ();

  if (g_strcmp0 (mode, "json-glib") == 0)
    {
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, data, length, &error))
        g_error ("%s", error->message);
    }
  else if (g_strcmp0 (mode, "check") == 0)
    {
      if (!_vr_json_check (data, length, path, VR_LOADER_MAX_DEPTH, NULL, &error))
        g_error ("%s", error->message);
    }
  else if (g_strcmp0 (mode, "load-bytes") == 0)
    {
      doc = vr_document_load_bytes (bytes, path, &error);
      if (doc == NULL)
        g_error ("%s", error->message);
    }
  else if (g_strcmp0 (mode, "load-file") == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      doc = vr_document_load_file (file, NULL, &error);
      if (doc == NULL)
        g_error ("%s", error->message);
    }
  else
    g_error ("unknown mode %s", mode);

  printf ("%.3f %.3f %" G_GUINT64_FORMAT "\n", (g_get_monotonic_time () - wall) / 1e6,
          cpu_seconds () - cpu, peak_rss_kb ());
  return 0;
}

static gboolean
measure (const char *self,
         const char *mode,
         const char *path,
         double     *wall,
         double     *cpu,
         guint64    *peak_kb)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "G_SLICE", "always-malloc", TRUE);
  const char *argv[] = { self, "--child", mode, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s: %s\n", mode, error ? error->message : "child failed");
      return FALSE;
    }
  return sscanf (out, "%lf %lf %" G_GUINT64_FORMAT, wall, cpu, peak_kb) == 3;
}

int
main (int    argc,
      char **argv)
{
  static const char *modes[] = { "json-glib", "check", "load-bytes", "load-file" };
  g_autofree char *keep = NULL;
  g_autofree char *child = NULL;
  int n_mentions = 280000;
  int runs = 3;
  GOptionEntry entries[] = {
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, "Measure one way (internal)", "MODE" },
    { "mentions", 0, 0, G_OPTION_ARG_INT, &n_mentions, "Mentions to generate", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each (best is kept)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the generated file as FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) doc = NULL;
  g_autofree char *path = NULL;
  double best_wall[G_N_ELEMENTS (modes)];
  double best_cpu[G_N_ELEMENTS (modes)];
  guint64 best_kb[G_N_ELEMENTS (modes)];
  int fd;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (child != NULL)
    return argc == 2 ? run_child (child, argv[1]) : 2;

  doc = generate (n_mentions);
  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      fd = g_file_open_tmp ("variorum-bench-XXXXXX.json", &path, &error);
      g_assert_no_error (error);
      close (fd);
    }
  g_file_set_contents (path, doc->str, doc->len, &error);
  g_assert_no_error (error);

  printf ("document: %.1f MB, %d mentions, 4000 paragraphs, 1500 entities (%s)\n",
          doc->len / 1e6, n_mentions, path);
  printf ("each figure: best of %d runs, each in its own process, G_SLICE=always-malloc\n",
          runs);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      best_wall[m] = best_cpu[m] = G_MAXDOUBLE;
      best_kb[m] = G_MAXUINT64;
      for (int r = 0; r < runs; r++)
        {
          double wall, cpu;
          guint64 kb;

          if (!measure (argv[0], modes[m], path, &wall, &cpu, &kb))
            return 1;
          best_wall[m] = MIN (best_wall[m], wall);
          best_cpu[m] = MIN (best_cpu[m], cpu);
          best_kb[m] = MIN (best_kb[m], kb);
        }
      printf ("  %-10s wall %7.3f s  cpu %7.3f s  %6.1f MB/s  peak RSS %7.1f MB\n",
              modes[m], best_wall[m], best_cpu[m], doc->len / 1e6 / best_wall[m],
              best_kb[m] / 1024.0);
    }

  for (guint m = 2; m < G_N_ELEMENTS (modes); m++)
    printf ("%-10s / json-glib: wall %.2f×, cpu %.2f× (budget 1.4×); peak RSS %.2f× "
            "(budget 1.25×)\n", modes[m], best_wall[m] / best_wall[0],
            best_cpu[m] / best_cpu[0], (double) best_kb[m] / best_kb[0]);

  if (keep == NULL)
    g_unlink (path);
  return 0;
}
