#!/usr/bin/env bash
# Every language listed is really there: po/LINGUAS names po/LL.po files that
# compile, and help/LINGUAS names help translations that are complete (no
# untranslated or fuzzy message: a half-translated help is worse than the
# English one Yelp falls back to). Prints msgfmt's statistics for each.
set -euo pipefail
top=${1:-.}
cd "$top"
status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  if [ ! -f "po/$lang.po" ]; then
    echo "po/LINGUAS lists $lang, but po/$lang.po does not exist"; status=1; continue
  fi
  printf 'po/%s.po: ' "$lang"
  msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1 || status=1
done
for lang in $(grep -v '^#' help/LINGUAS); do
  po=help/$lang/$lang.po
  if [ ! -f "$po" ]; then
    echo "help/LINGUAS lists $lang, but $po does not exist"; status=1; continue
  fi
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || status=1
  echo "$po: $stats"
  case $stats in
    *untranslated*|*fuzzy*) echo "$po is incomplete: finish it or leave $lang out of help/LINGUAS"
                            status=1 ;;
  esac
done
exit $status
