/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

#define VR_TYPE_READER_VIEW (vr_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (VrReaderView, vr_reader_view, VR, READER_VIEW, GtkWidget)

/* A whole open document: the translation in the centre, the entity sidebar
 * on the left, the metadata (with citation) and the spellings table on the
 * right. One selection (an entity, and optionally one of its spellings) is
 * followed by every panel.
 *
 * Properties: "document" (nullable), "show-entities", "show-details",
 * "show-spellings" (all TRUE by default), "zoom" (0.5–3.0),
 * "selected-entity", "selected-variant" (read-only).
 * Actions: reader.search, reader.next-mention, reader.previous-mention,
 * reader.copy-citation, reader.copy-bibliography, reader.focus-entities,
 * reader.search-next, reader.search-previous.
 * Signal "toast" (message): the window should show it. */
GtkWidget  *vr_reader_view_new                  (void);
VrDocument *vr_reader_view_get_document         (VrReaderView *self);
void        vr_reader_view_set_document         (VrReaderView *self,
                                                 VrDocument   *document);
gboolean    vr_reader_view_get_show_entities    (VrReaderView *self);
void        vr_reader_view_set_show_entities    (VrReaderView *self,
                                                 gboolean      show);
gboolean    vr_reader_view_get_show_details     (VrReaderView *self);
void        vr_reader_view_set_show_details     (VrReaderView *self,
                                                 gboolean      show);
gboolean    vr_reader_view_get_show_spellings   (VrReaderView *self);
void        vr_reader_view_set_show_spellings   (VrReaderView *self,
                                                 gboolean      show);
double      vr_reader_view_get_zoom             (VrReaderView *self);
void        vr_reader_view_set_zoom             (VrReaderView *self,
                                                 double        zoom);

/* The selection every panel follows. Selecting a variant selects its
 * entity and highlights only the mentions spelled that way. */
VrEntity   *vr_reader_view_get_selected_entity  (VrReaderView *self);
VrVariant  *vr_reader_view_get_selected_variant (VrReaderView *self);
void        vr_reader_view_select_entity        (VrReaderView *self,
                                                 VrEntity     *entity);
void        vr_reader_view_select_variant       (VrReaderView *self,
                                                 VrVariant    *variant);
/* The highlighted mentions, in document order (transfer none). */
GPtrArray  *vr_reader_view_get_highlighted      (VrReaderView *self);

/* Searches the document text; returns the number of matches. */
guint       vr_reader_view_search               (VrReaderView *self,
                                                 const char   *text);

/* The parts, for the window and for tests. */
GtkWidget  *vr_reader_view_get_text_view        (VrReaderView *self);
GtkWidget  *vr_reader_view_get_entity_sidebar   (VrReaderView *self);
GtkWidget  *vr_reader_view_get_metadata_panel   (VrReaderView *self);
GtkWidget  *vr_reader_view_get_variant_table    (VrReaderView *self);
GtkWidget  *vr_reader_view_get_search_entry     (VrReaderView *self);
/* The Suggestions page of the side panel (a VrSuggestionsView). */
GtkWidget  *vr_reader_view_get_suggestions_view (VrReaderView *self);
/* The "3 of 12" label next to the search entry. */
const char *vr_reader_view_get_search_status    (VrReaderView *self);

/* The Notes page of the side panel (a VrNotesList); shows it when the
 * side panel is shown. */
GtkWidget  *vr_reader_view_get_notes_list       (VrReaderView *self);
void        vr_reader_view_show_notes           (VrReaderView *self);

G_END_DECLS
