#!/usr/bin/env bash
# Times the start of the window on a generated store: the time from start to
# the first frame drawn with the case list filled, over several runs, on a
# virtual X display with throw-away settings.
#
#   build-aux/bench-startup.sh [BUILDDIR] [CASES] [RUNS]   (default: _build 10000 5)
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-_build}
cases=${2:-10000}
runs=${3:-5}

[ -f "$builddir/build.ninja" ] || meson setup "$builddir" -Dbuildtype=release
meson compile -C "$builddir" >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
store=$tmp/centre.db
"$builddir/src/cli/passerelle-cli" --db "$store" demo --count "$cases" >/dev/null

export GSETTINGS_SCHEMA_DIR=$PWD/$builddir/data GSETTINGS_BACKEND=memory
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data NO_AT_BRIDGE=1 GTK_A11Y=none

for i in $(seq "$runs"); do
  xvfb-run -a -s "-screen 0 1280x800x24" \
    "$builddir/src/passerelle" --db "$store" --bench-startup 2>/dev/null | grep -i startup
done | tee "$tmp/runs"

# The first number of each line is the wall time in milliseconds.
grep -oE '[0-9]+(\.[0-9]+)? ms' "$tmp/runs" | awk 'NR % 2 == 1 { print $1 }' | sort -n |
  awk '{ v[NR] = $1 } END { printf "min %.1f ms, median %.1f ms, max %.1f ms over %d runs\n", v[1], v[int((NR + 1) / 2)], v[NR], NR }'
