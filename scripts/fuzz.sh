#!/usr/bin/env bash
# Fuzzes every parser for a bounded time (fuzz/README.md): builds the libFuzzer
# targets of fuzz/ with clang, AddressSanitizer and UBSan into build-fuzz, runs
# each one in turn on its seed corpus, keeps every crash, timeout, leak or
# out-of-memory input in fuzz/regressions/<target>/ (replayed by
# tests/test_fuzz_regressions in the normal test suite) and prints a summary.
# Installs clang and its fuzzer runtime from Debian when missing.
#
#   bash scripts/fuzz.sh               # 60 s per target
#   bash scripts/fuzz.sh 300           # 5 min per target
#   TARGETS="warc html" bash scripts/fuzz.sh 30
#   MINIMIZE=1 bash scripts/fuzz.sh    # keep minimised crash inputs (up to 60 s each)
#
# Exit 0: nothing found; 1: something crashed (see the summary); 2: could not run.
# The corpus each target grows is kept in $BUILD_DIR/fuzz-corpus/<target>/, so a
# later run goes on from there; fuzz/corpus/ (the seeds) is never written.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
BUILD_DIR=${BUILD_DIR:-build-fuzz}
read -r -a targets <<<"${TARGETS:-warc html jsonl meta boilerplate timeline}"
max_crashes_per_target=${MAX_CRASHES:-5}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "fuzz: SECONDS_PER_TARGET must be a positive integer, got '$seconds'" >&2
  exit 2
fi

# Longest input per target: whole pages and WARC files get 1 MiB; lines,
# datelines, the boilerplate target's three pages and the timeline target's
# three story files need less.
max_len_of() {
  case "$1" in
    warc | html) echo 1048576 ;;
    jsonl | boilerplate | timeline) echo 65536 ;;
    meta) echo 4096 ;;
    *) echo "fuzz: unknown target '$1'" >&2; exit 2 ;;
  esac
}

# ---------------------------------------------------------------- packages
packages=(
  clang libclang-rt-dev libomp-dev cmake ninja-build pkg-config
  libxxhash-dev libfaiss-dev libopenblas0-openmp libsimdjson-dev libcli11-dev libicu-dev zlib1g-dev
  libmodest-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "fuzz: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- build
jobs=$(nproc 2>/dev/null || echo 2)
# -Wno-unknown-warning-option: the shared warning flags include GCC-only ones.
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCOPYDESK_FUZZ=ON -DCOPYDESK_SANITIZE=ON -DCOPYDESK_BUILD_TESTS=OFF \
  -DCMAKE_CXX_FLAGS=-Wno-unknown-warning-option >/dev/null
targets_to_build=()
for t in "${targets[@]}"; do
  max_len_of "$t" >/dev/null
  targets_to_build+=("fuzz_$t")
done
cmake --build "$BUILD_DIR" -j "$jobs" --target "${targets_to_build[@]}"

# ---------------------------------------------------------------- run
# fuzz/asan.supp: a known overlapping memcpy inside MyHTML (see there).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:suppressions=$PWD/fuzz/asan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
found_any=0
summary=()
for t in "${targets[@]}"; do
  binary="$BUILD_DIR/fuzz/fuzz_$t"
  work="$BUILD_DIR/fuzz-corpus/$t"
  artifacts="$BUILD_DIR/fuzz-artifacts/$t"
  log="$BUILD_DIR/fuzz-logs/$t.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")" "fuzz/regressions/$t"
  rm -f "$artifacts"/* "$log"
  dict=()
  [ -f "fuzz/dict/$t.dict" ] && dict=("-dict=fuzz/dict/$t.dict")

  # libFuzzer stops at the first crash: go on with the time left, up to
  # max_crashes_per_target times, so that one bug does not hide the others.
  start=$(date +%s)
  runs=0 crashes=0 cov=0
  while :; do
    left=$((seconds - ($(date +%s) - start)))
    [ "$left" -ge 1 ] || break
    echo "fuzz: $t for ${left} s (log: $log)" >&2
    rc=0
    "$binary" -max_total_time="$left" -timeout=10 -rss_limit_mb=4096 -max_len="$(max_len_of "$t")" \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$work" "fuzz/corpus/$t" \
      >>"$log" 2>&1 || rc=$?
    # Each run ends with its stats; the last such lines are this run's.
    r=$(grep -a '^stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}' || true)
    runs=$((runs + ${r:-0}))
    c=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
    [ -n "$c" ] && [ "$c" -gt "$cov" ] && cov=$c
    [ "$rc" -eq 0 ] && break
    crashes=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    if [ "$crashes" -eq 0 ]; then
      echo "fuzz: fuzz_$t exited with $rc without an artifact; see $log" >&2
      tail -20 "$log" >&2
      exit 2
    fi
    [ "$crashes" -ge "$max_crashes_per_target" ] && break
  done
  elapsed=$(($(date +%s) - start))

  # Keep what was found as regression inputs.
  for a in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    [ -f "$a" ] || continue
    found_any=1
    kept="fuzz/regressions/$t/$(basename "$a")"
    if [ "${MINIMIZE:-0}" = 1 ] && [[ "$(basename "$a")" == crash-* ]]; then
      "$binary" -minimize_crash=1 -max_total_time=60 -exact_artifact_path="$kept" "$a" >>"$log" 2>&1 || true
      [ -f "$kept" ] || cp "$a" "$kept"
    else
      cp "$a" "$kept"
    fi
    echo "fuzz: $t: kept $kept" >&2
  done
  corpus=$(find "$work" -maxdepth 1 -type f | wc -l)
  exec_per_s=$((runs / (elapsed > 0 ? elapsed : 1)))
  summary+=("$(printf '%-12s %7s %10s %8s %6s %7s %8s' "$t" "$elapsed" "$runs" "$exec_per_s" "$cov" "$corpus" "$crashes")")
done

echo
printf '%-12s %7s %10s %8s %6s %7s %8s\n' target seconds runs exec/s cov corpus crashes
printf '%s\n' "${summary[@]}"
if [ "$found_any" -ne 0 ]; then
  echo "fuzz: crashes found; inputs kept in fuzz/regressions/ (logs in $BUILD_DIR/fuzz-logs/)" >&2
  exit 1
fi
