/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vr-compare-view.h"

G_BEGIN_DECLS

typedef enum
{
  CHOICE_VERSION,
  CHOICE_NORMALIZED,
  CHOICE_LOADED,
  CHOICE_LOAD_FILE,
} ChoiceKind;

/* A version read from another file, aligned to this document. */
typedef struct
{
  grefcount    ref_count;
  VrDocument  *other;
  char        *version_id;
  char        *file_name;
  VrAlignment *alignment;
} Loaded;

typedef struct
{
  ChoiceKind         kind;
  char              *version_id;
  VrNormalizeSystem  system;
  Loaded            *loaded;
  char              *label;
} Choice;

/* What one side shows for one paragraph. */
typedef struct
{
  char                  *text;
  GArray                *marks;
  VrNormalizedParagraph *normalized;
} Side;

struct _VrCompareView
{
  GtkWidget       parent_instance;

  VrDocument     *document;
  VrEntity       *selected_entity;
  char           *selected_id;
  gboolean        show_differences;
  double          zoom;

  GPtrArray      *choices;
  GtkStringList  *choice_labels;
  GPtrArray      *loaded;
  guint           current[2];
  guint           updating_choices : 1;

  GCancellable   *load_cancellable;
  GFile          *load_file;
  VrCompareSide   load_side;

  GHashTable     *rows;
  guint           refresh_id;

  GtkWidget      *content;
  GtkDropDown    *left_drop_down;
  GtkDropDown    *right_drop_down;
  GtkLabel       *legend_label;
  GtkCheckButton *differences_check;
  GtkListView    *list_view;
};

/* vr-compare-view.c */
Choice     *_vr_compare_view_get_current     (VrCompareView *self,
                                              VrCompareSide  side);
const char *_vr_compare_view_base_version_id (VrCompareView *self);
gboolean    _vr_compare_choices_equal        (const Choice  *a,
                                              const Choice  *b);
GArray     *_vr_compare_marks_new            (void);
void        _vr_compare_side_clear           (Side          *side);

/* vr-compare-marks.c: what each side shows for a paragraph, and its marks. */
gboolean    _vr_compare_view_compute_row     (VrCompareView *self,
                                              guint          index,
                                              Side          *left,
                                              Side          *right);

G_END_DECLS
