/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-layout.h"
#include "pa-report-data.h"

G_BEGIN_DECLS

/* The competence portfolio of one case, over as many pages as it needs. */
PaLayout *pa_portfolio_layout_new (const PaPortfolioData *data,
                                   const PaPageSetup     *setup);

G_END_DECLS
