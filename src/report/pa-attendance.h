/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pa-layout.h"
#include "pa-report-data.h"

G_BEGIN_DECLS

/* Sessions that fit across a portrait page; beyond, the sheet is landscape. */
#define PA_ATTENDANCE_PORTRAIT_SESSIONS 6

PaPageSetup *pa_attendance_page_setup  (const PaAttendanceData *data,
                                        const PaPageSetup      *setup);
PaLayout    *pa_attendance_layout_new  (const PaAttendanceData *data,
                                        const PaPageSetup      *setup);

G_END_DECLS
