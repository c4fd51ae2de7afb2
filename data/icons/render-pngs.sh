#!/usr/bin/env bash
# data/icons/render-pngs.sh: renders the app icons (scalable/apps/*.svg) to
# the PNG sizes of the hicolor theme (hicolor/NxN/apps/*.png), which are
# committed. GTK loads the window icon and the About window's icon from
# these PNGs, so that it does not load librsvg before the first frame.
# Run it after changing an SVG. Needs rsvg-convert (librsvg2-bin) or
# Python with GdkPixbuf (python3-gi, gir1.2-gdkpixbuf-2.0, librsvg2-common).
set -euo pipefail
cd "$(dirname "$0")/hicolor"

sizes=(16 24 32 48 64 128 256 512)

render () {
  local svg=$1 size=$2 png=$3
  if command -v rsvg-convert >/dev/null 2>&1; then
    rsvg-convert --width "$size" --height "$size" --output "$png" "$svg"
  else
    /usr/bin/python3 - "$svg" "$size" "$png" <<'PY'
import sys
import gi
gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf
svg, size, png = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pixbuf = GdkPixbuf.Pixbuf.new_from_file_at_scale(svg, size, size, True)
pixbuf.savev(png, 'png', ['compression'], ['9'])
PY
  fi
}

for svg in scalable/apps/*.svg; do
  name=$(basename "$svg" .svg)
  for size in "${sizes[@]}"; do
    mkdir -p "${size}x${size}/apps"
    render "$svg" "$size" "${size}x${size}/apps/$name.png"
  done
done
