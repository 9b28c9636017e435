/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_TEXT_VIEW (vr_text_view_get_type ())
G_DECLARE_FINAL_TYPE (VrTextView, vr_text_view, VR, TEXT_VIEW, GtkTextView)

/* The translation of a document, read-only. The buffer is a view of the
 * model: one line per paragraph of the default version, every mention marked
 * with the shared tag of its entity's kind ("mention-person",
 * "mention-organization", "mention-place", "mention-event", "mention-other"),
 * highlights in "selected", search matches in "search-match" and
 * "search-current". Properties: "document", "zoom".
 * Signal "mention-activated" (VrMention): a mention was clicked. */
GtkWidget  *vr_text_view_new                   (void);
VrDocument *vr_text_view_get_document          (VrTextView  *self);
void        vr_text_view_set_document          (VrTextView  *self,
                                                VrDocument  *document);
double      vr_text_view_get_zoom              (VrTextView  *self);
void        vr_text_view_set_zoom              (VrTextView  *self,
                                                double       zoom);
/* Width in pixels of about 70 characters at the current font and zoom,
 * with the margins: the widest the text should be set. */
int         vr_text_view_get_ideal_width       (VrTextView  *self);

/* Buffer offset where paragraph @index starts, or -1. */
int         vr_text_view_get_paragraph_offset  (VrTextView  *self,
                                                guint        index);
/* The mention covering buffer character @offset, or NULL (transfer none). */
VrMention  *vr_text_view_get_mention_at_offset (VrTextView  *self,
                                                int          offset);
/* The mention under widget coordinates (@x, @y), or NULL (transfer none). */
VrMention  *vr_text_view_get_mention_at_point  (VrTextView  *self,
                                                double       x,
                                                double       y);
/* Buffer range of @mention; FALSE when it is not shown. */
gboolean    vr_text_view_get_mention_bounds    (VrTextView  *self,
                                                VrMention   *mention,
                                                GtkTextIter *start,
                                                GtkTextIter *end);

/* The hover card for @mention: preferred name, original forms, kind,
 * description and the spelling used here, all as plain text. */
GtkWidget  *vr_text_view_create_mention_card   (VrTextView  *self,
                                                VrMention   *mention);

/* The version shown (the document's default one), or NULL. */
const char *vr_text_view_get_version_id        (VrTextView  *self);
/* The selected text as a span of one paragraph of the version shown, in
 * characters, without the spaces at its ends; FALSE when nothing is
 * selected or the selection crosses paragraphs. */
gboolean    vr_text_view_get_selected_span     (VrTextView   *self,
                                                VrParagraph **paragraph,
                                                guint        *start,
                                                guint        *end);
/* The mention under the text cursor (where a right click puts it), or
 * NULL (transfer none). */
VrMention  *vr_text_view_get_mention_at_cursor (VrTextView  *self);
/* Marks these mentions with the "selected" tag (NULL clears). */
void        vr_text_view_highlight_mentions    (VrTextView  *self,
                                                GPtrArray   *mentions);
/* Scrolls @mention into view; with @select, selects its text. */
void        vr_text_view_scroll_to_mention     (VrTextView  *self,
                                                VrMention   *mention,
                                                gboolean     select);

/* Finds @text in the model's paragraph texts (case- and
 * diacritic-insensitive) and marks every match; returns the match count. */
guint       vr_text_view_search                (VrTextView  *self,
                                                const char  *text);
guint       vr_text_view_get_n_matches         (VrTextView  *self);
/* Makes match @index (wrapping) the current one and scrolls to it; returns
 * the index actually chosen, or -1 when there are no matches. */
int         vr_text_view_set_current_match     (VrTextView  *self,
                                                int          index);
int         vr_text_view_get_current_match     (VrTextView  *self);

/* Notes (the document's annotations), marked with the shared tag
 * "annotation". Signal "annotation-activated" (VrAnnotation): a noted
 * passage was clicked. */
/* The note covering buffer character @offset, at widget coordinates, or
 * under the text cursor; NULL when there is none (transfer none). */
VrAnnotation *vr_text_view_get_annotation_at_offset (VrTextView   *self,
                                                     int           offset);
VrAnnotation *vr_text_view_get_annotation_at_point  (VrTextView   *self,
                                                     double        x,
                                                     double        y);
VrAnnotation *vr_text_view_get_annotation_at_cursor (VrTextView   *self);
/* Buffer range of @annotation; FALSE when it is not shown. */
gboolean      vr_text_view_get_annotation_bounds    (VrTextView   *self,
                                                     VrAnnotation *annotation,
                                                     GtkTextIter  *start,
                                                     GtkTextIter  *end);
/* Scrolls @annotation into view; with @select, selects its text. */
void          vr_text_view_scroll_to_annotation     (VrTextView   *self,
                                                     VrAnnotation *annotation,
                                                     gboolean      select);
/* The word under (or just before) the text cursor as a span of one
 * paragraph, in characters; FALSE when the cursor is not at a word. */
gboolean      vr_text_view_get_word_at_cursor       (VrTextView   *self,
                                                     VrParagraph **paragraph,
                                                     guint        *start,
                                                     guint        *end);
/* The hover card of @annotation: its note, as plain text. */
GtkWidget    *vr_text_view_create_annotation_card   (VrTextView   *self,
                                                     VrAnnotation *annotation);
/* The colours the text view gives marks, for other views of the same text
 * (light or @dark style): the underline and background of a mention of
 * @kind, and the text and background of a highlighted mention. */
void        vr_text_view_get_kind_colors       (VrEntityKind  kind,
                                                gboolean      dark,
                                                GdkRGBA      *underline,
                                                GdkRGBA      *background);
void        vr_text_view_get_selected_colors   (gboolean      dark,
                                                GdkRGBA      *foreground,
                                                GdkRGBA      *background);

G_END_DECLS
