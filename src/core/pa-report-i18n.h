/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A report is written in its own language, chosen per report and independent
 * of the interface: a French-speaking trainer prints an Arabic certificate.
 *
 * glibc's gettext follows the process (or thread) locale, and switching it
 * with uselocale() needs that locale to be generated on the machine, which a
 * centre's PC rarely has for every language it prints in. So reports read the
 * translation catalogues (.mo files of the "passerelle" domain) themselves:
 * each catalogue is parsed once, is immutable afterwards and is shared through
 * a cache guarded by a mutex, so any thread (a print worker included) can
 * translate with it at no cost and without touching the global locale.
 */

typedef struct _PaReportI18n PaReportI18n;

#define PA_TYPE_REPORT_I18N (pa_report_i18n_get_type ())

GType          pa_report_i18n_get_type      (void) G_GNUC_CONST;
PaReportI18n  *pa_report_i18n_new           (const char   *language);
PaReportI18n  *pa_report_i18n_new_from_dir  (const char   *localedir,
                                             const char   *domain,
                                             const char   *language);
PaReportI18n  *pa_report_i18n_ref           (PaReportI18n *self);
void           pa_report_i18n_unref         (PaReportI18n *self);

const char    *pa_report_i18n_get_language  (PaReportI18n *self);
gboolean       pa_report_i18n_has_catalog   (PaReportI18n *self);
gboolean       pa_report_i18n_is_rtl        (PaReportI18n *self);
gboolean       pa_report_language_is_rtl    (const char   *language);

/* The keywords below are given to xgettext (po/meson.build), so the strings
 * passed to them literally are extracted into the catalogue. */
const char    *pa_report_gettext            (PaReportI18n *self,
                                             const char   *msgid);
const char    *pa_report_pgettext           (PaReportI18n *self,
                                             const char   *context,
                                             const char   *msgid);
const char    *pa_report_ngettext           (PaReportI18n *self,
                                             const char   *msgid,
                                             const char   *msgid_plural,
                                             gulong        n);

char          *pa_report_expand             (const char   *template_,
                                             ...) G_GNUC_NULL_TERMINATED;
char          *pa_report_i18n_format_date   (PaReportI18n *self,
                                             const GDate  *date);
const char    *pa_i18n_localedir_override   (void);
void           pa_i18n_bind_textdomain      (void);
char          *pa_format_date               (const GDate  *date,
                                             gboolean      with_year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaReportI18n, pa_report_i18n_unref)

G_END_DECLS
