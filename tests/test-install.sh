#!/usr/bin/env bash
# Installs the build into a throw-away DESTDIR and checks that everything a
# desktop needs is in place: programs, desktop file, metainfo, icons, schema,
# help in every language of help/LINGUAS and translations in every language
# of po/LINGUAS. Needs no root and leaves the build tree alone (meson only
# writes its install log there).
#
#   test-install.sh BUILDDIR SRCDIR PREFIX BINDIR DATADIR LOCALEDIR
set -uo pipefail
build=$1 src=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6
app_id=org.passerelle.Passerelle

dest=$(mktemp -d "${TMPDIR:-/tmp}/passerelle-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT

# Absolute directories are used as they are; relative ones are under PREFIX.
under_prefix() { case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
bin=$dest$(under_prefix "$bindir")
share=$dest$(under_prefix "$datadir")
locale=$dest$(under_prefix "$localedir")

failed=0
n=0
check() {
  local what=$1
  shift
  n=$((n + 1))
  if "$@" >"$dest.out" 2>&1; then
    echo "ok $n - $what"
  else
    echo "not ok $n - $what"
    sed 's/^/# /' "$dest.out"
    failed=1
  fi
  rm -f "$dest.out"
}
has() { command -v "$1" >/dev/null 2>&1; }

# DESTDIR keeps the post-install scripts (schema, icon cache) from running.
if ! meson install -C "$build" --no-rebuild --destdir "$dest" >"$dest.log" 2>&1; then
  echo "Bail out! meson install failed"
  sed 's/^/# /' "$dest.log"
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

check "passerelle is installed" test -x "$bin/passerelle"
check "passerelle-cli is installed" test -x "$bin/passerelle-cli"
check "the installed passerelle-cli runs" "$bin/passerelle-cli" --help

desktop=$share/applications/$app_id.desktop
check "desktop file" test -f "$desktop"
has desktop-file-validate && check "desktop file validates" desktop-file-validate "$desktop"
check "desktop file names the installed icon" grep -qx "Icon=$app_id" "$desktop"

metainfo=$share/metainfo/$app_id.metainfo.xml
check "metainfo" test -f "$metainfo"
has appstreamcli && check "metainfo validates" appstreamcli validate --no-net "$metainfo"

check "application icon" test -f "$share/icons/hicolor/scalable/apps/$app_id.svg"
check "symbolic icon" test -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"

schemas=$share/glib-2.0/schemas
check "GSettings schema" test -f "$schemas/$app_id.gschema.xml"
check "GSettings schema compiles" glib-compile-schemas --strict --dry-run "$schemas"

pages=$(cd "$src/help/C" && ls ./*.page | sed 's|^\./||')
help_langs="C $(grep -v '^#' "$src/help/LINGUAS" | tr '\n' ' ')"
for lang in $help_langs; do
  dir=$share/help/$lang/passerelle
  missing=$(for p in $pages; do [ -f "$dir/$p" ] || echo "$p"; done)
  check "help ($lang): every page" test -z "$missing"
  check "help ($lang): figures" test -f "$dir/figures/$app_id.svg"
  has yelp-check && check "help ($lang): pages validate" yelp-check validate $(for p in $pages; do echo "$dir/$p"; done)
done
check "help in French is French" grep -q "Premiers pas" "$share/help/fr/passerelle/getting-started.page"
if has yelp-build; then
  check "help as HTML, for browsers" test -f "$share/passerelle/help/C/html/index.html"
fi

for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  check "translation ($lang)" test -f "$locale/$lang/LC_MESSAGES/passerelle.mo"
done

echo "1..$n"
echo "# installed into $dest:"
(cd "$dest" && find . -type f | sort | grep -v '/help/[^/]*/passerelle/' | sed 's/^/#   /')
exit $failed
