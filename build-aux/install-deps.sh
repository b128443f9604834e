#!/usr/bin/env bash
# Installs the Debian 12 packages Passerelle needs to build, run and test.
# Does nothing when they are all present; uses sudo when not run as root.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxml2-dev
  libjson-glib-dev libcairo2-dev libpango1.0-dev libqrencode-dev librsvg2-dev
  libgdk-pixbuf-2.0-dev libpoppler-glib-dev
  # run time data
  iso-codes fonts-dejavu-core fonts-noto-core
  # tests
  xvfb xauth desktop-file-utils appstream libxml2-utils sqlite3 yelp-tools itstool
  poppler-utils imagemagick zbar-tools dbus-daemon
  # right-to-left screenshots need an Arabic locale
  locales
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! locale -a 2>/dev/null | grep -qix 'ar_EG\.utf-\?8'; then
  echo "Generating the ar_EG.UTF-8 locale"
  $SUDO localedef -i ar_EG -f UTF-8 ar_EG.UTF-8
fi
