/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vr-name-cluster"

#include "config.h"

#include <string.h>

#include "vr-name-cluster.h"

/*
 * Each spelling's keys go into a hash table (key → spellings holding it);
 * spellings that share a key are joined with union-find. No pair of
 * spellings is ever compared directly, so the cost grows with the number of
 * keys, not with the square of the number of spellings.
 *
 * A "different" decision is a cannot-link constraint: every group root
 * keeps the list of spellings its members were decided different from, and
 * a join that would bring one of them into the group is refused. So two
 * spellings decided different never end up together, even when a third
 * spelling shares keys with both (it joins whichever it meets first, in
 * input order). "Same" decisions are applied first and always hold; a
 * "different" decision that contradicts them is counted as a conflict and
 * cannot be honoured.
 */

typedef struct
{
  guint  *parent;
  guint  *size;
  GArray **cannot;  /* per root: indices decided different, or NULL */
} UnionFind;

static guint
uf_find (UnionFind *uf,
         guint      i)
{
  guint root = i;

  while (uf->parent[root] != root)
    root = uf->parent[root];
  while (uf->parent[i] != root)
    {
      guint next = uf->parent[i];
      uf->parent[i] = root;
      i = next;
    }
  return root;
}

static gboolean
uf_forbidden (UnionFind *uf,
              guint      ra,
              guint      rb)
{
  GArray *c = uf->cannot[ra];

  if (c == NULL)
    return FALSE;
  for (guint k = 0; k < c->len; k++)
    if (uf_find (uf, g_array_index (c, guint, k)) == rb)
      return TRUE;
  return FALSE;
}

/* Returns FALSE when a "different" decision forbids the join. */
static gboolean
uf_union (UnionFind *uf,
          guint      a,
          guint      b,
          gboolean   force)
{
  guint ra = uf_find (uf, a), rb = uf_find (uf, b);

  if (ra == rb)
    return TRUE;
  if (!force && (uf_forbidden (uf, ra, rb) || uf_forbidden (uf, rb, ra)))
    return FALSE;

  if (uf->size[ra] < uf->size[rb])
    {
      guint t = ra;
      ra = rb;
      rb = t;
    }
  uf->parent[rb] = ra;
  uf->size[ra] += uf->size[rb];
  if (uf->cannot[rb] != NULL)
    {
      if (uf->cannot[ra] == NULL)
        uf->cannot[ra] = g_steal_pointer (&uf->cannot[rb]);
      else
        {
          g_array_append_vals (uf->cannot[ra], uf->cannot[rb]->data, uf->cannot[rb]->len);
          g_clear_pointer (&uf->cannot[rb], g_array_unref);
        }
    }
  return TRUE;
}

static void
uf_forbid (UnionFind *uf,
           guint      a,
           guint      b)
{
  guint ra = uf_find (uf, a), rb = uf_find (uf, b);

  if (uf->cannot[ra] == NULL)
    uf->cannot[ra] = g_array_new (FALSE, FALSE, sizeof (guint));
  if (uf->cannot[rb] == NULL)
    uf->cannot[rb] = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (uf->cannot[ra], b);
  g_array_append_val (uf->cannot[rb], a);
}

G_DEFINE_BOXED_TYPE (VrNameGroup, vr_name_group, vr_name_group_copy, vr_name_group_free)

VrNameGroup *
vr_name_group_copy (const VrNameGroup *group)
{
  VrNameGroup *copy;

  g_return_val_if_fail (group != NULL, NULL);

  copy = g_memdup2 (group, sizeof *group);
  copy->members = g_ptr_array_new_full (group->members->len, g_free);
  for (guint i = 0; i < group->members->len; i++)
    g_ptr_array_add (copy->members, g_strdup (g_ptr_array_index (group->members, i)));
  return copy;
}

void
vr_name_group_free (VrNameGroup *group)
{
  if (group == NULL)
    return;
  g_clear_pointer (&group->members, g_ptr_array_unref);
  g_free (group);
}

/**
 * vr_name_cluster:
 * @spellings: (array length=n_spellings): spellings; duplicates count once
 * @n_spellings: how many
 * @tier: which keys join spellings
 * @decisions: (array length=n_decisions) (nullable): a person's decisions;
 *   spellings they name that are not in @spellings are ignored
 * @n_decisions: how many
 * @n_conflicts: (out) (optional): "different" decisions that contradict
 *   "same" decisions and so could not be honoured
 *
 * Groups spellings into proposed people. Every distinct spelling is in
 * exactly one group. Groups come in the order of their first spelling.
 *
 * Confidence: a single spelling has 1. A larger group starts from 0.95 at
 * tier 1 and 0.6 at tier 2 (tier-2 keys are suggestions), scaled by how
 * densely its members are linked directly: base × (0.5 + 0.5 × d), where d
 * is the share of member pairs that share a key or a "same" decision
 * (pairs joined only through a chain count as indirect). A group made only
 * of "same" decisions has 1.
 *
 * Returns: (transfer full) (element-type VrNameGroup): the groups
 */
GPtrArray *
vr_name_cluster (const char * const   *spellings,
                 guint                 n_spellings,
                 VrNameTier            tier,
                 const VrNameDecision *decisions,
                 guint                 n_decisions,
                 guint                *n_conflicts)
{
  g_autoptr(GHashTable) index = NULL;     /* spelling → position + 1 */
  g_autoptr(GHashTable) key_holders = NULL; /* key → GArray of positions */
  g_autoptr(GPtrArray) distinct = NULL;
  g_autofree guint *group_of_root = NULL;
  g_autofree guint *direct_pairs = NULL;
  g_autofree guint *key_links = NULL;
  g_autofree gboolean *by_decision = NULL;
  UnionFind uf;
  GPtrArray *groups;
  guint conflicts = 0;
  guint n;

  g_return_val_if_fail (spellings != NULL || n_spellings == 0, NULL);
  g_return_val_if_fail (tier == VR_NAME_TIER_1 || tier == VR_NAME_TIER_2, NULL);

  index = g_hash_table_new (g_str_hash, g_str_equal);
  distinct = g_ptr_array_new ();
  for (guint i = 0; i < n_spellings; i++)
    {
      if (spellings[i] == NULL || g_hash_table_contains (index, spellings[i]))
        continue;
      g_ptr_array_add (distinct, (gpointer) spellings[i]);
      g_hash_table_insert (index, (gpointer) spellings[i], GUINT_TO_POINTER (distinct->len));
    }
  n = distinct->len;

  uf.parent = g_new (guint, MAX (n, 1));
  uf.size = g_new (guint, MAX (n, 1));
  uf.cannot = g_new0 (GArray *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      uf.parent[i] = i;
      uf.size[i] = 1;
    }
  by_decision = g_new0 (gboolean, MAX (n, 1));
  direct_pairs = g_new0 (guint, MAX (n, 1));
  key_links = g_new0 (guint, MAX (n, 1));

  /* A person's decisions first: "same" always holds. */
  for (guint d = 0; d < n_decisions; d++)
    {
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (index, decisions[d].a ? decisions[d].a : ""));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (index, decisions[d].b ? decisions[d].b : ""));

      if (a == 0 || b == 0 || a == b || decisions[d].verdict != VR_NAME_VERDICT_SAME)
        continue;
      uf_union (&uf, a - 1, b - 1, TRUE);
      by_decision[a - 1] = by_decision[b - 1] = TRUE;
    }
  for (guint d = 0; d < n_decisions; d++)
    {
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (index, decisions[d].a ? decisions[d].a : ""));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (index, decisions[d].b ? decisions[d].b : ""));

      if (a == 0 || b == 0 || a == b || decisions[d].verdict != VR_NAME_VERDICT_DIFFERENT)
        continue;
      if (uf_find (&uf, a - 1) == uf_find (&uf, b - 1))
        conflicts++;
      else
        uf_forbid (&uf, a - 1, b - 1);
    }

  /* Index the keys and join the holders of each key. */
  key_holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) keys = vr_name_keys (g_ptr_array_index (distinct, i), tier);

      for (guint k = 0; k < keys->len; k++)
        {
          char *key = g_ptr_array_index (keys, k);
          GArray *holders = g_hash_table_lookup (key_holders, key);

          if (holders == NULL)
            {
              holders = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (key_holders, g_steal_pointer (&keys->pdata[k]), holders);
            }
          else
            {
              /* try every earlier holder: one refused join must not
               * keep this spelling from the others */
              for (guint h = 0; h < holders->len; h++)
                uf_union (&uf, g_array_index (holders, guint, h), i, FALSE);
            }
          g_array_append_val (holders, i);
        }
    }

  /* Build the groups, in order of their first member. */
  group_of_root = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    group_of_root[i] = G_MAXUINT;
  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) vr_name_group_free);
  for (guint i = 0; i < n; i++)
    {
      guint r = uf_find (&uf, i);
      VrNameGroup *group;

      if (group_of_root[r] == G_MAXUINT)
        {
          group = g_new0 (VrNameGroup, 1);
          group->members = g_ptr_array_new_with_free_func (g_free);
          group->tier = tier;
          group_of_root[r] = groups->len;
          g_ptr_array_add (groups, group);
        }
      group = g_ptr_array_index (groups, group_of_root[r]);
      g_ptr_array_add (group->members, g_strdup (g_ptr_array_index (distinct, i)));
      if (by_decision[i])
        group->decided = TRUE;
    }

  /* Direct links per group: pairs sharing a key, pairs decided the same. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, key_holders);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        GArray *holders = value;
        g_autoptr(GHashTable) per_group = NULL;
        GHashTableIter gi;
        gpointer gk, gv;

        if (holders->len < 2)
          continue;
        per_group = g_hash_table_new (NULL, NULL);
        for (guint h = 0; h < holders->len; h++)
          {
            guint g = group_of_root[uf_find (&uf, g_array_index (holders, guint, h))];
            guint c = GPOINTER_TO_UINT (g_hash_table_lookup (per_group, GUINT_TO_POINTER (g + 1)));
            g_hash_table_insert (per_group, GUINT_TO_POINTER (g + 1), GUINT_TO_POINTER (c + 1));
          }
        g_hash_table_iter_init (&gi, per_group);
        while (g_hash_table_iter_next (&gi, &gk, &gv))
          {
            guint c = GPOINTER_TO_UINT (gv);
            direct_pairs[GPOINTER_TO_UINT (gk) - 1] += c * (c - 1) / 2;
            key_links[GPOINTER_TO_UINT (gk) - 1] += c * (c - 1) / 2;
          }
      }
    for (guint d = 0; d < n_decisions; d++)
      {
        guint a = GPOINTER_TO_UINT (g_hash_table_lookup (index, decisions[d].a ? decisions[d].a : ""));
        guint b = GPOINTER_TO_UINT (g_hash_table_lookup (index, decisions[d].b ? decisions[d].b : ""));

        if (a != 0 && b != 0 && a != b && decisions[d].verdict == VR_NAME_VERDICT_SAME)
          direct_pairs[group_of_root[uf_find (&uf, a - 1)]]++;
      }
  }

  for (guint g = 0; g < groups->len; g++)
    {
      VrNameGroup *group = g_ptr_array_index (groups, g);
      double m = group->members->len;
      double pairs = m * (m - 1) / 2;
      double base = tier == VR_NAME_TIER_1 ? 0.95 : 0.6;
      double density;

      if (group->members->len < 2)
        {
          group->confidence = 1.0;
          continue;
        }
      if (group->decided && key_links[g] == 0)
        {
          group->confidence = 1.0;
          continue;
        }
      density = MIN (1.0, direct_pairs[g] / pairs);
      group->confidence = base * (0.5 + 0.5 * density);
    }

  for (guint i = 0; i < n; i++)
    g_clear_pointer (&uf.cannot[i], g_array_unref);
  g_free (uf.cannot);
  g_free (uf.parent);
  g_free (uf.size);

  if (n_conflicts != NULL)
    *n_conflicts = conflicts;
  return groups;
}

typedef struct
{
  GPtrArray  *spellings;
  GPtrArray  *strings;    /* owns the decisions' strings */
  GArray     *decisions;
  VrNameTier  tier;
} ClusterJob;

static void
cluster_job_free (ClusterJob *job)
{
  g_ptr_array_unref (job->spellings);
  g_ptr_array_unref (job->strings);
  g_array_unref (job->decisions);
  g_free (job);
}

static void
cluster_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ClusterJob *job = task_data;
  GPtrArray *groups;

  groups = vr_name_cluster ((const char * const *) job->spellings->pdata, job->spellings->len,
                            job->tier, (const VrNameDecision *) job->decisions->data,
                            job->decisions->len, NULL);
  g_task_return_pointer (task, groups, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * vr_name_cluster_async:
 *
 * vr_name_cluster() in a worker thread; the inputs are copied, so the
 * caller may free them at once. Conflicting decisions are not reported.
 */
void
vr_name_cluster_async (const char * const   *spellings,
                       guint                 n_spellings,
                       VrNameTier            tier,
                       const VrNameDecision *decisions,
                       guint                 n_decisions,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ClusterJob *job;

  g_return_if_fail (spellings != NULL || n_spellings == 0);

  job = g_new0 (ClusterJob, 1);
  job->tier = tier;
  job->spellings = g_ptr_array_new_full (n_spellings, g_free);
  for (guint i = 0; i < n_spellings; i++)
    if (spellings[i] != NULL)
      g_ptr_array_add (job->spellings, g_strdup (spellings[i]));
  job->strings = g_ptr_array_new_with_free_func (g_free);
  job->decisions = g_array_new (FALSE, FALSE, sizeof (VrNameDecision));
  for (guint i = 0; i < n_decisions; i++)
    {
      VrNameDecision d = decisions[i];

      d.a = g_strdup (d.a != NULL ? d.a : "");
      d.b = g_strdup (d.b != NULL ? d.b : "");
      g_ptr_array_add (job->strings, (char *) d.a);
      g_ptr_array_add (job->strings, (char *) d.b);
      g_array_append_val (job->decisions, d);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vr_name_cluster_async);
  g_task_set_task_data (task, job, (GDestroyNotify) cluster_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, cluster_in_thread);
}

/**
 * vr_name_cluster_finish:
 *
 * Returns: (transfer full) (element-type VrNameGroup): the groups, or %NULL
 *   with @error set (cancelled)
 */
GPtrArray *
vr_name_cluster_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
