#!/usr/bin/env bash
# Makes the benchmark's real-photograph inputs, once, under the directory given (imaging/target/imaging-bench/photos):
# camera photos from Debian's mate-backgrounds 1.26 (GPL-2+, authors in its debian/copyright and AUTHORS),
#   nature/Wood.jpg   2560x1920, Jean-Francois Fortin Tam, 2008
#   nature/Storm.jpg  1920x1280, Sergey Nazarov, 2008
#   nature/Garden.jpg 2560x1600, Charles Barbin, 2008
# None is as large as a phone's or camera's photo, so each is enlarged with ImageMagick's Lanczos filter and cropped
# to the aspect ratio; a light Gaussian grain (-attenuate 0.4) stands in for the sensor noise an enlargement smooths
# away (without it a 12 MP file is 0.9 MB, with it 3 MB, as a phone's is: the entropy decoder's work depends on it);
# then cjpeg encodes it at quality 90 with the stated chroma sampling. Needs apt-get (download
# only, no install), dpkg-deb, ImageMagick 6 (/usr/bin/convert, identify) and libjpeg-turbo-progs (cjpeg).
set -euo pipefail
out="$1"
mkdir -p "$out"
cd "$out"

# name, source photo, width, height, cjpeg options
inputs=(
  "phone-12mp-420.jpg nature/Wood.jpg 4000 3000 -sample 2x2"
  "phone-48mp-420.jpg nature/Wood.jpg 8000 6000 -sample 2x2"
  "camera-20mp-422.jpg nature/Storm.jpg 5472 3648 -sample 2x1"
  "progressive-8mp-420.jpg nature/Garden.jpg 3264 2448 -sample 2x2 -progressive"
)

missing=0
for input in "${inputs[@]}"; do
  set -- $input
  [[ -s "$1" ]] || missing=1
done
[[ $missing == 0 ]] && exit 0

if [[ ! -d package ]]; then
  apt-get download mate-backgrounds >&2
  dpkg-deb -x mate-backgrounds_*.deb package
fi
for input in "${inputs[@]}"; do
  set -- $input
  name=$1 photo=package/usr/share/backgrounds/mate/$2 width=$3 height=$4
  shift 4
  [[ -s "$name" ]] && continue
  echo "making $name from $photo" >&2
  /usr/bin/convert "$photo" -colorspace sRGB -filter Lanczos -resize "${width}x${height}^" -gravity center \
    -extent "${width}x${height}" -attenuate 0.4 +noise Gaussian -strip ppm:- | cjpeg -quality 90 -optimize "$@" > "$name.part"
  mv "$name.part" "$name"
  identify -format "  %f: %wx%h, sampling %[jpeg:sampling-factor], %[interlace], %b\n" "$name" >&2
done
