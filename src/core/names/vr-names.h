/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The names engine: romanize, compare (keys), find, cluster. See README.md. */
#pragma once

#include "vr-name-cluster.h"
#include "vr-name-finder.h"
#include "vr-name-key.h"
#include "vr-romanize.h"
