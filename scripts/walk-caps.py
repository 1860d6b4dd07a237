#!/usr/bin/env python3
"""Find the worst accepted input for every command and format by walking mixplan's caps, then
measure it: wall time, peak memory (/usr/bin/time -v) and output size.

    scripts/walk-caps.py [MIXPLAN_BINARY]     # default: $CARGO_TARGET_DIR/release/mixplan
    WALK_FAMILIES=weekly-band scripts/walk-caps.py ...   # only these families

Each family of inputs grows one dimension (activities, sections) with every text at its cap
(titles 500 characters, `url` 2,048 bytes, locations 500 characters) up to the input limits
(16 MiB, 100,000 activities, 400 zones, occurrences x (zones + 1) <= 2,000,000). For each
command and format the walk starts at the largest size those limits accept; when the output
budget refuses it (`too-many`, "would be about X MB"), the size is scaled down by the
estimate the refusal names until the command accepts it. The accepted input is then run
under /usr/bin/time -v with its output to a file (`diff` compares the course with itself an
hour later, its zone moved west, so every instant changes). Prints a Markdown table for BENCHMARKS.md.
"""
import os
import re
import subprocess
import sys
import tempfile

ZONES_FILE = "/usr/share/zoneinfo/zone.tab"
INPUT_CAP = 16 * 1024 * 1024 - 4096
OCCURRENCE_CAP = 2_000_000
TITLE = "t" * 500
URL = "https://lms.example.edu/" + "u" * (2048 - 24)
LOCATION = "r" * 500
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def zones(n):
    with open(ZONES_FILE) as f:
        names = sorted(l.split("\t")[2].strip() for l in f if not l.startswith("#"))
    return names[:n]


def header(weeks, zone_names, extra=""):
    out = [
        f'[course]\ntitle = "{TITLE}"\nweeks = {weeks}\nstart = 2027-01-04\n'
        f'timezone = "America/New_York"\nsync_hours = [0, 168]\nurl = "{URL}"\n'
        f'location = "{LOCATION}"\n{extra}\n',
        f"[students]\ncount = {10 * (len(zone_names) + 1)}\n",
    ]
    out += [f'[[students.zones]]\nzone = "{z}"\ncount = 10\n' for z in zone_names]
    return "".join(out)


def readings(n, weeks, zone_names):
    """n weekly self-paced readings, every text at its cap."""
    body = (
        '[[activities]]\nid = "a{i}"\ntitle = "' + TITLE + '"\nkind = "reading"\nminutes = 5\n'
        'url = "' + URL + '"\nlocation = "' + LOCATION + '"\n'
    )
    return header(weeks, zone_names) + "".join(body.format(i=i) for i in range(n))


def sections(n, weeks, zone_names):
    """One live activity with n sections (distinct minutes of the week), texts at their caps."""
    at = ", ".join(
        f'{{ day = "{DAYS[k // 1440 % 7]}", time = "{k % 1440 // 60:02}:{k % 60:02}" }}'
        for k in range(n)
    )
    return header(weeks, zone_names) + (
        f'[[activities]]\nid = "talk"\ntitle = "{TITLE}"\nkind = "discussion"\nminutes = 1\n'
        f'url = "{URL}"\nlocation = "{LOCATION}"\nat = [{at}]\n'
    )


def mixed(n, weeks, zone_names):
    """n activities (the activity cap), one week each, live and self-paced mixed."""
    kinds = [("lecture", 10, 'mode = "sync"'), ("practice", 10, 'mode = "sync"'),
             ("debate", 30, 'mode = "sync"'), ("discussion", 200, 'mode = "sync"'),
             ("reading", 20, ""), ("assessment", 15, ""), ("reflection", 10, "")]
    out = [header(weeks, zone_names)]
    for i in range(n):
        kind, minutes, extra = kinds[i % len(kinds)]
        out.append(f'[[activities]]\nid = "a{i}"\nkind = "{kind}"\nminutes = {minutes}\n'
                   f"weeks = [{i % weeks + 1}]\n{extra}\n")
    return "".join(out)


def weekly(n, weeks, zone_names):
    """n five-minute weekly activities of six kinds, modes mixed: a third pinned live, so the
    live time sits near the ceiling and balancing tries thousands of moves."""
    kinds = ["lecture", "reading", "discussion", "debate", "problem-solving", "practice"]
    modes = ['mode = "sync"\n', 'mode = "async"\n', ""]
    out = [header(weeks, zone_names)]
    for i in range(n):
        out.append(f'[[activities]]\nid = "a{i}"\nkind = "{kinds[i % 6]}"\nminutes = 5\n'
                   f"{modes[i % 3]}")
    return "".join(out)


def largest(per_unit_occurrences, zone_count, unit_bytes, fixed_bytes, cap=None):
    """The largest size the input limits accept."""
    by_occurrences = OCCURRENCE_CAP // (per_unit_occurrences * (zone_count + 1))
    by_bytes = (INPUT_CAP - fixed_bytes) // unit_bytes
    n = min(by_occurrences, by_bytes)
    return min(n, cap) if cap else n


FAMILIES = {
    # 47 weekly readings x 104 weeks x 401 zones: the most due times per item.
    "due-zones": (readings, 104, 400, 104, None),
    # As many 3 KB readings over 104 weeks as 16 MiB holds (no student zones).
    "due-wide": (readings, 104, 0, 104, None),
    # One activity with one section per minute of the week (10,080 at most) over 104 weeks.
    "sections": (sections, 104, 0, 104, 10_080),
    # The activity cap: 100,000 activities, one week each over 20 weeks.
    "acts-cap": (mixed, 20, 0, 1, 100_000),
    # 6,000 weekly activities over 104 weeks, a third pinned live: the most balancing moves
    # (checking took 8 s before weeks shared their lists).
    "weekly-band": (weekly, 104, 0, 104, 6_000),
}

OUTPUTS = [
    ("recommend", ["recommend", "{f}"]),
    ("recommend --format json", ["recommend", "{f}", "--format", "json"]),
    ("recommend --format markdown", ["recommend", "{f}", "--format", "markdown"]),
    ("schedule", ["schedule", "{f}"]),
    ("schedule --format json", ["schedule", "{f}", "--format", "json"]),
    ("schedule --format markdown", ["schedule", "{f}", "--format", "markdown"]),
    ("schedule --format html", ["schedule", "{f}", "--format", "html"]),
    ("schedule --ics -", ["schedule", "{f}", "--ics", "-"]),
    ("schedule --ics - --remind 1d", ["schedule", "{f}", "--ics", "-", "--remind", "1d"]),
    ("workload", ["workload", "{f}"]),
    ("workload --format json", ["workload", "{f}", "--format", "json"]),
    ("check", ["check", "{f}"]),
    ("check --format json", ["check", "{f}", "--format", "json"]),
    ("export canvas", ["export", "canvas", "{f}", "--output", "-"]),
    # The same course an hour later (its zone moved west): every instant changes.
    ("diff", ["diff", "{f}", "{g}"]),
    ("diff --format json", ["diff", "{f}", "{g}", "--format", "json"]),
]


def run(binary, args, out_path):
    """Run under /usr/bin/time -v; (exit code, seconds, peak KiB, output bytes, stderr)."""
    with open(out_path, "wb") as out:
        proc = subprocess.run(["/usr/bin/time", "-v", binary] + args, stdout=out,
                              stderr=subprocess.PIPE, text=True)
    err = proc.stderr
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", err)
    secs = float(wall.group(3)) + 60 * int(wall.group(2)) + 3600 * int(wall.group(1) or 0)
    kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", err).group(1))
              for k in ("User", "System"))
    return proc.returncode, (secs, cpu), kib, os.path.getsize(out_path), err


def walk(binary, work, family, output):
    gen, weeks, zone_count, per_unit, cap = FAMILIES[family]
    zone_names = zones(zone_count)
    fixed = len(gen(0, weeks, zone_names)) if gen is not mixed else 2000
    # Ids grow by a digit now and then: a few bytes of margin per unit.
    unit = max(1, len(gen(2, weeks, zone_names)) - len(gen(1, weeks, zone_names))) + 6
    n = largest(per_unit, zone_count, unit, fixed, cap)
    path = os.path.join(work, f"{family}.toml")
    later = os.path.join(work, f"{family}-later.toml")
    label, template = output
    args = [a.replace("{f}", path).replace("{g}", later) for a in template]
    for _ in range(6):
        text = gen(n, weeks, zone_names)
        with open(path, "w") as f:
            f.write(text)
        with open(later, "w") as f:
            f.write(text.replace('timezone = "America/New_York"', 'timezone = "America/Chicago"', 1))
        code, secs, kib, size, err = run(binary, args, os.path.join(work, "out"))
        refused = re.search(r"would be about (\d+) MB", err)
        if code == 1 and refused and "too-many" in err:
            estimate = int(refused.group(1))
            n = max(1, int(n * 99 / estimate) - 1)
            continue
        counted = re.search(r"(\d+) in all; at most (\d+) are allowed", err)
        if code == 1 and counted and "too-many" in err:
            # Reminders double the occurrences: scale to the occurrence limit.
            n = max(1, n * int(counted.group(2)) // int(counted.group(1)) - 1)
            continue
        return n, os.path.getsize(path), code, secs, kib, size
    return n, os.path.getsize(path), None, (0.0, 0.0), 0, 0


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(target, "release", "mixplan")
    binary = os.path.abspath(binary)
    print("| command and format | input | size | file | exit | wall | CPU | peak memory | output |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    worst = (0.0, 0, 0, 0.0)
    with tempfile.TemporaryDirectory() as work:
        for output in OUTPUTS:
            for family in os.environ.get("WALK_FAMILIES", ",".join(FAMILIES)).split(","):
                n, file_bytes, code, secs, kib, size = walk(binary, work, family, output)
                (wall, cpu) = secs
                worst = (max(worst[0], wall), max(worst[1], kib), max(worst[2], size),
                         max(worst[3], cpu))
                print(f"| `{output[0]}` | {family} | {n:,} | {file_bytes / 1e6:.1f} MB | {code} "
                      f"| {wall:.2f} s | {cpu:.2f} s | {kib / 1024:.0f} MiB "
                      f"| {size / 1e6:.1f} MB |", flush=True)
    print(f"\nworst: {worst[0]:.2f} s wall, {worst[3]:.2f} s CPU, {worst[1] / 1024:.0f} MiB, "
          f"{worst[2] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
