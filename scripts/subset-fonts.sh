#!/usr/bin/env bash
# Inter, subset to the characters Norwegian and English text uses, kept small enough that a
# whole programme page stays within its weight budget. Run once when the font changes; the
# results are committed. Needs Debian's python3-fonttools and python3-brotli.
set -euo pipefail
src=node_modules/@fontsource/inter/files
out=src/web/client/fonts
unicodes="U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,U+2013-2014,U+2018-201E,U+2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2122,U+2212"
for weight in 400 600; do
  /usr/bin/python3 -m fontTools.subset "$src/inter-latin-$weight-normal.woff2" --unicodes="$unicodes" \
    --layout-features='kern,liga,calt,tnum' --flavor=woff2 --output-file="$out/inter-$weight.woff2"
done
ls -l "$out"
