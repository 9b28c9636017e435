/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Instance structures and the glue between the model's classes. Only the
 * model's own .c files include this; the rest of the core uses
 * vr-model-private.h. */
#pragma once

#include <string.h>
#include <json-glib/json-glib.h>

#include "vr-document.h"
#include "vr-model-private.h"
#include "vr-object-list.h"

G_BEGIN_DECLS

struct _VrDocument
{
  GObject       parent_instance;

  char         *id;
  GFile        *file;
  char         *title;
  VrMetadata   *metadata;
  JsonObject   *extra;

  VrObjectList *versions;
  VrObjectList *paragraphs;
  VrObjectList *entities;
  VrObjectList *mentions;
  VrObjectList *annotations;
  VrObjectList *decisions;

  /* Keys are the objects' own id strings, values borrowed. */
  GHashTable   *versions_by_id;
  GHashTable   *paragraphs_by_id;
  GHashTable   *entities_by_id;

  /* Lengths of the lists when bulk loading began. */
  guint         bulk_n_versions;
  guint         bulk_n_paragraphs;
  guint         bulk_n_entities;
  guint         bulk_n_mentions;
  guint         bulk_n_annotations;
  guint         bulk_n_decisions;

  guint         in_bulk : 1;
  guint         modified : 1;
};

struct _VrMetadata
{
  GObject       parent_instance;

  char         *title;
  char         *date;
  char         *summary;
  char         *repository;
  char         *archive;
  char         *archive_location;
  char         *translator;
  char         *original_language;
  char         *classification;
  char        **authors;
  char        **recipients;
  VrObjectList *fields;
  JsonObject   *extra;

  VrDocument   *document;  /* weak */
};

struct _VrField
{
  GObject       parent_instance;

  char         *label;
  char         *value;
  JsonObject   *extra;

  VrMetadata   *metadata;  /* weak */
};

struct _VrVersion
{
  GObject       parent_instance;

  const char   *id;        /* interned */
  char         *language;
  char         *label;
  char         *translator;
  JsonObject   *extra;

  VrDocument   *document;  /* weak */
};

typedef struct
{
  const char *version_id;  /* interned */
  char       *text;
  guint       n_chars;
} VrParagraphText;

struct _VrParagraph
{
  GObject          parent_instance;

  char            *id;
  const char      *kind_raw;  /* interned */
  GArray          *texts;     /* VrParagraphText, in the order set */
  JsonObject      *extra;
  VrParagraphKind  kind;

  guint            index;     /* position in the document */
  VrDocument      *document;  /* weak */
};

struct _VrEntity
{
  GObject       parent_instance;

  char         *id;
  const char   *kind_raw;  /* interned */
  char         *name;
  char         *hangul;
  char         *hanja;
  char         *cyrillic;
  char         *description;
  VrObjectList *variants;
  VrObjectList *mentions;  /* borrowed: the document owns mentions */
  JsonObject   *extra;
  VrEntityKind  kind;
  guint         mention_count;

  VrDocument   *document;  /* weak */
};

struct _VrVariant
{
  GObject          parent_instance;

  char            *form;
  char            *note;
  const char      *system_raw;  /* interned */
  const char      *status_raw;  /* interned; NULL when never given */
  JsonObject      *extra;
  VrNameSystem     system;
  VrVariantStatus  status;
  guint            count;

  VrEntity        *entity;  /* weak */
};

/* Kept lean: hundreds of thousands of these live in a large document. */
struct _VrMention
{
  GObject      parent_instance;

  VrEntity    *entity;      /* strong */
  VrParagraph *paragraph;   /* strong */
  const char  *version_id;  /* interned */
  JsonObject  *extra;
  guint        start;
  guint        end;
  guint        is_short : 1;
  guint        uncertain : 1;
  guint        in_document : 1;
};

struct _VrAnnotation
{
  GObject      parent_instance;

  char        *id;
  VrParagraph *paragraph;   /* strong */
  const char  *version_id;  /* interned */
  char        *note;
  char        *created;
  JsonObject  *extra;
  guint        start;
  guint        end;

  VrDocument  *document;    /* weak */
};

struct _VrDecision
{
  GObject      parent_instance;

  char        *a;
  char        *b;
  const char  *verdict_raw;  /* interned */
  JsonObject  *extra;
  VrVerdict    verdict;
};

/* Replaces *@dest by a copy of @src; FALSE when they were already equal. */
static inline gboolean
_vr_set_string (char       **dest,
                const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (src);
  return TRUE;
}

static inline void
_vr_set_extra (JsonObject **dest,
               JsonObject  *extra)
{
  if (*dest == extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (dest, json_object_unref);
  *dest = extra;
}

/* Document hooks called by the other classes. Each accepts NULL. */
void  _vr_document_changed                (VrDocument  *self);
void  _vr_document_metadata_title_changed (VrDocument  *self);
void  _vr_document_recount_variants       (VrDocument  *self,
                                           VrEntity    *entity);
GHashTable *_vr_document_paragraph_text_will_change (VrDocument  *self,
                                                     VrParagraph *paragraph,
                                                     const char  *version_id);
void  _vr_document_paragraph_text_did_change (VrDocument  *self,
                                              VrParagraph *paragraph,
                                              const char  *version_id,
                                              GHashTable  *deltas);
void  _vr_document_retarget_mention_internal (VrDocument *self,
                                              VrMention  *mention,
                                              VrEntity   *entity);

void  _vr_variant_set_entity              (VrVariant   *self,
                                           VrEntity    *entity);
void  _vr_mention_notify_entity           (VrMention   *self);
void  _vr_entity_set_mention_count        (VrEntity    *self,
                                           guint        count);
void  _vr_variant_set_count               (VrVariant   *self,
                                           guint        count);
/* Looks up the first variant whose form is the @len bytes at @text. */
VrVariant *_vr_entity_match_variant       (VrEntity    *self,
                                           const char  *text,
                                           gsize        len);
/* Byte range of the mention's text; FALSE when outside the text. */
gboolean _vr_mention_get_byte_range       (VrMention   *self,
                                           const char **begin,
                                           gsize       *len);

G_END_DECLS
