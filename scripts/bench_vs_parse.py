#!/usr/bin/env python3
"""Driver of scripts/bench-vs-parse.sh: times whole processes with os.wait4, so CPU is the
child's own user + system time, and prints the medians of 7 runs as a Markdown table."""
import glob
import os
import platform
import statistics
import subprocess
import sys
import time

RUNS = 7
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]

TOMLLIB = """
import sys, tomllib, pathlib
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):
    with open(p, 'rb') as f:
        tomllib.load(f)
"""


def measure(argv):
    """(cpu seconds, wall seconds) of one run of argv, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{argv[0]} failed with {status}")
    return usage.ru_utime + usage.ru_stime, wall


def median_of(argv):
    measure(argv)  # warm the page cache
    runs = [measure(argv) for _ in range(RUNS)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"


def load():
    try:
        return open("/proc/loadavg").read().split()[0]
    except OSError:
        return "unknown"


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# Other work on the machine slows wall time more than CPU time: the load average is printed
# before and after, so a reader knows which column to trust.
print(f"Machine: {machine()}; Python {platform.python_version()}; median of {RUNS} runs; "
      f"commit {commit()}; load average {load()} at the start.\n")
print("| files | command | CPU s | wall s | CPU ratio to tomllib | wall ratio to tomllib |")
print("| ---: | --- | ---: | ---: | ---: | ---: |")
for n in sizes:
    root = os.path.join(work, f"c{n}")
    files = sorted(glob.glob(os.path.join(root, "*", "course-*.toml")))
    commands = [
        ("Python tomllib (parse only)", [sys.executable, "-c", TOMLLIB, root]),
        ("taplo check (parse + lint)", ["taplo", "check", "--no-auto-config", *files]),
        ("mixplan check", [os.path.join(work, "mixplan"), "check", root]),
    ]
    if os.path.exists(os.path.join(work, "mixplan-before")):
        label = os.environ.get("MIXPLAN_BEFORE_LABEL", "an earlier build")
        commands.append((f"mixplan check ({label})",
                         [os.path.join(work, "mixplan-before"), "check", root]))
    results = [(name, median_of(argv)) for name, argv in commands]
    base_cpu, base_wall = results[0][1]
    for name, (cpu, wall) in results:
        print(f"| {n:,} | {name} | {cpu:.2f} | {wall:.2f} | {cpu / base_cpu:.2f} | {wall / base_wall:.2f} |")
print(f"\nLoad average {load()} at the end.")
