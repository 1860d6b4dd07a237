#!/usr/bin/env bash
# `mixplan check` against a parse-only baseline, side by side in one run: Python's `tomllib`
# merely parsing the same files, and `taplo check` (parse + TOML lint). For 3,000 and 10,000
# generated typical course files; whole processes; CPU (user + system) and wall, median of 7.
#
#   scripts/bench-vs-parse.sh [N...]          (default: 3000 10000)
#
# Needs python3 (3.11+, for tomllib) and taplo (`pip install taplo`); uses $MIXPLAN_BIN or
# builds a release binary. Prints a Markdown table for BENCHMARKS.md, naming the machine, the
# commit and the load average. With $MIXPLAN_BEFORE (another build of mixplan, named by
# $MIXPLAN_BEFORE_LABEL) it is timed in the same run, for a before-and-after row.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(3000 10000)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${MIXPLAN_BIN:-}" ]]; then
  cp "$MIXPLAN_BIN" "$work/mixplan"
else
  cargo build --release --locked --quiet
  cp "${CARGO_TARGET_DIR:-target}/release/mixplan" "$work/mixplan"
fi
if [[ -n "${MIXPLAN_BEFORE:-}" ]]; then
  cp "$MIXPLAN_BEFORE" "$work/mixplan-before"
fi
command -v taplo >/dev/null || { echo "taplo not found: pip install taplo" >&2; exit 2; }

for n in "${sizes[@]}"; do
  scripts/gen-courses.py "$n" "$work/c$n" examples/*.toml
done
python3 scripts/bench_vs_parse.py "$work" "${sizes[@]}"
