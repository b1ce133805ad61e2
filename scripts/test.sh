#!/usr/bin/env bash
# Sets up, builds, and runs every test (ctest). Tests on ../shared/datasets
# skip with a message when that folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
bash scripts/setup.sh

# Headless Chromium renders the `copydesk timeline` report in its tests
# (tests/test_timeline.cpp); they skip with a message without it.
if ! command -v chromium >/dev/null 2>&1; then
  echo "test: installing chromium (for the timeline report tests)" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  { "${sudo_cmd[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
      chromium fonts-liberation >/dev/null; } ||
    echo "test: chromium not installed; the timeline rendering tests will skip" >&2
fi
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$jobs"
