#!/usr/bin/env bash
# Sets up, builds, and runs copydesk's main job on its built-in crawl: finds
# the copy groups, prints the largest ones and the score against gold labels;
# then the stories of a 5,000-document generated crawl: its largest
# storylines (events in time order) and a timeline page, copydesk-timeline.html.
# Extra arguments go to `copydesk dedup` (e.g. --demo-docs 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
bash scripts/setup.sh >/dev/null
CLI=$BUILD_DIR/copydesk
"$CLI" dedup --containment --report 5 "$@"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo
echo "Stories: copy groups → events → storylines, on a generated crawl of 5,000 documents"
"$CLI" generate --docs 5000 -o "$work/crawl.jsonl" 2>/dev/null
"$CLI" events "$work/crawl.jsonl" -q -o "$work/docs.jsonl" --events "$work/events.jsonl" \
  --storylines "$work/storylines.jsonl" --report 3 --score gold_event --score-storylines gold_storyline
"$CLI" timeline --docs "$work/docs.jsonl" --events "$work/events.jsonl" --storylines "$work/storylines.jsonl" \
  -o copydesk-timeline.html
echo "Open copydesk-timeline.html in a browser: every storyline, its events and their copies."
