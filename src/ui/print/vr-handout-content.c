/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-handout"

#include "config.h"

#include <glib/gi18n.h>

#include "vr-citation.h"
#include "vr-handout-private.h"

/* What a handout shows, as blocks of Pango layouts in points; the
 * pagination and drawing in vr-handout.c place them on pages. */

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->number);
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block);
}

/* ---- Text helpers ---- */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Text from a document is untrusted: Pango refuses invalid UTF-8 with a
 * warning, so it is repaired before it gets there. */
void
_vr_handout_append_text (GString    *str,
                         const char *text)
{
  if (text == NULL)
    return;

  if (g_utf8_validate (text, -1, NULL))
    {
      g_string_append (str, text);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_string_append (str, valid);
    }
}

static void
add_attr (PangoAttrList  *attrs,
          PangoAttribute *attr,
          gsize           start,
          gsize           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

PangoFontDescription *
_vr_handout_make_font (const char  *families,
                       double       size,
                       PangoWeight  weight,
                       PangoStyle   style)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, families);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);

  return desc;
}

/* ---- Building the blocks ---- */

typedef struct
{
  VrHandout *self;
  double     width;     /* of the text column */
  double     size;      /* body font size */
} Builder;

static Block *
builder_add (Builder              *b,
             GString              *text,
             PangoAttrList        *attrs,
             PangoFontDescription *font,
             double                x,
             double                space_before,
             double                space_after)
{
  Block *block = g_new0 (Block, 1);

  block->layout = pango_layout_new (b->self->context);
  pango_layout_set_font_description (block->layout, font);
  pango_layout_set_width (block->layout, (int) ((b->width - x) * PANGO_SCALE));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (block->layout, text->str, (int) text->len);
  if (attrs != NULL)
    pango_layout_set_attributes (block->layout, attrs);
  block->x = x;
  block->space_before = space_before;
  block->space_after = space_after;
  block->paragraph = -1;
  block->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));

  g_ptr_array_add (b->self->blocks, block);

  /* The caller sets alignment, indent and tabs, then measures the lines
   * with builder_measure (). */
  return block;
}

static void
builder_measure (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  g_array_set_size (block->lines, 0);

  do
    {
      PangoRectangle logical;
      LineInfo info;
      int y0, y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      info.x = (double) logical.x / PANGO_SCALE;
      info.top = (double) y0 / PANGO_SCALE;
      info.bottom = (double) y1 / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (block->lines, info);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* A row of the metadata block: the label in bold, the value after a tab,
 * wrapped lines hanging under the value. */
static void
add_field_row (Builder    *b,
               const char *label,
               const char *value,
               double      label_width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoFontDescription) font = NULL;
  PangoTabArray *tabs;
  double size = b->size * 0.85;
  Block *block;

  if (is_blank (value))
    return;

  _vr_handout_append_text (text, label);
  add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);
  g_string_append_c (text, '\t');
  _vr_handout_append_text (text, value);

  font = _vr_handout_make_font (SANS_FAMILIES, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  block = builder_add (b, text, attrs, font, 0, size * 0.2, 0);

  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, (int) label_width);
  pango_layout_set_tabs (block->layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_indent (block->layout, (int) (-label_width * PANGO_SCALE));
  builder_measure (block);
}

static char *
join_names (const char * const *names)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (is_blank (names[i]))
        continue;
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, names[i]);
    }

  if (str->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
add_front_matter (Builder *b)
{
  VrDocument *document = b->self->document;
  VrMetadata *metadata = vr_document_get_metadata (document);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autoptr(PangoFontDescription) summary_font = NULL;
  g_autofree char *date = NULL;
  g_autofree char *authors = NULL;
  g_autofree char *recipients = NULL;
  g_autofree char *correspondents = NULL;
  g_autofree char *citation = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PangoFontDescription) label_font = NULL;
  g_autoptr(PangoLayout) measure = NULL;
  double label_width = 0;
  const char *summary;
  GListModel *fields;
  Block *block;

  _vr_handout_append_text (text, vr_document_get_title (document));
  title_font = _vr_handout_make_font (SERIF_FAMILIES, b->size * 1.6, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  block = builder_add (b, text, NULL, title_font, 0, 0, b->size * 0.6);
  pango_layout_set_spacing (block->layout, (int) (b->size * 0.15 * PANGO_SCALE));
  builder_measure (block);

  summary = vr_metadata_get_summary (metadata);
  if (!is_blank (summary))
    {
      g_string_truncate (text, 0);
      _vr_handout_append_text (text, summary);
      summary_font = _vr_handout_make_font (SERIF_FAMILIES, b->size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
      block = builder_add (b, text, NULL, summary_font, 0, 0, b->size * 0.6);
      builder_measure (block);
    }

  date = vr_citation_format_date (vr_metadata_get_date (metadata));
  authors = join_names (vr_metadata_get_authors (metadata));
  recipients = join_names (vr_metadata_get_recipients (metadata));
  if (authors != NULL || recipients != NULL)
    correspondents = g_strdup_printf ("%s → %s",
                                      authors ? authors : "?",
                                      recipients ? recipients : "?");

  citation = vr_citation_format_note (metadata);

  rows = g_ptr_array_new ();
  g_ptr_array_add (rows, (gpointer) _("Date"));
  g_ptr_array_add (rows, date);
  g_ptr_array_add (rows, (gpointer) _("Classification"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_classification (metadata));
  g_ptr_array_add (rows, (gpointer) _("From → To"));
  g_ptr_array_add (rows, correspondents);
  g_ptr_array_add (rows, (gpointer) _("Archive"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_archive (metadata));
  g_ptr_array_add (rows, (gpointer) _("Location"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_archive_location (metadata));
  g_ptr_array_add (rows, (gpointer) _("Repository"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_repository (metadata));
  g_ptr_array_add (rows, (gpointer) _("Translator"));
  g_ptr_array_add (rows, (gpointer) vr_metadata_get_translator (metadata));

  fields = vr_metadata_get_fields (metadata);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      VrField *field = g_list_model_get_item (fields, i);

      /* The metadata owns its fields; the pointers outlive this loop. */
      g_ptr_array_add (rows, (gpointer) vr_field_get_label (field));
      g_ptr_array_add (rows, (gpointer) vr_field_get_value (field));
      g_object_unref (field);
    }

  g_ptr_array_add (rows, (gpointer) _("Cite as"));
  g_ptr_array_add (rows, citation);

  /* The values line up after the widest label, within reason. */
  label_font = _vr_handout_make_font (SANS_FAMILIES, b->size * 0.85, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  measure = pango_layout_new (b->self->context);
  pango_layout_set_font_description (measure, label_font);
  for (guint i = 0; i < rows->len; i += 2)
    {
      g_autoptr(GString) label = g_string_new (NULL);
      int w;

      if (is_blank (g_ptr_array_index (rows, i + 1)))
        continue;
      _vr_handout_append_text (label, g_ptr_array_index (rows, i));
      pango_layout_set_text (measure, label->str, (int) label->len);
      pango_layout_get_size (measure, &w, NULL);
      label_width = MAX (label_width, (double) w / PANGO_SCALE);
    }
  label_width = MIN (label_width + b->size, b->width * 0.35);

  for (guint i = 0; i < rows->len; i += 2)
    add_field_row (b, g_ptr_array_index (rows, i), g_ptr_array_index (rows, i + 1), label_width);
}

/* Byte offset of character @offset, clamped to the text. */
static gsize
char_to_byte (const char *text,
              glong       n_chars,
              guint       offset)
{
  if (offset > n_chars)
    offset = n_chars;
  return g_utf8_offset_to_pointer (text, offset) - text;
}

/* People in bold, uncertain (bracketed, back-transliterated) forms in
 * italics, annotated ranges underlined. Attributes by character range: the
 * text itself never passes through markup. */
static PangoAttrList *
paragraph_attributes (Builder     *b,
                      VrParagraph *paragraph,
                      const char  *version_id,
                      const char  *text)
{
  VrDocument *document = b->self->document;
  g_autoptr(GPtrArray) mentions = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  glong n_chars = g_utf8_strlen (text, -1);

  mentions = vr_document_get_paragraph_mentions (document, paragraph, version_id);
  if (mentions != NULL)
    {
      for (guint i = 0; i < mentions->len; i++)
        {
          VrMention *mention = g_ptr_array_index (mentions, i);
          VrEntity *entity = vr_mention_get_entity (mention);
          gsize start = char_to_byte (text, n_chars, vr_mention_get_start (mention));
          gsize end = char_to_byte (text, n_chars, vr_mention_get_end (mention));

          if (start >= end)
            continue;

          if (entity != NULL && vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON)
            add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
          if (vr_mention_get_uncertain (mention))
            add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
        }
    }

  if (b->self->include_notes)
    {
      g_autoptr(GPtrArray) notes = vr_document_get_paragraph_annotations (document, paragraph, version_id);

      for (guint i = 0; notes != NULL && i < notes->len; i++)
        {
          VrAnnotation *note = g_ptr_array_index (notes, i);
          gsize start = char_to_byte (text, n_chars, vr_annotation_get_start (note));
          gsize end = char_to_byte (text, n_chars, vr_annotation_get_end (note));

          if (start < end)
            add_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start, end);
        }
    }

  return attrs;
}

static void
add_paragraphs (Builder    *b,
                const char *version_id)
{
  GListModel *paragraphs = vr_document_get_paragraphs (b->self->document);
  g_autoptr(PangoFontDescription) body_font = NULL;
  g_autoptr(PangoFontDescription) heading_font = NULL;
  g_autoptr(PangoFontDescription) closing_font = NULL;
  g_autoptr(PangoFontDescription) number_font = NULL;
  VrParagraphKind previous = VR_PARAGRAPH_KIND_BODY;
  gboolean first = TRUE;

  body_font = _vr_handout_make_font (SERIF_FAMILIES, b->size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  heading_font = _vr_handout_make_font (SANS_FAMILIES, b->size * 0.95, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  closing_font = _vr_handout_make_font (SERIF_FAMILIES, b->size * 0.9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  number_font = _vr_handout_make_font (SANS_FAMILIES, b->size * 0.7, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(VrParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) number = g_string_new (NULL);
      g_autoptr(PangoAttrList) attrs = NULL;
      VrParagraphKind kind = vr_paragraph_get_kind (paragraph);
      PangoFontDescription *font = body_font;
      double x = 0, before = b->size * 0.5, after = 0;
      Block *block;

      _vr_handout_append_text (text, vr_paragraph_get_text (paragraph, version_id));
      attrs = paragraph_attributes (b, paragraph, version_id, text->str);

      switch (kind)
        {
        case VR_PARAGRAPH_KIND_HEADING:
          font = heading_font;
          before = previous == VR_PARAGRAPH_KIND_HEADING ? b->size * 0.15 : b->size;
          break;

        case VR_PARAGRAPH_KIND_CLOSING:
          font = closing_font;
          x = b->size * 2;
          before = previous == VR_PARAGRAPH_KIND_CLOSING ? b->size * 0.1 : b->size * 1.5;
          break;

        case VR_PARAGRAPH_KIND_NOTE:
          font = closing_font;
          x = b->size * 2;
          break;

        case VR_PARAGRAPH_KIND_BODY:
        default:
          if (previous != VR_PARAGRAPH_KIND_BODY)
            before = b->size;
          break;
        }

      if (first)
        before = b->size * 1.5;

      block = builder_add (b, text, attrs, font, x, before, after);
      block->paragraph = (int) i;
      block->rule_above = first;
      block->keep_with_next = kind == VR_PARAGRAPH_KIND_HEADING;
      if (kind == VR_PARAGRAPH_KIND_BODY)
        pango_layout_set_justify (block->layout, TRUE);
      pango_layout_set_spacing (block->layout, (int) (b->size * 0.2 * PANGO_SCALE));
      builder_measure (block);

      g_string_printf (number, "%u", i + 1);
      block->number = pango_layout_new (b->self->context);
      pango_layout_set_font_description (block->number, number_font);
      pango_layout_set_text (block->number, number->str, -1);

      previous = kind;
      first = FALSE;
    }
}

static void
add_heading (Builder    *b,
             const char *title)
{
  g_autoptr(GString) text = g_string_new (title);
  g_autoptr(PangoFontDescription) font = NULL;
  Block *block;

  font = _vr_handout_make_font (SANS_FAMILIES, b->size * 1.2, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  block = builder_add (b, text, NULL, font, 0, b->size * 2.5, b->size * 0.3);
  block->keep_with_next = TRUE;
  block->rule_above = TRUE;
  builder_measure (block);
}

static void
add_note_line (Builder    *b,
               const char *line)
{
  g_autoptr(GString) text = g_string_new (line);
  g_autoptr(PangoFontDescription) font = NULL;
  Block *block;

  font = _vr_handout_make_font (SERIF_FAMILIES, b->size * 0.85, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  block = builder_add (b, text, NULL, font, 0, b->size * 0.2, b->size * 0.3);
  builder_measure (block);
}

static int
compare_entities_by_name (gconstpointer a,
                          gconstpointer b)
{
  VrEntity *ea = *(VrEntity **) a;
  VrEntity *eb = *(VrEntity **) b;
  const char *na = vr_entity_get_name (ea);
  const char *nb = vr_entity_get_name (eb);

  return g_utf8_collate (na ? na : "", nb ? nb : "");
}

static void
add_person (Builder  *b,
            VrEntity *entity)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) small_font = NULL;
  g_autoptr(GString) originals = g_string_new (NULL);
  GListModel *variants = vr_entity_get_variants (entity);
  const char *forms[3];
  const char *description;
  guint n_mentions = vr_entity_get_mention_count (entity);
  g_autoptr(PangoAttrList) variant_attrs = pango_attr_list_new ();
  g_autoptr(GString) variant_text = g_string_new (NULL);
  PangoTabArray *tabs;
  Block *block;

  font = _vr_handout_make_font (SERIF_FAMILIES, b->size * 0.95, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  small_font = _vr_handout_make_font (SANS_FAMILIES, b->size * 0.8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  _vr_handout_append_text (text, vr_entity_get_name (entity));
  add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);

  forms[0] = vr_entity_get_hangul (entity);
  forms[1] = vr_entity_get_hanja (entity);
  forms[2] = vr_entity_get_cyrillic (entity);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (is_blank (forms[i]))
        continue;
      if (originals->len > 0)
        g_string_append (originals, ", ");
      _vr_handout_append_text (originals, forms[i]);
    }
  if (originals->len > 0)
    g_string_append_printf (text, "  %s", originals->str);

  g_string_append (text, "  ·  ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", n_mentions), n_mentions);

  description = vr_entity_get_description (entity);
  if (!is_blank (description))
    {
      gsize start;

      g_string_append_c (text, '\n');
      start = text->len;
      _vr_handout_append_text (text, description);
      add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, text->len);
      add_attr (attrs, pango_attr_scale_new (0.9), start, text->len);
    }

  block = builder_add (b, text, attrs, font, 0, b->size * 0.7, b->size * 0.15);
  block->keep_with_next = g_list_model_get_n_items (variants) > 0;
  builder_measure (block);

  /* One line per spelling: form, system, count, and the status when it is
   * not settled. */
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(VrVariant) variant = g_list_model_get_item (variants, i);
      VrVariantStatus status = vr_variant_get_status (variant);
      guint count = vr_variant_get_count (variant);
      gsize start = variant_text->len;

      if (i > 0)
        {
          g_string_append_c (variant_text, '\n');
          start = variant_text->len;
        }
      _vr_handout_append_text (variant_text, vr_variant_get_form (variant));
      add_attr (variant_attrs, pango_attr_family_new (SERIF_FAMILIES), start, variant_text->len);
      add_attr (variant_attrs, pango_attr_scale_new (1.1), start, variant_text->len);
      if (vr_variant_get_system (variant) == VR_NAME_SYSTEM_TRANSLATOR ||
          vr_variant_get_system (variant) == VR_NAME_SYSTEM_RUSSIAN)
        add_attr (variant_attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, variant_text->len);
      g_string_append_c (variant_text, '\t');
      g_string_append (variant_text, vr_name_system_get_label (vr_variant_get_system (variant)));
      g_string_append_c (variant_text, '\t');
      g_string_append_printf (variant_text, "%u×", count);
      if (status != VR_VARIANT_STATUS_CONFIRMED)
        g_string_append_printf (variant_text, "\t%s", vr_variant_status_get_label (status));
    }

  if (variant_text->len > 0)
    {
      double indent = b->size * 1.5;
      double column = (b->width - indent) * 0.42;

      block = builder_add (b, variant_text, variant_attrs, small_font, indent, 0, 0);
      tabs = pango_tab_array_new_with_positions (3, TRUE,
                                                 PANGO_TAB_LEFT, (int) column,
                                                 PANGO_TAB_LEFT, (int) (column * 1.85),
                                                 PANGO_TAB_LEFT, (int) (column * 2.1));
      pango_layout_set_tabs (block->layout, tabs);
      pango_tab_array_free (tabs);
      builder_measure (block);
    }
}

static void
add_people_appendix (Builder *b)
{
  GListModel *entities = vr_document_get_entities (b->self->document);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      VrEntity *entity = g_list_model_get_item (entities, i);

      if (vr_entity_get_kind (entity) == VR_ENTITY_KIND_PERSON)
        g_ptr_array_add (people, entity);
      else
        g_object_unref (entity);
    }

  add_heading (b, _("People and Their Spellings"));

  if (people->len == 0)
    {
      add_note_line (b, _("No people are listed in this document."));
      return;
    }

  add_note_line (b, _("In the text, people’s names are set in bold; uncertain forms, transliterated back from another script, in italics."));

  g_ptr_array_sort (people, compare_entities_by_name);
  for (guint i = 0; i < people->len; i++)
    add_person (b, g_ptr_array_index (people, i));
}

static int
compare_notes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  VrAnnotation *na = *(VrAnnotation **) a;
  VrAnnotation *nb = *(VrAnnotation **) b;
  VrParagraph *pa = vr_annotation_get_paragraph (na);
  VrParagraph *pb = vr_annotation_get_paragraph (nb);
  int ia = pa ? vr_document_get_paragraph_index (user_data, pa) : G_MAXINT;
  int ib = pb ? vr_document_get_paragraph_index (user_data, pb) : G_MAXINT;

  if (ia != ib)
    return ia < ib ? -1 : 1;
  if (vr_annotation_get_start (na) != vr_annotation_get_start (nb))
    return vr_annotation_get_start (na) < vr_annotation_get_start (nb) ? -1 : 1;
  return 0;
}

static void
add_notes_appendix (Builder    *b,
                    const char *version_id)
{
  VrDocument *document = b->self->document;
  GListModel *annotations = vr_document_get_annotations (document);
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (annotations);

  /* A document without notes gets no empty appendix. */
  if (n == 0)
    return;

  add_heading (b, _("Notes"));
  add_note_line (b, _("Passages with a note are underlined in the text."));

  font = _vr_handout_make_font (SERIF_FAMILIES, b->size * 0.95, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  /* In the order of the text, whatever order they were written in. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (notes, g_list_model_get_item (annotations, i));
  g_ptr_array_sort_with_data (notes, compare_notes, document);

  for (guint i = 0; i < n; i++)
    {
      VrAnnotation *note = g_ptr_array_index (notes, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) anchor = g_string_new (NULL);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      VrParagraph *paragraph = vr_annotation_get_paragraph (note);
      const char *note_version = vr_annotation_get_version_id (note);
      int index = paragraph ? vr_document_get_paragraph_index (document, paragraph) : -1;
      Block *block;
      gsize start;

      if (index >= 0)
        g_string_append_printf (text, "¶ %d", index + 1);
      else
        g_string_append (text, "¶ ?");
      add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);

      if (paragraph != NULL)
        {
          _vr_handout_append_text (anchor, vr_paragraph_get_text (paragraph, note_version ? note_version : version_id));
          if (anchor->len > 0)
            {
              glong n_chars = g_utf8_strlen (anchor->str, -1);
              gsize s = char_to_byte (anchor->str, n_chars, vr_annotation_get_start (note));
              gsize e = char_to_byte (anchor->str, n_chars, vr_annotation_get_end (note));

              if (s < e)
                {
                  g_string_append (text, "  “");
                  start = text->len;
                  g_string_append_len (text, anchor->str + s, e - s);
                  add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, text->len);
                  g_string_append (text, "”");
                }
            }
        }

      g_string_append (text, "  ");
      _vr_handout_append_text (text, vr_annotation_get_note (note));

      block = builder_add (b, text, attrs, font, 0, b->size * 0.5, 0);
      pango_layout_set_spacing (block->layout, (int) (b->size * 0.15 * PANGO_SCALE));
      builder_measure (block);
    }
}

void
_vr_handout_build_blocks (VrHandout *self,
                          double     width)
{
  Builder b = { self, width, self->font_size };
  VrVersion *version = vr_document_get_default_version (self->document);
  const char *version_id = version ? vr_version_get_id (version) : NULL;
  cairo_font_options_t *options;
  PangoFontMap *font_map;
  const char *language = version ? vr_version_get_language (version) : NULL;

  /* Layout in points, unhinted: the same line breaks on paper, in a PDF
   * and in the tests, whatever the device. */
  font_map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  if (!is_blank (language))
    pango_context_set_language (self->context, pango_language_from_string (language));

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  add_front_matter (&b);
  if (version_id != NULL)
    add_paragraphs (&b, version_id);
  if (self->include_people)
    add_people_appendix (&b);
  if (self->include_notes)
    add_notes_appendix (&b, version_id);
}
