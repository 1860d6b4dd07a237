#!/usr/bin/env bash
# Time and peak memory of every command on the worst inputs that the limits still accept.
#
#   scripts/bench-hostile.sh            # prints a markdown table (for BENCHMARKS.md)
#
# Builds a release binary (or uses $MIXPLAN_BIN) and generates, in a temporary directory:
#   due-cap.toml     activity occurrences x (student zones + 1) just under 2,000,000, with
#                    400 zones (the most due times per item, and the dearest slot search)
#   due-wide.toml    the same product with 5,000 weekly activities x 100 weeks x 3 zones
#   acts-cap.toml    100,000 activities, 12 weeks (the activity cap)
#   live-flood.toml  100,000 live debates of 80 minutes, each in one of 104 weeks: ~960 a
#                    week want a sitting, ~75 fit (the most slot searches)
#   keys-line.toml   16 MiB minus a little: ~1.2 million unknown keys on one line
#   keys-cr.toml     the same keys on lines ended by a lone CR (old Mac line endings)
#   zones-long.toml  400 student zones with ~40 KB bogus names each (did-you-mean bait)
#   array-flood.toml 16 MiB minus a little: a course whose unknown key holds ~8.4 million
#                    one-digit integers (the most values per input byte)
# and runs each command under /usr/bin/time, output to /dev/null.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${MIXPLAN_BIN:-}" ]]; then
  cp "$MIXPLAN_BIN" "$work/mixplan"
else
  cargo build --release --locked --quiet
  cp "${CARGO_TARGET_DIR:-target}/release/mixplan" "$work/mixplan"
fi

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
# One name per place (zone.tab): legacy aliases would be the same zone twice.
with open("/usr/share/zoneinfo/zone.tab") as f:
    zones = sorted(line.split("\t")[2].strip() for line in f if not line.startswith("#"))

def course(path, weeks, n_acts, zone_names, kind="reading"):
    with open(f"{work}/{path}", "w") as f:
        f.write(f'[course]\ntitle = "worst case"\nweeks = {weeks}\nstart = 2027-01-04\ntimezone = "America/New_York"\n\n')
        f.write(f"[students]\ncount = {10 * max(1, len(zone_names))}\n")
        for z in zone_names:
            f.write(f'[[students.zones]]\nzone = "{z}"\ncount = 10\n')
        for i in range(n_acts):
            k = kind if i % 5 else "discussion"
            f.write(f'[[activities]]\nid = "a{i}"\nkind = "{k}"\nminutes = 5\n')

# 47 weekly activities x 104 weeks x 401 zones = 1,960,088 due times.
course("due-cap.toml", 104, 47, zones[:400])
# 5,000 weekly activities x 100 weeks x (3 + 1) zones = 2,000,000 due times.
course("due-wide.toml", 100, 5000, ["Asia/Tokyo", "Europe/Berlin", "America/Los_Angeles"])
course("acts-cap.toml", 12, 100_000, [])
with open(f"{work}/live-flood.toml", "w") as f:
    f.write('[course]\ntitle = "live flood"\nweeks = 104\nstart = 2027-01-04\ntimezone = "America/New_York"\nsync_hours = [0, 168]\n\n')
    f.write('[students]\ncount = 120\n[[students.zones]]\nzone = "America/New_York"\ncount = 80\n[[students.zones]]\nzone = "Asia/Tokyo"\ncount = 40\n')
    for i in range(100_000):
        f.write(f'[[activities]]\nid = "a{i}"\nkind = "debate"\nminutes = 80\nmode = "sync"\nweeks = [{i % 104 + 1}]\n')

head = 'course = { title = "T", weeks = 4'
tail = ' }\n[students]\ncount = 20\n[[activities]]\nid = "a"\nkind = "lecture"\nminutes = 30\n'
budget = 16 * 1024 * 1024 - 4096
for name, sep in (("keys-line.toml", ", "), ("keys-cr.toml", ",\r ")):
    parts, size, i = [head], len(head), 0
    while True:
        piece = f"{sep}k{i} = 1"
        if size + len(piece) + len(tail) > budget:
            break
        parts.append(piece); size += len(piece); i += 1
    parts.append(tail)
    with open(f"{work}/{name}", "w", newline="") as f:
        f.write("".join(parts))

long = "Q" * 40_000
course("zones-long.toml", 4, 1, [f"Mars/{long}{i}" for i in range(400)])

flood_head = '[course]\ntitle = "T"\nweeks = 4\n[students]\ncount = 20\n[[activities]]\nid = "a"\nkind = "lecture"\nminutes = 30\nflood = ['
with open(f"{work}/array-flood.toml", "w") as f:
    f.write(flood_head + "1," * ((budget - len(flood_head)) // 2) + "]\n")
PY

run() {
  local label="$1"; shift
  # /usr/bin/time appends its line to the command's standard error.
  /usr/bin/time -f "TIME %e %U %S %M" "$@" > /dev/null 2> "$work/err" || true
  local secs user sys kb
  read -r _ secs user sys kb < <(grep '^TIME' "$work/err" | tail -1)
  printf '| %s | %s s | %.2f s | %d MiB |\n' "$label" "$secs" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" $((kb / 1024))
}

m="$work/mixplan"
cd "$work"
ls -l ./*.toml | awk '{printf "%s %d bytes\n", $9, $5}' >&2
echo "| input, command | wall time | CPU (user + sys) | peak RSS |"
echo "| --- | --- | --- | --- |"
for cmd in "schedule due-cap.toml --format json" "recommend due-cap.toml --format json" \
  "recommend due-cap.toml" "schedule due-cap.toml --ics -" "check due-cap.toml --format json"; do
  run "\`$cmd\`" $m $cmd
done
for cmd in "schedule due-wide.toml --format json" "recommend due-wide.toml" \
  "schedule due-wide.toml --ics -" "check due-wide.toml"; do
  run "\`$cmd\`" $m $cmd
done
for cmd in "check acts-cap.toml" "recommend acts-cap.toml --format json" \
  "check live-flood.toml" "schedule live-flood.toml --format json"; do
  run "\`$cmd\`" $m $cmd
done
for f in keys-line.toml keys-cr.toml; do
  for fmt in human concise json sarif github; do
    run "\`check $f --format $fmt\`" $m check "$f" --format "$fmt"
  done
  run "\`recommend $f\` (diagnostics on stderr)" $m recommend "$f"
done
run "\`check zones-long.toml --format json\`" $m check zones-long.toml --format json
run "\`check array-flood.toml\`" $m check array-flood.toml
