#!/usr/bin/env bash
# Builds Passerelle and starts it on the demo centre: a store of its own,
# filled with fictional cases, that never mixes with a real centre's store.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

builddir=_build
[ -f "$builddir/build.ninja" ] || meson setup "$builddir"
meson compile -C "$builddir"

# The demo centre lives in a data folder of the build's own, so nothing of
# the user's data folder is touched; the application fills it at first start.
export XDG_DATA_HOME="$PWD/$builddir/demo-data"
export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"
export PASSERELLE_LOCALEDIR="$PWD/$builddir/po"
exec "$builddir/src/passerelle" --demo "$@"
