/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PaStore PaStore;
typedef struct _PaCase PaCase;
typedef struct _PaCaseList PaCaseList;

/* The four stages of a competence claim, in the order a claim moves through them. */
typedef enum
{
  PA_STAGE_IDENTIFIED = 1,
  PA_STAGE_DOCUMENTED = 2,
  PA_STAGE_ASSESSED = 3,
  PA_STAGE_CERTIFIED = 4,
} PaStage;

G_END_DECLS
