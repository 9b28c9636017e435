/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vr-name-cluster.h"

static int
group_of (GPtrArray  *groups,
          const char *spelling)
{
  int found = -1;

  for (guint g = 0; g < groups->len; g++)
    {
      VrNameGroup *group = g_ptr_array_index (groups, g);
      for (guint m = 0; m < group->members->len; m++)
        if (g_strcmp0 (g_ptr_array_index (group->members, m), spelling) == 0)
          {
            /* every spelling in exactly one group */
            g_assert_cmpint (found, ==, -1);
            found = g;
          }
    }
  g_assert_cmpint (found, >=, 0);
  return found;
}

static const char * const people[] = {
  "Kim Il Sung", "Kim Il-sung", "Kim Il Song", "김일성", "Ким Ир Сен", "Kim Il",
  "Nam Il", "KIM Il", "Choe Chang-ik", "Ch'oe Ch'ang-ik", "Choe Yong-geon",
  "Choi Yong-kun", "Zoi En Gen", "Pak Jeong-ae", "Pak Chang-ok", "Kim Il Sung",
};

static void
test_cluster_keys (void)
{
  guint conflicts = 99;
  g_autoptr(GPtrArray) t1 = vr_name_cluster (people, G_N_ELEMENTS (people), VR_NAME_TIER_1, NULL, 0, &conflicts);
  g_autoptr(GPtrArray) t2 = vr_name_cluster (people, G_N_ELEMENTS (people), VR_NAME_TIER_2, NULL, 0, NULL);
  guint total = 0;

  g_assert_cmpuint (conflicts, ==, 0);
  for (guint g = 0; g < t1->len; g++)
    total += ((VrNameGroup *) g_ptr_array_index (t1, g))->members->len;
  /* the duplicate counts once */
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (people) - 1);

  g_assert_cmpint (group_of (t1, "Kim Il Sung"), ==, group_of (t1, "김일성"));
  g_assert_cmpint (group_of (t1, "Kim Il-sung"), ==, group_of (t1, "Ким Ир Сен"));
  g_assert_cmpint (group_of (t1, "Kim Il"), ==, group_of (t1, "KIM Il"));
  g_assert_cmpint (group_of (t1, "Kim Il"), !=, group_of (t1, "Kim Il Sung"));
  g_assert_cmpint (group_of (t1, "Kim Il"), !=, group_of (t1, "Nam Il"));
  g_assert_cmpint (group_of (t1, "Choe Chang-ik"), ==, group_of (t1, "Ch'oe Ch'ang-ik"));
  g_assert_cmpint (group_of (t1, "Choe Chang-ik"), !=, group_of (t1, "Choe Yong-geon"));
  g_assert_cmpint (group_of (t1, "Choe Yong-geon"), ==, group_of (t1, "Choi Yong-kun"));
  g_assert_cmpint (group_of (t1, "Choe Yong-geon"), !=, group_of (t1, "Zoi En Gen"));
  g_assert_cmpint (group_of (t2, "Choe Yong-geon"), ==, group_of (t2, "Zoi En Gen"));
  g_assert_cmpint (group_of (t2, "Pak Jeong-ae"), !=, group_of (t2, "Pak Chang-ok"));
  g_assert_cmpint (group_of (t2, "Kim Il"), !=, group_of (t2, "Kim Il Sung"));

  /* groups in order of their first spelling */
  g_assert_cmpint (group_of (t1, "Kim Il Sung"), ==, 0);

  {
    g_autoptr(VrNameGroup) copy = g_boxed_copy (VR_TYPE_NAME_GROUP, g_ptr_array_index (t1, 0));
    g_assert_cmpuint (copy->members->len, ==, ((VrNameGroup *) g_ptr_array_index (t1, 0))->members->len);
    g_assert_cmpstr (g_ptr_array_index (copy->members, 0), ==, "Kim Il Sung");
  }

  for (guint g = 0; g < t1->len; g++)
    {
      VrNameGroup *group = g_ptr_array_index (t1, g);
      g_assert_cmpint (group->tier, ==, VR_NAME_TIER_1);
      g_assert_cmpfloat (group->confidence, >, 0.0);
      g_assert_cmpfloat (group->confidence, <=, 1.0);
      if (group->members->len == 1)
        g_assert_cmpfloat (group->confidence, ==, 1.0);
    }
  {
    VrNameGroup *g1 = g_ptr_array_index (t1, group_of (t1, "Choe Chang-ik"));
    VrNameGroup *g2 = g_ptr_array_index (t2, group_of (t2, "Choe Chang-ik"));
    g_assert_cmpfloat (g2->confidence, <, g1->confidence);
  }
}

static void
test_cluster_decisions (void)
{
  const VrNameDecision decisions[] = {
    /* a person knows better than the keys, both ways */
    { "Kim Il Sung", "Kim Il Song", VR_NAME_VERDICT_DIFFERENT },
    { "Kim Il", "Nam Il", VR_NAME_VERDICT_SAME },
    { "Choe Chang-ik", "not in the list", VR_NAME_VERDICT_SAME },
  };
  guint conflicts = 99;
  g_autoptr(GPtrArray) groups = vr_name_cluster (people, G_N_ELEMENTS (people), VR_NAME_TIER_1,
                                                 decisions, G_N_ELEMENTS (decisions), &conflicts);

  g_assert_cmpuint (conflicts, ==, 0);
  /* "Kim Il-sung" and "김일성" share keys with both; still never together */
  g_assert_cmpint (group_of (groups, "Kim Il Sung"), !=, group_of (groups, "Kim Il Song"));
  g_assert_cmpint (group_of (groups, "Kim Il"), ==, group_of (groups, "Nam Il"));
  g_assert_cmpint (group_of (groups, "KIM Il"), ==, group_of (groups, "Nam Il"));
  g_assert_true (((VrNameGroup *) g_ptr_array_index (groups, group_of (groups, "Nam Il")))->decided);
}

static void
test_cluster_conflict (void)
{
  const char *names[] = { "A", "B", "C" };
  const VrNameDecision decisions[] = {
    { "A", "B", VR_NAME_VERDICT_SAME },
    { "B", "C", VR_NAME_VERDICT_SAME },
    { "A", "C", VR_NAME_VERDICT_DIFFERENT },
  };
  guint conflicts = 0;
  g_autoptr(GPtrArray) groups = vr_name_cluster (names, 3, VR_NAME_TIER_2, decisions, 3, &conflicts);

  g_assert_cmpuint (conflicts, ==, 1);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpfloat (((VrNameGroup *) g_ptr_array_index (groups, 0))->confidence, ==, 1.0);
}

static void
test_cluster_empty (void)
{
  g_autoptr(GPtrArray) groups = vr_name_cluster (NULL, 0, VR_NAME_TIER_1, NULL, 0, NULL);

  g_assert_cmpuint (groups->len, ==, 0);
}

static void
on_cluster_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vr_name_cluster_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_cluster_async (void)
{
  g_autoptr(GPtrArray) sync = vr_name_cluster (people, G_N_ELEMENTS (people), VR_NAME_TIER_2, NULL, 0, NULL);
  g_autoptr(GPtrArray) async = NULL;
  char **copy = g_new0 (char *, G_N_ELEMENTS (people) + 1);
  VrNameDecision d = { g_strdup ("Kim Il"), g_strdup ("Nam Il"), VR_NAME_VERDICT_SAME };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    copy[i] = g_strdup (people[i]);
  vr_name_cluster_async ((const char * const *) copy, G_N_ELEMENTS (people), VR_NAME_TIER_2,
                         &d, 1, NULL, on_cluster_done_cb, &async);
  /* the inputs were copied */
  g_strfreev (copy);
  g_free ((char *) d.a);
  g_free ((char *) d.b);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (async->len, ==, sync->len - 1);
  g_assert_cmpint (group_of (async, "Kim Il"), ==, group_of (async, "Nam Il"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/cluster/keys", test_cluster_keys);
  g_test_add_func ("/names/cluster/decisions", test_cluster_decisions);
  g_test_add_func ("/names/cluster/conflict", test_cluster_conflict);
  g_test_add_func ("/names/cluster/empty", test_cluster_empty);
  g_test_add_func ("/names/cluster/async", test_cluster_async);

  return g_test_run ();
}
