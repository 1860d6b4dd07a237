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

python3 - "$n" "$work/courses" examples/*.toml <<'PY'
import os, sys
n, root, sources = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
texts = [open(s, encoding="utf-8").read() for s in sources]
for i in range(n):
    folder = os.path.join(root, f"term-{i // 100:03d}")
    if i % 100 == 0:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "Cargo.toml"), "w") as f:
            f.write('[package]\nname = "not-a-course"\nversion = "0.1.0"\n')
    text = texts[i % len(texts)]
    # Vary titles and head counts so no two files are identical.
    text = text.replace('title = "', f'title = "Section {i}: ', 1)
    text = text.replace("count = ", f"count = {1 + i % 9}", 1)
    with open(os.path.join(folder, f"course-{i:05d}.toml"), "w", encoding="utf-8") as f:
        f.write(text)
PY

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
