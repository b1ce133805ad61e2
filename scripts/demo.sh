#!/usr/bin/env bash
# Sets up, builds, and runs copydesk's main job on its built-in crawl: finds
# the copy groups, prints the largest ones and the score against gold labels.
# Extra arguments go to `copydesk dedup` (e.g. --demo-docs 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
bash scripts/setup.sh >/dev/null
exec "$BUILD_DIR/copydesk" dedup --containment --report 5 "$@"
