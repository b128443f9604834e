#!/usr/bin/env bash
# Builds Passerelle and starts it on the demo centre: a store of its own,
# filled with fictional cases, that never mixes with a real centre's store.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

builddir=_build
[ -f "$builddir/build.ninja" ] || meson setup "$builddir"
meson compile -C "$builddir"

demo_db="$builddir/demo/demo-centre.db"
if [ ! -f "$demo_db" ]; then
  "$builddir/src/cli/passerelle-cli" --db "$demo_db" demo
fi

export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"
export PASSERELLE_LOCALEDIR="$PWD/$builddir/po"
exec "$builddir/src/passerelle" --db "$demo_db" "$@"
