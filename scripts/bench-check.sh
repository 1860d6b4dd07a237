#!/usr/bin/env bash
# Benchmark `mixplan check DIR` end to end on N generated course files (default 10,000).
#
#   scripts/bench-check.sh [N]
#
# Builds a release binary (or uses $MIXPLAN_BIN), writes N course files of typical size (the
# four examples, varied, 50-75 lines each) into a temporary directory tree of 100 files per
# folder, plus a Cargo.toml per folder that must be skipped, and times the whole command with
# hyperfine when it is installed (`apt-get install hyperfine`), else with /usr/bin/time.
# The target on a 2-core machine is under 1 second for 10,000 files.
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${MIXPLAN_BIN:-}" ]]; then
  cp "$MIXPLAN_BIN" "$work/mixplan"
else
  cargo build --release --locked --quiet
  # Copy at once: a shared CARGO_TARGET_DIR may be rebuilt by someone else meanwhile.
  cp "${CARGO_TARGET_DIR:-target}/release/mixplan" "$work/mixplan"
fi

scripts/gen-courses.py "$n" "$work/courses" examples/*.toml

bin="$work/mixplan"
echo "checking $n course files in $work/courses with $("$bin" --version)"
"$bin" check "$work/courses" 2>&1 | tail -n 1
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 10 -N --ignore-failure \
    --export-json "$work/hyperfine.json" \
    "$bin check $work/courses"
  python3 - "$work/hyperfine.json" "$n" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
n = int(sys.argv[2])
print(f"mean {r['mean']:.3f} s (min {r['min']:.3f} s): {n / r['mean']:,.0f} files/s")
PY
else
  /usr/bin/time -f "%e s elapsed, %M KB max RSS" "$bin" check "$work/courses" >/dev/null
fi
