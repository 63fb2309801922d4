#!/usr/bin/env bash
# Renders the committed icon set from the SVG sources in assets/icons. Run by hand after editing an
# SVG; the build and CI only use the committed files, so they need none of these tools.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick's convert, png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../assets/icons"

# 16 and 24 px come from a variant hinted to the pixel grid; the full mark goes soft that small.
for size in 16 24; do
  rsvg-convert -w "$size" -h "$size" dialbook-small.svg -o "dialbook-$size.png"
done
for size in 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" dialbook.svg -o "dialbook-$size.png"
done

convert dialbook-16.png dialbook-24.png dialbook-32.png dialbook-48.png dialbook-64.png \
  dialbook-128.png dialbook-256.png dialbook.ico
png2icns dialbook.icns dialbook-16.png dialbook-32.png dialbook-48.png dialbook-128.png \
  dialbook-256.png dialbook-512.png >/dev/null

# The sizes windows and dialogs use at run time (Stage.getIcons picks the best fit).
resources=../../src/main/resources/org/dialbook/ui/icons
mkdir -p "$resources"
for size in 16 24 32 48 64 128 256; do
  cp "dialbook-$size.png" "$resources/"
done
