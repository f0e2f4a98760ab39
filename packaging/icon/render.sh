#!/usr/bin/env bash
# Renders the icon's SVG to the PNG sizes, the Windows .ico and the macOS .icns that jpackage takes.
# The results are committed, so building an installer never needs these tools; run this only after
# changing the SVG. Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
svg=concurrency-lab.svg
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "png/concurrency-lab-$size.png"
done
convert png/concurrency-lab-{16,24,32,48,64,128,256}.png concurrency-lab.ico
png2icns concurrency-lab.icns png/concurrency-lab-{16,32,48,128,256,512}.png >/dev/null
