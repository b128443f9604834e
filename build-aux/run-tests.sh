#!/usr/bin/env bash
# Builds Passerelle with AddressSanitizer and UndefinedBehaviorSanitizer and
# runs the whole test suite (interface tests under Xvfb when there is no
# display). Usage: build-aux/run-tests.sh [meson test arguments, e.g. --suite core]
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

builddir=${PASSERELLE_TEST_BUILDDIR:-_build-tests}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C "$builddir"

runner=()
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  runner=(xvfb-run -a -s "-screen 0 1280x800x24")
fi

out="$builddir/meson-logs/test-summary.txt"
set +e
"${runner[@]}" meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e

# One closing line that any reader understands, from meson's own summary.
count() { sed -n "s/^$1: *\([0-9]*\).*/\1/p" "$out" | tail -1; }
ok=$(count 'Ok'); fail=$(count 'Fail'); timeout=$(count 'Timeout'); skip=$(count 'Skipped')
echo "${ok:-0} passed, $(( ${fail:-0} + ${timeout:-0} )) failed, ${skip:-0} skipped"
exit "$status"
