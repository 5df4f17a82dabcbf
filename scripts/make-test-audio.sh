#!/bin/sh
# Makes test/fixtures/episode.mp3, the small real mp3 the browser tests serve in place of the
# show's audio host: two minutes of a quiet tone, 8 kbit/s constant bitrate (so that a seek
# lands where asked), 16 kHz mono (MPEG-2: Firefox decodes no MPEG-2.5). Needs Debian's sox and lame.
set -eu
out="$(dirname "$0")/../test/fixtures/episode.mp3"
tmp="$(mktemp -d)"
sox -n -r 16000 -c 1 "$tmp/tone.wav" synth 120 sine 440 vol 0.05
lame --quiet --cbr -b 8 --resample 16 "$tmp/tone.wav" "$out"
rm -rf "$tmp"
