/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vr-name-key.h"

G_BEGIN_DECLS

/**
 * VrNameVerdict:
 * @VR_NAME_VERDICT_SAME: a person decided the two spellings are one person
 * @VR_NAME_VERDICT_DIFFERENT: a person decided they are different people
 */
typedef enum
{
  VR_NAME_VERDICT_SAME,
  VR_NAME_VERDICT_DIFFERENT,
} VrNameVerdict;

/**
 * VrNameDecision:
 * @a: a spelling
 * @b: another spelling
 * @verdict: what a person decided about them
 *
 * A person's decision about two spellings. It outranks the keys.
 */
typedef struct
{
  const char    *a;
  const char    *b;
  VrNameVerdict  verdict;
} VrNameDecision;

/**
 * VrNameGroup:
 * @members: (element-type utf8): the spellings of one proposed person, in
 *   input order, each distinct input once
 * @confidence: 0–1, how sure the grouping is (see vr_name_cluster())
 * @tier: the tier the group was built at
 * @decided: whether a person's "same" decision joined part of the group
 */
typedef struct
{
  GPtrArray  *members;
  double      confidence;
  VrNameTier  tier;
  gboolean    decided;
} VrNameGroup;

#define VR_TYPE_NAME_GROUP (vr_name_group_get_type ())

GType        vr_name_group_get_type (void) G_GNUC_CONST;
VrNameGroup *vr_name_group_copy     (const VrNameGroup *group);
void         vr_name_group_free     (VrNameGroup       *group);

GPtrArray *vr_name_cluster    (const char * const   *spellings,
                               guint                 n_spellings,
                               VrNameTier            tier,
                               const VrNameDecision *decisions,
                               guint                 n_decisions,
                               guint                *n_conflicts);

void       vr_name_cluster_async  (const char * const   *spellings,
                                   guint                 n_spellings,
                                   VrNameTier            tier,
                                   const VrNameDecision *decisions,
                                   guint                 n_decisions,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GPtrArray *vr_name_cluster_finish (GAsyncResult         *result,
                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VrNameGroup, vr_name_group_free)

G_END_DECLS
