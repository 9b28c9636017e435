/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VR_ERROR (vr_error_quark ())

/**
 * VrError:
 * @VR_ERROR_IO: the file could not be read or written
 * @VR_ERROR_EMPTY: the input holds no JSON value at all
 * @VR_ERROR_ENCODING: the input is not valid UTF-8
 * @VR_ERROR_SYNTAX: the input is not well-formed (strict) JSON
 * @VR_ERROR_TOO_DEEP: arrays/objects nest deeper than the format allows
 * @VR_ERROR_TOO_LARGE: the input is larger than the loader accepts
 * @VR_ERROR_NOT_A_DOCUMENT: the top level is not a Variorum document object
 * @VR_ERROR_NEWER_VERSION: made by a newer Variorum (higher major version)
 * @VR_ERROR_BAD_VERSION: the "variorum" key is not a valid version number
 * @VR_ERROR_MISSING: a required key is missing
 * @VR_ERROR_TYPE: a value has the wrong JSON type
 * @VR_ERROR_VALUE: a value has the right type but is not acceptable
 * @VR_ERROR_DUPLICATE: an id or key appears twice
 * @VR_ERROR_REFERENCE: a reference to an unknown entity, paragraph or version
 * @VR_ERROR_RANGE: offsets outside the text, or end before start
 * @VR_ERROR_FAILED: anything else
 *
 * Error codes in the %VR_ERROR domain. Messages always name the file and the
 * place (FILE:LINE:COL, FILE: /json/pointer, or FILE:) and say what was expected.
 */
typedef enum
{
  VR_ERROR_IO,
  VR_ERROR_EMPTY,
  VR_ERROR_ENCODING,
  VR_ERROR_SYNTAX,
  VR_ERROR_TOO_DEEP,
  VR_ERROR_TOO_LARGE,
  VR_ERROR_NOT_A_DOCUMENT,
  VR_ERROR_NEWER_VERSION,
  VR_ERROR_BAD_VERSION,
  VR_ERROR_MISSING,
  VR_ERROR_TYPE,
  VR_ERROR_VALUE,
  VR_ERROR_DUPLICATE,
  VR_ERROR_REFERENCE,
  VR_ERROR_RANGE,
  VR_ERROR_FAILED,
} VrError;

GQuark vr_error_quark (void);

G_END_DECLS
