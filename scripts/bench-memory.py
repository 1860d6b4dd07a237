#!/usr/bin/env python3
"""Peak memory of every command and format on weekly courses of 104 weeks.

    scripts/bench-memory.py MIXPLAN_BIN [ACTIVITIES]

Writes a course of ACTIVITIES (default 10,000) five-minute weekly activities of six kinds,
modes mixed, over 104 weeks, every student in the organizer's zone (1,040,000 occurrences),
and runs `check`, `workload`, `recommend` and `schedule` in every format under
/usr/bin/time, output to a temporary file. A format whose output the budget refuses (over
100 MB, estimated before planning) is reported as refused, and the largest such course it
accepts is found by bisection and measured instead. Prints a Markdown table for
BENCHMARKS.md: wall time, peak RSS and output size.
"""

import os
import subprocess
import sys
import tempfile

KINDS = ["lecture", "reading", "discussion", "debate", "problem-solving", "practice"]
MODES = ["sync", "async", None]


def write_course(path, activities):
    parts = [
        '[course]\ntitle = "memory"\nweeks = 104\nstart = 2027-01-04\n'
        'timezone = "America/New_York"\nsync_hours = [0, 168]\n\n[students]\ncount = 30\n'
    ]
    for i in range(activities):
        mode = MODES[i % 3]
        parts.append(
            f'[[activities]]\nid = "a{i}"\nkind = "{KINDS[i % 6]}"\nminutes = 5\n'
            + (f'mode = "{mode}"\n' if mode else "")
        )
    with open(path, "w") as f:
        f.write("\n".join(parts))


def run(binary, args, out):
    """(accepted, wall s, peak MiB, output bytes) of one run."""
    for extra in args:
        if extra.endswith(".ics") and os.path.exists(extra):
            os.remove(extra)
    cmd = ["/usr/bin/time", "-f", "%e %M", binary, *args]
    with open(out, "wb") as sink:
        done = subprocess.run(cmd, stdout=sink, stderr=subprocess.PIPE, text=True)
    wall, kb = done.stderr.strip().splitlines()[-1].split()
    refused = "too-many" in done.stderr
    size = os.path.getsize(out)
    for extra in args:
        if extra.endswith(".ics") and os.path.exists(extra):
            size = os.path.getsize(extra)
    return (not refused and done.returncode in (0, 1), float(wall), int(kb) / 1024, size)


def largest_accepted(binary, args_for, work, lo, hi):
    """The most activities (lo..hi) a command accepts, by bisection on the budget."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        path = f"{work}/probe.toml"
        write_course(path, mid)
        accepted, *_ = run(binary, args_for(path), f"{work}/probe.out")
        if accepted:
            lo = mid
        else:
            hi = mid - 1
    return lo


def main():
    binary = sys.argv[1]
    activities = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    commands = [
        ("check", lambda p, w: ["check", p]),
        ("workload", lambda p, w: ["workload", p]),
        ("recommend (table)", lambda p, w: ["recommend", p]),
        ("recommend --format markdown", lambda p, w: ["recommend", p, "--format", "markdown"]),
        ("recommend --format json", lambda p, w: ["recommend", p, "--format", "json"]),
        ("schedule (table)", lambda p, w: ["schedule", p]),
        ("schedule --format markdown", lambda p, w: ["schedule", p, "--format", "markdown"]),
        ("schedule --format json", lambda p, w: ["schedule", p, "--format", "json"]),
        ("schedule --format html", lambda p, w: ["schedule", p, "--format", "html"]),
        ("schedule --ics", lambda p, w: ["schedule", p, "--ics", f"{w}/out.ics"]),
    ]
    print("| command | activities x 104 weeks | wall s | peak MiB | output |")
    print("| --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as work:
        path = f"{work}/course.toml"
        write_course(path, activities)
        for name, args in commands:
            accepted, wall, mib, size = run(binary, args(path, work), f"{work}/out")
            n = activities
            if not accepted:
                n = largest_accepted(binary, lambda p: args(p, work), work, 1, activities)
                write_course(f"{work}/largest.toml", n)
                accepted, wall, mib, size = run(
                    binary, args(f"{work}/largest.toml", work), f"{work}/out"
                )
                name += f" (refused at {activities:,}; the largest accepted)"
            print(f"| `{name}` | {n:,} | {wall:.2f} | {mib:.0f} | {size / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
