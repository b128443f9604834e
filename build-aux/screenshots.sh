#!/usr/bin/env bash
# Takes the interface screenshots a reviewer looks at, into
# tests/artifacts/screenshots/: light, dark, right-to-left, a projector
# (1024x600), a narrow folded window, the welcome page and the page shown
# for a damaged store. Each runs the real application on a virtual X
# display, with throw-away settings and data.
#
#   build-aux/screenshots.sh [BUILDDIR]     (default: _build)
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

builddir=${1:-_build}
[ -f "$builddir/build.ninja" ] || meson setup "$builddir"
meson compile -C "$builddir"

out=$PWD/tests/artifacts/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

app=$PWD/$builddir/src/passerelle
cli=$PWD/$builddir/src/cli/passerelle-cli
export GSETTINGS_SCHEMA_DIR=$PWD/$builddir/data
export PASSERELLE_LOCALEDIR=$PWD/$builddir/po
export GSETTINGS_BACKEND=keyfile
export NO_AT_BRIDGE=1 GTK_A11Y=none
# Software rendering: the same picture on every machine, and Xvfb's GL
# sometimes leaves right-to-left windows black.
export GSK_RENDERER=cairo

# shot NAME WIDTH HEIGHT [VAR=VALUE...] -- ARGS...
# The window is given the size of the virtual screen, so the picture is the window.
shot() {
  local name=$1 width=$2 height=$3
  shift 3
  local vars=()
  while [ "$1" != "--" ]; do vars+=("$1"); shift; done
  shift
  local home=$tmp/$name
  mkdir -p "$home/config/glib-2.0/settings"
  printf '[org/passerelle/Passerelle]\nwindow-width=%d\nwindow-height=%d\n' "$width" "$height" \
    >"$home/config/glib-2.0/settings/keyfile"
  cp -r "$tmp/data" "$home/data" 2>/dev/null || mkdir -p "$home/data"
  env XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" "${vars[@]}" \
    SHOT_OUT="$out/$name.png" \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- bash -c '
      "$0" "$@" >/dev/null 2>&1 &
      pid=$!
      sleep 5
      kill -0 "$pid" || { echo "the application exited early" >&2; exit 1; }
      import -window root "$SHOT_OUT"
      kill "$pid"; wait "$pid" 2>/dev/null || true
    ' "$app" "$@" 2>/dev/null
  echo "$out/$name.png"
}

# A damaged centre with two backups.
damaged=$tmp/damaged/centre.db
"$cli" --db "$damaged" case add --given-name Amal --family-name Haddad --origin SY >/dev/null
"$cli" --db "$damaged" backup "$tmp/damaged/backups/centre-20250310-081500-daily.db" >/dev/null
"$cli" --db "$damaged" backup "$tmp/damaged/backups/centre-20250311-090200-daily.db" >/dev/null
touch -d '2025-03-10 08:15' "$tmp/damaged/backups/centre-20250310-081500-daily.db"
touch -d '2025-03-11 09:02' "$tmp/damaged/backups/centre-20250311-090200-daily.db"
printf 'This file was overwritten by mistake.\n' >"$damaged"
rm -f "$damaged-wal" "$damaged-shm"

mkdir -p "$tmp/data"
shot welcome 1100 720 -- --db "$tmp/empty.db"
shot cases-light 1280 800 -- --db "$tmp/empty.db" --demo
shot cases-dark 1280 800 ADW_DEBUG_COLOR_SCHEME=prefer-dark -- --db "$tmp/empty.db" --demo
shot cases-rtl 1280 800 LANGUAGE=ar LANG=ar_EG.UTF-8 LC_ALL=ar_EG.UTF-8 -- --db "$tmp/empty.db" --demo
shot projector 1024 600 -- --db "$tmp/empty.db" --demo
shot narrow 700 800 -- --db "$tmp/empty.db" --demo
shot damaged 1100 720 -- --db "$damaged"
shot damaged-dark 1100 720 ADW_DEBUG_COLOR_SCHEME=prefer-dark -- --db "$damaged"
