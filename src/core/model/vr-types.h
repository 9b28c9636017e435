/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VrAnnotation VrAnnotation;
typedef struct _VrDecision   VrDecision;
typedef struct _VrDocument   VrDocument;
typedef struct _VrEntity     VrEntity;
typedef struct _VrField      VrField;
typedef struct _VrMention    VrMention;
typedef struct _VrMetadata   VrMetadata;
typedef struct _VrParagraph  VrParagraph;
typedef struct _VrVariant    VrVariant;
typedef struct _VrVersion    VrVersion;

G_END_DECLS
