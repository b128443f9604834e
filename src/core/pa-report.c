/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "passerelle-store"

#include "config.h"

#include "pa-report.h"

G_DEFINE_QUARK (pa-report-error-quark, pa_report_error)
