/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-align"

#include "config.h"

#include "vr-core.h"
#include "vr-compare.h"

static VrDocument *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "compare", "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VrDocument *doc = vr_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
check_issue (VrAlignment      *alignment,
             guint             i,
             VrAlignIssueKind  kind,
             int               index,
             int               other_index,
             const char       *message)
{
  VrAlignIssue *issue;

  g_assert_cmpuint (i, <, alignment->issues->len);
  issue = &g_array_index (alignment->issues, VrAlignIssue, i);
  g_assert_cmpint (issue->kind, ==, kind);
  g_assert_cmpint (issue->index, ==, index);
  g_assert_cmpint (issue->other_index, ==, other_index);
  g_assert_cmpstr (issue->message, ==, message);
}

static const char *
counterpart_id (VrAlignment *alignment,
                guint        i)
{
  VrParagraph *paragraph = g_ptr_array_index (alignment->counterparts, i);

  return paragraph != NULL ? vr_paragraph_get_id (paragraph) : NULL;
}

/* Ids that match pair paragraphs whatever their order; a paragraph missing
 * on either side, or without text in the version, is reported. */
static void
test_by_id (void)
{
  g_autoptr(VrDocument) doc = load_fixture ("two-versions.json");
  g_autoptr(VrDocument) other = load_fixture ("align-by-id.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VrAlignment) alignment = NULL;
  g_autoptr(VrAlignment) copy = NULL;

  /* The other file's first version is the default. */
  alignment = vr_align_documents (doc, other, NULL, VR_ALIGN_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alignment->mode, ==, VR_ALIGN_BY_ID);
  g_assert_cmpstr (alignment->other_version_id, ==, "en-alt");
  g_assert_cmpuint (alignment->counterparts->len, ==, 5);
  g_assert_cmpuint (alignment->n_aligned, ==, 4);
  g_assert_cmpstr (counterpart_id (alignment, 0), ==, "p1");
  g_assert_cmpstr (counterpart_id (alignment, 1), ==, "p2");
  g_assert_null (counterpart_id (alignment, 2));
  g_assert_cmpstr (counterpart_id (alignment, 3), ==, "p4");
  g_assert_cmpstr (counterpart_id (alignment, 4), ==, "p5");

  g_assert_cmpuint (alignment->issues->len, ==, 3);
  check_issue (alignment, 0, VR_ALIGN_ISSUE_ONLY_HERE, 2, -1,
               "Paragraph 3 (“p3”) has no counterpart in the other file");
  check_issue (alignment, 1, VR_ALIGN_ISSUE_ONLY_THERE, -1, 4,
               "Paragraph 5 (“p6”) of the other file has no counterpart here and is left out");
  check_issue (alignment, 2, VR_ALIGN_ISSUE_NO_TEXT, -1, 5,
               "Paragraph 6 (“p7”) of the other file has no text in version “en-alt” "
               "and is left out");
  g_assert_cmpstr (g_array_index (alignment->issues, VrAlignIssue, 1).other_paragraph_id, ==, "p6");
  g_assert_cmpstr (g_array_index (alignment->issues, VrAlignIssue, 0).paragraph_id, ==, "p3");

  copy = g_boxed_copy (VR_TYPE_ALIGNMENT, alignment);
  g_assert_cmpuint (copy->issues->len, ==, 3);
  g_assert_cmpstr (g_array_index (copy->issues, VrAlignIssue, 2).message, ==,
                   g_array_index (alignment->issues, VrAlignIssue, 2).message);
  g_assert_true (g_ptr_array_index (copy->counterparts, 3) ==
                 g_ptr_array_index (alignment->counterparts, 3));
}

/* Other ids: paragraphs pair in order, and each differing id, the count
 * and the paragraph left over are reported. */
static void
test_by_order (void)
{
  g_autoptr(VrDocument) doc = load_fixture ("two-versions.json");
  g_autoptr(VrDocument) other = load_fixture ("align-by-order.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VrAlignment) alignment = NULL;

  alignment = vr_align_documents (doc, other, "en-alt", VR_ALIGN_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alignment->mode, ==, VR_ALIGN_BY_ORDER);
  g_assert_cmpuint (alignment->n_aligned, ==, 4);
  g_assert_cmpstr (counterpart_id (alignment, 0), ==, "a1");
  g_assert_cmpstr (counterpart_id (alignment, 3), ==, "a4");
  g_assert_null (counterpart_id (alignment, 4));

  g_assert_cmpuint (alignment->issues->len, ==, 6);
  check_issue (alignment, 0, VR_ALIGN_ISSUE_COUNT_MISMATCH, -1, -1,
               "This document has 5 paragraphs, the other file 4 with text in version “en-alt”");
  check_issue (alignment, 1, VR_ALIGN_ISSUE_ID_DIFFERS, 0, 0,
               "Paragraph 1 (“p1”) faces paragraph 1 (“a1”) of the other file, whose id differs");
  check_issue (alignment, 4, VR_ALIGN_ISSUE_ID_DIFFERS, 3, 3,
               "Paragraph 4 (“p4”) faces paragraph 4 (“a4”) of the other file, whose id differs");
  check_issue (alignment, 5, VR_ALIGN_ISSUE_ONLY_HERE, 4, -1,
               "Paragraph 5 (“p5”) has no counterpart in the other file");
}

/* In order even where ids match: what was p4 there faces p3 here. */
static void
test_forced_order (void)
{
  g_autoptr(VrDocument) doc = load_fixture ("two-versions.json");
  g_autoptr(VrDocument) other = load_fixture ("align-by-id.json");
  g_autoptr(VrAlignment) alignment = NULL;

  alignment = vr_align_documents (doc, other, "en-alt", VR_ALIGN_BY_ORDER, NULL);
  g_assert_cmpint (alignment->mode, ==, VR_ALIGN_BY_ORDER);
  g_assert_cmpuint (alignment->n_aligned, ==, 5);
  g_assert_cmpstr (counterpart_id (alignment, 2), ==, "p4");
  g_assert_cmpstr (counterpart_id (alignment, 4), ==, "p6");
  check_issue (alignment, 0, VR_ALIGN_ISSUE_ID_DIFFERS, 2, 2,
               "Paragraph 3 (“p3”) faces paragraph 3 (“p4”) of the other file, whose id differs");
}

static void
test_import (void)
{
  g_autoptr(VrDocument) doc = load_fixture ("two-versions.json");
  g_autoptr(VrDocument) other = load_fixture ("align-by-id.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(VrAlignment) alignment = NULL;
  VrVersion *version;

  /* The document has an "en-alt" of its own. */
  alignment = vr_align_import_version (doc, other, "en-alt", NULL, VR_ALIGN_AUTO, &error);
  g_assert_error (error, VR_ERROR, VR_ERROR_DUPLICATE);
  g_assert_null (alignment);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (vr_document_get_versions (doc)), ==, 2);
  g_assert_false (vr_document_get_modified (doc));

  alignment = vr_align_import_version (doc, other, "en-alt", "en-other", VR_ALIGN_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alignment->issues->len, ==, 3);
  g_assert_true (vr_document_get_modified (doc));

  version = vr_document_lookup_version (doc, "en-other");
  g_assert_nonnull (version);
  g_assert_cmpstr (vr_version_get_language (version), ==, "en");
  g_assert_cmpstr (vr_version_get_translator (version), ==, "Nobody (test fixture)");
  g_assert_cmpstr (vr_version_get_label (version), ==,
                   "Second English rendering (test fixture, invented)");
  g_assert_cmpstr (vr_paragraph_get_text (vr_document_lookup_paragraph (doc, "p1"), "en-other"), ==,
                   "Yung Kong-hum made a speech at the Plenum of the KWP CC.");
  g_assert_cmpstr (vr_paragraph_get_text (vr_document_lookup_paragraph (doc, "p5"), "en-other"), ==,
                   vr_paragraph_get_text (vr_document_lookup_paragraph (other, "p5"), "en-alt"));
  g_assert_null (vr_paragraph_get_text (vr_document_lookup_paragraph (doc, "p3"), "en-other"));
}

static void
test_errors (void)
{
  g_autoptr(VrDocument) doc = load_fixture ("two-versions.json");
  g_autoptr(VrDocument) other = load_fixture ("align-by-id.json");
  g_autoptr(VrDocument) empty = vr_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VrAlignment) alignment = NULL;

  alignment = vr_align_documents (doc, other, "de", VR_ALIGN_AUTO, &error);
  g_assert_error (error, VR_ERROR, VR_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==, "The other file has no version “de”");
  g_assert_null (alignment);
  g_clear_error (&error);

  alignment = vr_align_documents (doc, empty, NULL, VR_ALIGN_AUTO, &error);
  g_assert_error (error, VR_ERROR, VR_ERROR_REFERENCE);
  g_assert_null (alignment);
  g_clear_error (&error);

  /* Only p7 has French text, and this document has no p7. */
  alignment = vr_align_import_version (doc, other, "fr", NULL, VR_ALIGN_BY_ID, &error);
  g_assert_error (error, VR_ERROR, VR_ERROR_VALUE);
  g_assert_null (alignment);
  g_assert_null (vr_document_lookup_version (doc, "fr"));
  g_assert_false (vr_document_get_modified (doc));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/align/by-id", test_by_id);
  g_test_add_func ("/compare/align/by-order", test_by_order);
  g_test_add_func ("/compare/align/forced-order", test_forced_order);
  g_test_add_func ("/compare/align/import", test_import);
  g_test_add_func ("/compare/align/errors", test_errors);

  return g_test_run ();
}
