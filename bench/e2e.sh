#!/usr/bin/env bash
# End-to-end throughput and memory of `copydesk dedup` on a generated crawl.
#
#   bench/e2e.sh [DOCS=100000] [BUILD_DIR=build]
#
# BUILD_DIR must hold `copydesk` and `bench/copydesk_read_tokenize`
# (configure with -DCOPYDESK_BUILD_BENCH=ON). The crawl is generated once per
# DOCS (`copydesk generate --docs DOCS --seed 1`) and cached under
# ${TMPDIR:-/tmp}/copydesk-bench/; delete it to regenerate. What each figure
# means: bench/README.md.
set -euo pipefail

DOCS=${1:-100000}
BUILD=${2:-build}
CLI=$BUILD/copydesk
READ_TOKENIZE=$BUILD/bench/copydesk_read_tokenize
for exe in "$CLI" "$READ_TOKENIZE"; do
  if [[ ! -x $exe ]]; then
    echo "e2e.sh: $exe not found; build with -DCOPYDESK_BUILD_BENCH=ON (see bench/README.md)" >&2
    exit 2
  fi
done

WORK=${TMPDIR:-/tmp}/copydesk-bench
mkdir -p "$WORK"
CRAWL=$WORK/crawl-$DOCS-seed1.jsonl
if [[ ! -s $CRAWL ]]; then
  echo "generating $DOCS documents → $CRAWL" >&2
  "$CLI" generate --docs "$DOCS" --seed 1 --output "$CRAWL.tmp" 2>/dev/null
  mv "$CRAWL.tmp" "$CRAWL"
fi

RUN=$WORK/run-$$
mkdir -p "$RUN"
trap 'rm -rf "$RUN"' EXIT
ROWS=$RUN/rows.tsv
: >"$ROWS"

# measure NAME THREADS RESULT_JSON CMD...: wall seconds and peak RSS (KiB) of
# CMD, one row of $ROWS. /usr/bin/time when present, else Python's rusage.
measure() {
  local name=$1 threads=$2 result=$3
  shift 3
  echo "running: $name" >&2
  if [[ -x /usr/bin/time ]]; then
    OMP_NUM_THREADS=$threads /usr/bin/time -f '%e %M' -o "$RUN/time" "$@" >"$RUN/stdout"
  else
    OMP_NUM_THREADS=$threads python3 -c '
import resource, subprocess, sys, time
t = time.monotonic()
rc = subprocess.call(sys.argv[2:], stdout=open(sys.argv[1] + "/stdout", "w"))
wall = time.monotonic() - t
with open(sys.argv[1] + "/time", "w") as f:
    print(f"{wall:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}", file=f)
sys.exit(rc)' "$RUN" "$@"
  fi
  if [[ $result == - ]]; then  # the command's stdout is its result
    result=$RUN/stdout.$(wc -l <"$ROWS")
    cp "$RUN/stdout" "$result"
  fi
  read -r wall rss_kib <"$RUN/time"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$threads" "$wall" "$rss_kib" "$result" >>"$ROWS"
}

NPROC=$(nproc)
measure "read + tokenize" "$NPROC" - "$READ_TOKENIZE" "$CRAWL"
measure "read + tokenize" 1 - "$READ_TOKENIZE" "$CRAWL"
for variant in default containment exact; do
  flag=()
  [[ $variant != default ]] && flag=(--"$variant")
  measure "dedup $variant" "$NPROC" "$RUN/$variant.json" \
    "$CLI" dedup "$CRAWL" -o /dev/null -q --stats "$RUN/$variant.json" "${flag[@]}"
done
for j in 1 2; do
  measure "dedup -j $j" "$j" "$RUN/j$j.json" "$CLI" dedup "$CRAWL" -o /dev/null -q -j "$j" --stats "$RUN/j$j.json"
done

python3 - "$ROWS" "$CRAWL" <<'EOF'
import json, os, platform, sys

rows_path, crawl = sys.argv[1], sys.argv[2]
model = "unknown"
with open("/proc/cpuinfo") as f:
    for line in f:
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
print(f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {model}, "
      f"{mem_gb:.1f} GB RAM, {platform.system()} {platform.release()}")
print(f"crawl:   {crawl} ({os.path.getsize(crawl) / 1e6:.1f} MB of JSON Lines)")

rows = []
for line in open(rows_path):
    name, threads, wall, rss_kib, result = line.rstrip("\n").split("\t")
    r = json.load(open(result))
    docs = r.get("documents", r.get("docs"))
    text = r.get("input_bytes", r.get("bytes"))
    rows.append(dict(name=name, threads=int(threads), wall=float(wall), rss=int(rss_kib) * 1024,
                     docs=docs, text=text, r=r))
print(f"text:    {rows[0]['docs']} documents, {rows[0]['text'] / 1e6:.1f} MB of text "
      f"({rows[0]['text'] / rows[0]['docs']:.0f} B per document)")
print()
print("MB = 10^6 bytes. MB/s and docs/s: input text bytes and documents per wall second.")
print("peak RSS: maximum resident set of the process. B/doc all = peak RSS / documents: everything the")
print("  process held at its peak (text, fingerprints, pairs, buffers, the process itself) per document.")
print("  B/doc -text = (peak RSS - input text bytes) / documents: the same beyond the whole crawl's text,")
print("  for runs that hold it all (read + tokenize). `dedup` streams: it holds one batch of text at a time.")
print("  x base: wall / wall of 'read + tokenize' at the same thread count.")
print()
base = {r["threads"]: r["wall"] for r in rows if r["name"] == "read + tokenize"}
hdr = f"{'run':<18}{'threads':>8}{'wall s':>9}{'MB/s':>9}{'docs/s':>10}{'peak RSS MB':>13}{'B/doc all':>11}{'B/doc -text':>12}{'x base':>8}"
print(hdr)
print("-" * len(hdr))
for r in rows:
    x = r["wall"] / base[r["threads"]] if r["threads"] in base and r["wall"] > 0 else float("nan")
    wall = max(r["wall"], 1e-9)
    print(f"{r['name']:<18}{r['threads']:>8}{r['wall']:>9.2f}{r['text'] / 1e6 / wall:>9.1f}"
          f"{r['docs'] / wall:>10.0f}{r['rss'] / 1e6:>13.1f}{r['rss'] / r['docs']:>11.0f}"
          f"{(r['rss'] - r['text']) / r['docs']:>12.0f}{x:>8.2f}")

print()
print("Per-stage seconds from --stats (wall, except the (cpu) stages: CPU seconds summed over threads).")
print("sig MB/s/core = input text bytes / (normalize + shingle + minhash CPU seconds);")
print("minhash MB/s/core = input text bytes / minhash CPU seconds.")
print()
stages = ["read", "normalize (cpu)", "shingle (cpu)", "minhash (cpu)", "fingerprint", "lsh", "verify",
          "cluster", "write"]
short = ["read", "norm cpu", "shing cpu", "mh cpu", "fprint", "lsh", "verify", "cluster", "write"]
hdr = f"{'run':<18}" + "".join(f"{s:>10}" for s in short) + f"{'sig MB/s/c':>11}{'mh MB/s/c':>10}"
print(hdr)
print("-" * len(hdr))
for r in rows:
    if "candidate_pairs" not in r["r"]:
        continue
    s = r["r"]["seconds"]
    sig = s["normalize (cpu)"] + s["shingle (cpu)"] + s["minhash (cpu)"]
    print(f"{r['name']:<18}" + "".join(f"{s.get(k, float('nan')):>10.3f}" for k in stages)
          + f"{r['text'] / 1e6 / sig:>11.1f}{r['text'] / 1e6 / s['minhash (cpu)']:>10.1f}")

print()
hdr = f"{'run':<18}{'bands':>6}{'rows':>5}{'candidates':>12}{'verified':>10}{'dup groups':>11}{'duplicates':>11}{'oversized':>10}"
print(hdr)
print("-" * len(hdr))
for r in rows:
    j = r["r"]
    if "candidate_pairs" not in j:
        continue
    print(f"{r['name']:<18}{j['bands']:>6}{j['rows']:>5}{j['candidate_pairs']:>12}{j['verified_pairs']:>10}"
          f"{j['duplicate_groups']:>11}{j['duplicates']:>11}{j['oversized_buckets']:>10}")
EOF
