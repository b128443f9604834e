#!/usr/bin/env bash
# Times the start of the window on a generated store of CASES cases, RUNS
# times, on one virtual X display with throw-away settings:
#  - "from exec": from the moment the program is started (loading its
#    libraries included) to the first frame drawn with the case list filled;
#  - "in app": the same, from the moment the application object exists
#    (what `passerelle --bench-startup` prints), with its processor time, of
#    all threads and of the main thread (which a busy or shared virtual
#    machine inflates less than the wall-clock times).
# Each is measured twice: as the application starts by itself (without a GPU,
# as under Xvfb, it draws with Cairo and leaves OpenGL off), and with GTK's
# OpenGL renderer forced (GSK_RENDERER=gl), which under Xvfb is Mesa's
# software rasteriser llvmpipe.
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
xvfb_pid=
cleanup() {
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
store=$tmp/centre.db
"$builddir/src/cli/passerelle-cli" --db "$store" demo --count "$cases" >/dev/null

export GSETTINGS_SCHEMA_DIR=$PWD/$builddir/data GSETTINGS_BACKEND=memory
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data NO_AT_BRIDGE=1 GTK_A11Y=none

# One X server for every run.
exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -1 "$tmp/display")

median() {
  sort -n | awk '{ v[NR] = $1 } END { printf "median %.1f ms (min %.1f, max %.1f, %d runs)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'
}

bench() {
  local label=$1
  shift
  : >"$tmp/exec" ; : >"$tmp/app" ; : >"$tmp/cpu" ; : >"$tmp/main"
  for _ in $(seq "$runs"); do
    local start out
    start=$(date +%s%6N)
    out=$(env "$@" "$builddir/src/passerelle" --db "$store" --bench-startup 2>/dev/null)
    sed -nE 's/.*main thread; (.*)\)$/\1/p' <<<"$out" >"$tmp/renderer"
    awk -v s="$start" '/first frame drawn at/ { printf "%.1f\n", ($6 - s) / 1000 }' <<<"$out" >>"$tmp/exec"
    sed -nE 's/^startup: ([0-9.]+) ms to an interactive window.*/\1/p' <<<"$out" >>"$tmp/app"
    sed -nE 's/.*cases; ([0-9.]+) ms of processor time.*/\1/p' <<<"$out" >>"$tmp/cpu"
    sed -nE 's/.* ([0-9.]+) ms in the main thread.*/\1/p' <<<"$out" >>"$tmp/main"
  done
  echo "$label ($(cat "$tmp/renderer")), $cases cases:"
  echo "  from exec:       $(median <"$tmp/exec")"
  echo "  in app:          $(median <"$tmp/app")"
  echo "  processor time:  $(median <"$tmp/cpu") (all threads)"
  echo "  main thread:     $(median <"$tmp/main")"
}

bench "As the application chooses" -u GSK_RENDERER -u GDK_DEBUG
bench "OpenGL forced" -u GDK_DEBUG GSK_RENDERER=gl
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
