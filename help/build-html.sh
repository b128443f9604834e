#!/bin/sh
# build-html.sh YELP-BUILD OUTDIR SRCDIR PAGE...: the help as HTML pages, with
# the figures they show.
set -eu
yelp_build=$1 out=$2 src=$3
shift 3
rm -rf "$out"
mkdir -p "$out/figures"
"$yelp_build" html -o "$out" "$@"
cp "$src"/figures/*.svg "$out/figures/"
