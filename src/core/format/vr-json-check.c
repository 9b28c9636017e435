/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-json-check"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vr-error.h"
#include "vr-json-check.h"

/* The checker is a flat state machine with an explicit stack: json-glib's
 * recursive parser crashes on deep nesting, so nothing here may recurse. */

#define SMALL_OBJECT_KEYS 16

typedef struct
{
  const char *str;
  gsize       len;
  char       *owned;  /* decoded copy when the key had escapes */
} KeyRef;

typedef struct
{
  const guchar  *start;
  const guchar  *end;
  const char    *name;
  guint          max_depth;
  guint          depth;
  guchar        *stack;      /* '{' or '[' per open container */
  guint         *key_base;   /* first index in keys of each open object */
  GHashTable   **key_sets;   /* for objects with many keys, else NULL */
  GArray        *keys;
} Checker;

/* 1 for bytes that end the fast path inside a string. */
static const guchar string_special[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* '"' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,   /* '\\' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

void
_vr_json_offset_to_line_col (const char *data,
                             gsize       offset,
                             guint      *line,
                             guint      *column)
{
  const char *p = data;
  const char *stop = data + offset;
  const char *line_start = data;
  guint n_line = 1;
  guint n_col = 1;

  for (;;)
    {
      const char *nl = memchr (p, '\n', stop - p);

      if (nl == NULL)
        break;
      n_line++;
      p = line_start = nl + 1;
    }

  /* Every byte before an error position is valid UTF-8, so counting the
   * bytes that start a character counts characters. */
  for (p = line_start; p < stop; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      n_col++;

  *line = n_line;
  *column = n_col;
}

/* Length of the valid UTF-8 sequence at @p, or 0 when it is invalid. */
static inline gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xBF;
  gsize n;

  if (c < 0x80)
    return 1;
  else if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  if ((gsize) (end - p) < n)
    return 0;
  if (p[1] < lo || p[1] > hi)
    return 0;
  for (gsize i = 2; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;

  return n;
}

/* A short description of what is at @p, for "found …". */
static char *
describe_at (Checker      *c,
             const guchar *p)
{
  gsize n;

  if (p >= c->end)
    return g_strdup ("the end of the file");

  if (*p == '/' && p + 1 < c->end && (p[1] == '*' || p[1] == '/'))
    return g_strdup ("a comment");
  if (*p == '\'')
    return g_strdup ("a single quote (“'”)");
  if (g_ascii_isalpha (*p) || *p == '_')
    {
      const guchar *q = p;

      while (q < c->end && q - p < 24 && (g_ascii_isalnum (*q) || *q == '_'))
        q++;
      return g_strdup_printf ("“%.*s”", (int) (q - p), (const char *) p);
    }
  if (*p < 0x20 || *p == 0x7F)
    return g_strdup_printf ("the control character U+%04X", *p);
  if (*p < 0x80)
    return g_strdup_printf ("“%c”", *p);

  n = utf8_sequence_length (p, c->end);
  if (n == 0)
    return g_strdup_printf ("the byte 0x%02X", *p);
  return g_strdup_printf ("“%.*s”", (int) n, (const char *) p);
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (Checker       *c,
         const guchar  *p,
         GError       **error,
         VrError        code,
         const char    *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  _vr_json_offset_to_line_col ((const char *) c->start, p - c->start,
                               &line, &column);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, VR_ERROR, code, "%s:%u:%u: %s",
               c->name, line, column, message);
  return FALSE;
}

static gboolean
fail_found (Checker       *c,
            const guchar  *p,
            GError       **error,
            const char    *expected)
{
  g_autofree char *found = NULL;

  /* A stray non-ASCII byte that is not UTF-8 is an encoding problem first. */
  if (p < c->end && *p >= 0x80 && utf8_sequence_length (p, c->end) == 0)
    return fail_at (c, p, error, VR_ERROR_ENCODING,
                    "found the byte 0x%02X, which is not valid UTF-8; "
                    "expected text encoded as UTF-8", *p);

  found = describe_at (c, p);
  return fail_at (c, p, error, VR_ERROR_SYNTAX,
                  "found %s; expected %s", found, expected);
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @p (which points at the
 * backslash); -1 when they are not four hex digits. */
static int
read_u_escape (Checker      *c,
               const guchar *p)
{
  int value = 0;

  if (c->end - p < 6)
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      value = (value << 4) | h;
    }
  return value;
}

/* Whether any byte of @w is 0, or below @n (at most 0x80): exact answers
 * about the word, though not about which byte. */
#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HAS_ZERO_BYTE(w) (((w) - ONES) & ~(w) & (ONES * 0x80))
#define HAS_BYTE_BELOW(w, n) (((w) - ONES * (n)) & ~(w) & (ONES * 0x80))

/* Scans the string whose opening quote is at *@pp; leaves *@pp after the
 * closing quote. */
static gboolean
scan_string (Checker       *c,
             const guchar **pp,
             gboolean      *has_escape,
             GError       **error)
{
  const guchar *open = *pp;
  const guchar *p = open + 1;
  const guchar *end = c->end;

  *has_escape = FALSE;

  for (;;)
    {
      /* Eight plain ASCII bytes at a time: none is '"', '\\', a control
       * character or the start of a multi-byte character. */
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, sizeof w);
          if ((HAS_ZERO_BYTE (w ^ (ONES * '"')) | HAS_ZERO_BYTE (w ^ (ONES * '\\')) |
               HAS_BYTE_BELOW (w, 0x20) | (w & (ONES * 0x80))) != 0)
            break;
          p += 8;
        }
      while (p < end && !string_special[*p])
        p++;

      if (p >= end)
        return fail_at (c, p, error, VR_ERROR_SYNTAX,
                        "found the end of the file inside a string; "
                        "expected a closing “\"”");

      if (*p == '"')
        {
          *pp = p + 1;
          return TRUE;
        }
      else if (*p == '\\')
        {
          int u, low;

          *has_escape = TRUE;
          if (p + 1 >= end)
            return fail_at (c, p, error, VR_ERROR_SYNTAX,
                            "found the end of the file inside an escape; "
                            "expected a closing “\"”");
          switch (p[1])
            {
            case '"': case '\\': case '/': case 'b':
            case 'f': case 'n': case 'r': case 't':
              p += 2;
              break;

            case 'u':
              u = read_u_escape (c, p);
              if (u < 0)
                return fail_at (c, p, error, VR_ERROR_SYNTAX,
                                "found an incomplete “\\u” escape; "
                                "expected “\\u” and four hex digits");
              if (u == 0)
                return fail_at (c, p, error, VR_ERROR_VALUE,
                                "found “\\u0000” (a NUL character) in a string; "
                                "expected text without NUL characters");
              if (u >= 0xDC00 && u <= 0xDFFF)
                return fail_at (c, p, error, VR_ERROR_SYNTAX,
                                "found a lone low surrogate “\\u%04X”; expected "
                                "a high surrogate escape before it", u);
              if (u >= 0xD800 && u <= 0xDBFF)
                {
                  if (p + 6 < end && p[6] == '\\' && p + 7 < end && p[7] == 'u')
                    low = read_u_escape (c, p + 6);
                  else
                    low = -1;
                  if (low < 0xDC00 || low > 0xDFFF)
                    return fail_at (c, p, error, VR_ERROR_SYNTAX,
                                    "found a lone high surrogate “\\u%04X”; "
                                    "expected a low surrogate escape "
                                    "(“\\uDC00” to “\\uDFFF”) after it", u);
                  p += 12;
                }
              else
                p += 6;
              break;

            default:
              {
                gsize n = p[1] < 0x20 ? 0 : utf8_sequence_length (p + 1, end);

                return fail_at (c, p, error, VR_ERROR_SYNTAX,
                                "found the escape “\\%.*s”; expected one of "
                                "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                                (int) n, (const char *) p + 1);
              }
            }
        }
      else if (*p == '\n')
        {
          return fail_at (c, p, error, VR_ERROR_SYNTAX,
                          "found the end of the line inside a string; "
                          "expected a closing “\"” (a line break in text is “\\n”)");
        }
      else if (*p < 0x20)
        {
          return fail_at (c, p, error, VR_ERROR_SYNTAX,
                          "found the control character U+%04X in a string; "
                          "expected it escaped (as “\\u%04X”)", *p, *p);
        }
      else
        {
          gsize n = utf8_sequence_length (p, end);

          if (n == 0)
            return fail_at (c, p, error, VR_ERROR_ENCODING,
                            "found the byte 0x%02X, which is not valid UTF-8; "
                            "expected text encoded as UTF-8", *p);
          p += n;
        }
    }
}

/* The key between the quotes at [@s, @e), escapes resolved. The checker
 * has already validated it. */
static char *
decode_key (const guchar *s,
            const guchar *e)
{
  GString *out = g_string_sized_new (e - s);

  while (s < e)
    {
      if (*s != '\\')
        {
          g_string_append_c (out, *s);
          s++;
          continue;
        }
      switch (s[1])
        {
        case 'b': g_string_append_c (out, '\b'); s += 2; break;
        case 'f': g_string_append_c (out, '\f'); s += 2; break;
        case 'n': g_string_append_c (out, '\n'); s += 2; break;
        case 'r': g_string_append_c (out, '\r'); s += 2; break;
        case 't': g_string_append_c (out, '\t'); s += 2; break;
        case 'u':
          {
            gunichar u = 0;

            for (int i = 2; i < 6; i++)
              u = (u << 4) | hex_value (s[i]);
            s += 6;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low = 0;

                for (int i = 2; i < 6; i++)
                  low = (low << 4) | hex_value (s[i]);
                s += 6;
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (out, u);
          }
          break;
        default:
          g_string_append_c (out, s[1]);
          s += 2;
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static void
pop_object_keys (Checker *c)
{
  guint base = c->key_base[c->depth];

  for (guint i = base; i < c->keys->len; i++)
    g_free (g_array_index (c->keys, KeyRef, i).owned);
  g_array_set_size (c->keys, base);
  g_clear_pointer (&c->key_sets[c->depth], g_hash_table_unref);
}

/* Records the key at [@s, @e) (between the quotes) in the innermost object;
 * FALSE when the object already has it. */
static gboolean
add_key (Checker      *c,
         const guchar *s,
         const guchar *e,
         gboolean      has_escape,
         char        **out_key)
{
  guint base = c->key_base[c->depth];
  GHashTable *set = c->key_sets[c->depth];
  KeyRef ref = { (const char *) s, e - s, NULL };

  if (has_escape)
    {
      ref.owned = decode_key (s, e);
      ref.str = ref.owned;
      ref.len = strlen (ref.owned);
    }

  if (set != NULL)
    {
      char *key = g_strndup (ref.str, ref.len);

      g_free (ref.owned);
      if (!g_hash_table_add (set, key))
        {
          *out_key = g_strdup (key);
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = base; i < c->keys->len; i++)
    {
      const KeyRef *other = &g_array_index (c->keys, KeyRef, i);

      if (other->len == ref.len && memcmp (other->str, ref.str, ref.len) == 0)
        {
          *out_key = g_strndup (ref.str, ref.len);
          g_free (ref.owned);
          return FALSE;
        }
    }

  g_array_append_val (c->keys, ref);

  /* Past a handful of keys, linear search would make the check quadratic. */
  if (c->keys->len - base > SMALL_OBJECT_KEYS)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = base; i < c->keys->len; i++)
        {
          KeyRef *k = &g_array_index (c->keys, KeyRef, i);

          g_hash_table_add (set, g_strndup (k->str, k->len));
          g_free (k->owned);
        }
      g_array_set_size (c->keys, base);
      c->key_sets[c->depth] = set;
    }

  return TRUE;
}

static gboolean
scan_number (Checker       *c,
             const guchar **pp,
             GError       **error)
{
  const guchar *s = *pp;
  const guchar *p = s;
  const guchar *end = c->end;
  gboolean negative = FALSE;
  gboolean is_integer = TRUE;
  const guchar *digits;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;

  if (p >= end || !g_ascii_isdigit (*p))
    return fail_found (c, p, error, "a digit after “-”");

  if (*p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return fail_at (c, p, error, VR_ERROR_SYNTAX,
                        "found a digit after a leading zero; "
                        "expected a number without leading zeros");
    }
  else
    {
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && *p == '.')
    {
      p++;
      is_integer = FALSE;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail_found (c, p, error, "a digit after the decimal point");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      is_integer = FALSE;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail_found (c, p, error, "a digit in the exponent");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (is_integer)
    {
      static const char max_positive[] = "9223372036854775807";
      static const char max_negative[] = "9223372036854775808";
      gsize n_digits = p - digits;

      if (n_digits > 19 ||
          (n_digits == 19 &&
           memcmp (digits, negative ? max_negative : max_positive, 19) > 0))
        return fail_at (c, s, error, VR_ERROR_VALUE,
                        "found the integer %.*s%s, which is out of range; "
                        "expected an integer from -9223372036854775808 to "
                        "9223372036854775807",
                        (int) MIN (p - s, 40), (const char *) s,
                        p - s > 40 ? "…" : "");
    }
  else
    {
      char buf[64];
      g_autofree char *heap = NULL;
      const char *text;
      gsize n = p - s;
      double value;

      if (n < sizeof buf)
        {
          memcpy (buf, s, n);
          buf[n] = '\0';
          text = buf;
        }
      else
        text = heap = g_strndup ((const char *) s, n);

      value = g_ascii_strtod (text, NULL);
      if (isinf (value))
        return fail_at (c, s, error, VR_ERROR_VALUE,
                        "found the number %.*s%s, which is too large; "
                        "expected a number within the range of a double "
                        "(about ±1.8e308)",
                        (int) MIN (n, 40), (const char *) s,
                        n > 40 ? "…" : "");
    }

  *pp = p;
  return TRUE;
}

static gboolean
scan_literal (Checker       *c,
              const guchar **pp,
              GError       **error)
{
  static const char *const words[] = { "true", "false", "null" };
  const guchar *p = *pp;
  gsize left = c->end - p;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if (left >= n && memcmp (p, words[i], n) == 0)
        {
          /* "nullx" or "true1" are one bad word, not a literal and junk. */
          if (left > n && (g_ascii_isalnum (p[n]) || p[n] == '_'))
            break;
          *pp = p + n;
          return TRUE;
        }
    }

  return fail_found (c, p, error, "a value (a string, number, object, array, "
                     "true, false or null)");
}

static inline void
close_span (GArray *arrays,
            gsize   close,
            gsize   n_values)
{
  VrJsonArraySpan *span = &g_array_index (arrays, VrJsonArraySpan, arrays->len - 1);

  span->close = close;
  span->values_before_close = n_values;
}

#define SKIP_WS(p, end) \
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++

gboolean
_vr_json_check (const char  *data,
                gsize        length,
                const char  *display_name,
                guint        max_depth,
                gsize       *out_skip,
                GError     **error)
{
  return _vr_json_check_layout (data, length, display_name, max_depth, 0,
                                NULL, out_skip, error);
}

void
_vr_json_layout_clear (VrJsonLayout *layout)
{
  g_clear_pointer (&layout->arrays, g_array_unref);
  g_clear_pointer (&layout->cuts, g_array_unref);
}

gboolean
_vr_json_check_layout (const char    *data,
                       gsize          length,
                       const char    *display_name,
                       guint          max_depth,
                       gsize          cut_interval,
                       VrJsonLayout  *layout,
                       gsize         *out_skip,
                       GError       **error)
{
  Checker c = { 0, };
  const guchar *p;
  const guchar *end;
  const guchar *base = (const guchar *) data;
  gboolean after_comma = FALSE;
  gboolean ok = FALSE;
  gboolean top_key = FALSE;
  const guchar *key_at = NULL;
  gsize key_len = 0;
  GArray *arrays = NULL;
  GArray *cuts = NULL;
  gsize next_cut = cut_interval;
  gsize n_values = 0;
  gsize skip = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  /* An empty GBytes has no data at all, and NULL + 0 is undefined. */
  if (data == NULL)
    data = "";

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;

  c.start = (const guchar *) data + skip;
  c.end = end = (const guchar *) data + length;
  c.name = display_name;
  c.max_depth = max_depth;
  c.stack = g_new (guchar, max_depth + 1);
  c.key_base = g_new0 (guint, max_depth + 1);
  c.key_sets = g_new0 (GHashTable *, max_depth + 1);
  c.keys = g_array_sized_new (FALSE, FALSE, sizeof (KeyRef), 64);
  if (layout != NULL)
    {
      arrays = g_array_new (FALSE, FALSE, sizeof (VrJsonArraySpan));
      cuts = g_array_new (FALSE, FALSE, sizeof (VrJsonCut));
    }

  p = c.start;
  SKIP_WS (p, end);
  if (p >= end)
    {
      g_set_error (error, VR_ERROR, VR_ERROR_EMPTY,
                   "%s: the file is empty; expected a JSON object",
                   display_name);
      goto out;
    }

value:
  if (p >= end)
    {
      fail_found (&c, p, error, "a value");
      goto out;
    }
  n_values++;
  if (G_UNLIKELY (top_key))
    {
      top_key = FALSE;
      if (*p == '[' && arrays != NULL)
        {
          VrJsonArraySpan span = { key_at - base, key_len, p - base, 0, 0 };

          g_array_append_val (arrays, span);
        }
    }
  switch (*p)
    {
    case '{':
    case '[':
      if (c.depth >= max_depth)
        {
          fail_at (&c, p, error, VR_ERROR_TOO_DEEP,
                   "found arrays and objects nested more than %u deep; "
                   "expected at most %u levels of nesting",
                   max_depth, max_depth);
          goto out;
        }
      c.depth++;
      c.stack[c.depth] = *p;
      if (*p == '{')
        c.key_base[c.depth] = c.keys->len;
      p++;
      SKIP_WS (p, end);
      if (c.stack[c.depth] == '{')
        {
          if (p < end && *p == '}')
            {
              p++;
              pop_object_keys (&c);
              c.depth--;
              goto after_value;
            }
          after_comma = FALSE;
          goto key;
        }
      if (p < end && *p == ']')
        {
          if (G_UNLIKELY (c.depth == 2) && c.stack[1] == '{' && arrays != NULL)
            close_span (arrays, p - base, n_values);
          p++;
          c.depth--;
          goto after_value;
        }
      after_comma = FALSE;
      goto value;

    case '"':
      {
        gboolean has_escape;

        if (!scan_string (&c, &p, &has_escape, error))
          goto out;
      }
      goto after_value;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!scan_number (&c, &p, error))
        goto out;
      goto after_value;

    default:
      if (after_comma && *p == ']')
        {
          fail_at (&c, p, error, VR_ERROR_SYNTAX,
                   "found “]” after “,”; expected another value "
                   "(JSON allows no trailing comma)");
          goto out;
        }
      if (*p == '}' || *p == ']' || *p == ',' || *p == ':')
        {
          fail_found (&c, p, error, "a value");
          goto out;
        }
      if (!scan_literal (&c, &p, error))
        goto out;
      goto after_value;
    }

key:
  if (p >= end || *p != '"')
    {
      if (after_comma && p < end && *p == '}')
        fail_at (&c, p, error, VR_ERROR_SYNTAX,
                 "found “}” after “,”; expected another key "
                 "(JSON allows no trailing comma)");
      else
        fail_found (&c, p, error, "a key in double quotes");
      goto out;
    }
  {
    const guchar *open = p;
    gboolean has_escape;
    char *dup = NULL;

    if (!scan_string (&c, &p, &has_escape, error))
      goto out;
    if (!add_key (&c, open + 1, p - 1, has_escape, &dup))
      {
        fail_at (&c, open, error, VR_ERROR_DUPLICATE,
                 "found the key “%s” a second time in one object; "
                 "expected each key at most once", dup);
        g_free (dup);
        goto out;
      }
    if (c.depth == 1)
      {
        top_key = TRUE;
        key_at = open + 1;
        key_len = p - 1 - key_at;
      }
  }
  SKIP_WS (p, end);
  if (p >= end || *p != ':')
    {
      fail_found (&c, p, error, "“:” after the key");
      goto out;
    }
  p++;
  SKIP_WS (p, end);
  after_comma = FALSE;
  if (p >= end)
    {
      fail_found (&c, p, error, "a value");
      goto out;
    }
  goto value;

after_value:
  SKIP_WS (p, end);
  if (c.depth == 0)
    {
      if (p < end)
        {
          fail_found (&c, p, error, "nothing more after the end of the "
                      "top-level value");
          goto out;
        }
      ok = TRUE;
      goto out;
    }
  if (p >= end)
    {
      fail_at (&c, p, error, VR_ERROR_SYNTAX,
               "found the end of the file; expected “%s” to close the %s",
               c.stack[c.depth] == '{' ? "}" : "]",
               c.stack[c.depth] == '{' ? "object" : "array");
      goto out;
    }
  if (*p == ',')
    {
      const guchar *comma = p;

      p++;
      SKIP_WS (p, end);
      after_comma = TRUE;
      if (G_UNLIKELY (c.depth == 2) && cut_interval != 0 && cuts != NULL &&
          c.stack[1] == '{' && c.stack[2] == '[' && (gsize) (p - base) >= next_cut)
        {
          VrJsonCut cut = { comma - base, p - base, arrays->len - 1, n_values };

          g_array_append_val (cuts, cut);
          next_cut = ((p - base) / cut_interval + 1) * cut_interval;
        }
      if (p >= end)
        {
          fail_found (&c, p, error, "a value");
          goto out;
        }
      if (c.stack[c.depth] == '{')
        goto key;
      goto value;
    }
  if (c.stack[c.depth] == '{')
    {
      if (*p != '}')
        {
          fail_found (&c, p, error, "“,” or “}”");
          goto out;
        }
      pop_object_keys (&c);
    }
  else if (*p != ']')
    {
      fail_found (&c, p, error, "“,” or “]”");
      goto out;
    }
  else if (G_UNLIKELY (c.depth == 2) && c.stack[1] == '{' && arrays != NULL)
    close_span (arrays, p - base, n_values);
  p++;
  c.depth--;
  goto after_value;

out:
  while (c.depth > 0)
    {
      if (c.stack[c.depth] == '{')
        pop_object_keys (&c);
      c.depth--;
    }
  g_array_unref (c.keys);
  g_free (c.key_sets);
  g_free (c.key_base);
  g_free (c.stack);

  if (ok && out_skip != NULL)
    *out_skip = skip;
  if (layout != NULL)
    {
      if (ok)
        {
          layout->arrays = arrays;
          layout->cuts = cuts;
          layout->n_values = n_values;
        }
      else
        {
          g_array_unref (arrays);
          g_array_unref (cuts);
          layout->arrays = layout->cuts = NULL;
          layout->n_values = 0;
        }
    }

  return ok;
}
