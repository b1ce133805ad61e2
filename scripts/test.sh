#!/usr/bin/env bash
# Sets up, builds, and runs every test (ctest). Tests on ../shared/datasets
# skip with a message when that folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$jobs"
