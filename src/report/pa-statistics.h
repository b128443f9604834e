/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-layout.h"
#include "pa-report-data.h"

G_BEGIN_DECLS

/* Anonymous activity figures for funders, each with its chart. */
PaLayout *pa_statistics_layout_new (const PaStatistics *stats,
                                    const PaPageSetup  *setup);

G_END_DECLS
