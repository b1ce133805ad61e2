#!/usr/bin/env bash
# End-to-end time, peak memory and quality of `copydesk events` (copy groups
# → events → storylines) on a generated crawl with gold labels.
#
#   bench/story_e2e.sh [DOCS=1000000] [BUILD_DIR=build] [THREADS=all cores]
#
# The crawl is generated once per DOCS (`copydesk generate --docs DOCS --seed 1`)
# and cached under ${TMPDIR:-/tmp}/copydesk-bench/; delete it to regenerate.
# Prints the per-stage seconds `copydesk events --stats` reports, the wall
# time and peak RSS of the whole process (/usr/bin/time), and the ARI of copy
# groups, events and storylines against the generator's gold labels.
set -euo pipefail

DOCS=${1:-1000000}
BUILD=${2:-build}
THREADS=${3:-$(nproc)}
CLI=$BUILD/copydesk
if [[ ! -x $CLI ]]; then
  echo "story_e2e.sh: $CLI not found; build first (bash scripts/setup.sh)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "story_e2e.sh: needs /usr/bin/time (apt-get install time)" >&2
  exit 2
fi

WORK=${TMPDIR:-/tmp}/copydesk-bench
mkdir -p "$WORK"
CRAWL=$WORK/stories-$DOCS-seed1.jsonl
if [[ ! -s $CRAWL ]]; then
  echo "generating $DOCS documents → $CRAWL" >&2
  /usr/bin/time -f 'generate: %e s wall, %M KiB peak' "$CLI" generate --docs "$DOCS" --seed 1 -o "$CRAWL.tmp" 2>&1 \
    | grep -E '^generate:' >&2 || true
  mv "$CRAWL.tmp" "$CRAWL"
fi

RUN=$(mktemp -d)
trap 'rm -rf "$RUN"' EXIT
echo "running: copydesk events -j $THREADS on $DOCS documents" >&2
/usr/bin/time -f '%e %M' -o "$RUN/time" "$CLI" events "$CRAWL" -q -j "$THREADS" -o "$RUN/docs.jsonl" \
  --events "$RUN/events.jsonl" --storylines "$RUN/storylines.jsonl" --stats "$RUN/stats.json" \
  --score-groups gold_group --score gold_event --score-storylines gold_storyline 2>"$RUN/stderr" || {
  cat "$RUN/stderr" >&2
  exit 2
}

python3 - "$RUN" "$CRAWL" <<'EOF'
import json, os, sys

run, crawl = sys.argv[1], sys.argv[2]
wall, rss_kib = open(f"{run}/time").read().split()
stats = json.load(open(f"{run}/stats.json"))
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"machine: {os.cpu_count()} cores, {model}")
print(f"crawl:   {crawl} ({os.path.getsize(crawl) / 1e6:.0f} MB of JSON Lines)")
print(f"run:     copydesk events, {stats['threads']} threads")
print()
print(f"{'documents':>10}{'groups':>10}{'events':>10}{'storylines':>12}{'edges':>11}{'wall s':>9}{'peak RSS MB':>13}")
print(f"{stats['documents']:>10}{stats['groups']:>10}{stats['events']:>10}{stats['storylines']:>12}"
      f"{stats['edges']:>11}{float(wall):>9.1f}{int(rss_kib) / 1024:>13.0f}")
print()
secs = stats["seconds"]
print("seconds per stage (wall): " + ", ".join(f"{k} {v:.1f}" for k, v in secs.items()))
peaks = stats.get("peak_rss_mb_after", {})
print("peak RSS MB after each stage: " + ", ".join(f"{k} {v:.0f}" for k, v in peaks.items()))
print()
print(f"{'scored':<13}{'gold':>10}{'found':>8}{'pair P':>8}{'pair R':>8}{'pair F1':>8}{'ARI':>8}{'NMI':>8}")
for s in stats["scores"]:
    print(f"{s['score']:<13}{s['gold_clusters']:>10}{s['clusters']:>8}{s['pairwise_precision']:>8.3f}"
          f"{s['pairwise_recall']:>8.3f}{s['pairwise_f1']:>8.3f}{s['ari']:>8.3f}{s['nmi']:>8.3f}")
EOF
