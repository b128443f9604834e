#!/usr/bin/env bash
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
set -euo pipefail
top=${1:-.}
cd "$top"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done
found=$( {
  grep -lE '\b(N?_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2|pa_report_[np]?gettext|TR2?)\s*\(' \
    src --include='*.c' -r || true
  # In headers, only a marked string literal counts (not a declaration or comment).
  grep -lE '\b(N?_|C_|NC_|Q_)\s*\(\s*"' src --include='*.h' -r || true
  grep -lE 'translatable="(yes|true|1)"' src data --include='*.ui' -r || true
  find data -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.appdata.xml.in' \
    -o -name '*.gschema.xml' || true
} | sed 's|^\./||' | sort -u)
for f in $found; do
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "$f has translatable strings but is not listed in po/POTFILES.in"
    status=1
  fi
done
exit $status
