/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vr-core.h"

G_BEGIN_DECLS

typedef enum
{
  VR_COMPARE_SIDE_LEFT,
  VR_COMPARE_SIDE_RIGHT,
} VrCompareSide;

/**
 * VrCompareMarkKind:
 * @VR_COMPARE_MARK_MENTION: a mention of an entity, in its kind's colours
 * @VR_COMPARE_MARK_REPLACED: a name a normalized reading replaced: the new
 *   form on the normalized side, the original spelling on the other (wavy
 *   underline)
 * @VR_COMPARE_MARK_DELETED: words of the left side the right side lacks
 *   (struck through)
 * @VR_COMPARE_MARK_INSERTED: words of the right side the left side lacks
 *   (underlined twice)
 */
typedef enum
{
  VR_COMPARE_MARK_MENTION,
  VR_COMPARE_MARK_REPLACED,
  VR_COMPARE_MARK_DELETED,
  VR_COMPARE_MARK_INSERTED,
} VrCompareMarkKind;

/**
 * VrCompareMark:
 * @kind: what the mark shows
 * @start: first character of the side's paragraph text
 * @end: the character after the last one
 * @entity_kind: for mentions and replacements, the entity's kind
 * @entity_id: for mentions and replacements, the entity's id, or %NULL
 * @selected: the entity is the selected one
 * @tooltip: plain text shown on hover ("Yung Kong-hum → Yun Gong-heum"),
 *   or %NULL
 */
typedef struct
{
  VrCompareMarkKind  kind;
  guint              start;
  guint              end;
  VrEntityKind       entity_kind;
  char              *entity_id;
  gboolean           selected;
  char              *tooltip;
} VrCompareMark;

#define VR_TYPE_COMPARE_VIEW (vr_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (VrCompareView, vr_compare_view, VR, COMPARE_VIEW, GtkWidget)

/* Two versions of a document side by side, paragraph N facing paragraph N.
 * Each side shows one choice: a version of the document, a normalized
 * reading of its first version (preferred names, RR, MR), or a version
 * loaded from another file and aligned to this one. Mentions carry their
 * entity's colours; the selected entity is highlighted on both sides; the
 * differences (replaced names, or words that differ) are marked unless
 * "show-differences" is off.
 *
 * Properties: "document", "selected-entity", "show-differences", "zoom"
 * (0.5–3.0, as the reader's), "loading" (read-only: a file is being
 * loaded).
 * Signal "toast" (message): the window should show it. */
GtkWidget  *vr_compare_view_new                  (void);
VrDocument *vr_compare_view_get_document         (VrCompareView *self);
void        vr_compare_view_set_document         (VrCompareView *self,
                                                  VrDocument    *document);
VrEntity   *vr_compare_view_get_selected_entity  (VrCompareView *self);
void        vr_compare_view_set_selected_entity  (VrCompareView *self,
                                                  VrEntity      *entity);
gboolean    vr_compare_view_get_show_differences (VrCompareView *self);
void        vr_compare_view_set_show_differences (VrCompareView *self,
                                                  gboolean       show);
double      vr_compare_view_get_zoom             (VrCompareView *self);
void        vr_compare_view_set_zoom             (VrCompareView *self,
                                                  double         zoom);
gboolean    vr_compare_view_get_loading          (VrCompareView *self);

/* The choices of both dropdowns (a GtkStringList of their labels, the last
 * one "Load from File…"), and the one each side shows. */
GListModel *vr_compare_view_get_choices          (VrCompareView *self);
guint       vr_compare_view_get_choice           (VrCompareView *self,
                                                  VrCompareSide  side);
void        vr_compare_view_set_choice           (VrCompareView *self,
                                                  VrCompareSide  side,
                                                  guint          choice);
GtkWidget  *vr_compare_view_get_drop_down        (VrCompareView *self,
                                                  VrCompareSide  side);

/* Loads a version from another Variorum file (in a worker thread), aligns
 * it to this document (by paragraph id, else in order) and shows it on
 * @side. What did not align is reported in a dialog; an error too. */
void        vr_compare_view_load_file            (VrCompareView *self,
                                                  VrCompareSide  side,
                                                  GFile         *file);

/* What a side shows for paragraph @index: its text (NULL when it has none)
 * and its marks, in order of start (transfer full). */
char       *vr_compare_view_dup_text             (VrCompareView *self,
                                                  VrCompareSide  side,
                                                  guint          index);
GArray     *vr_compare_view_get_marks            (VrCompareView *self,
                                                  VrCompareSide  side,
                                                  guint          index);

/* The list of paragraph rows, for tests and keyboard focus. */
GtkWidget  *vr_compare_view_get_list_view        (VrCompareView *self);

G_END_DECLS
