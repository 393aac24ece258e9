#!/usr/bin/env python3
"""Compare commands on a noisy machine: one run of each in turn, repeated.

usage: bench/interleave.py RUNS NAME=COMMAND [NAME=COMMAND ...]

hyperfine runs all the runs of one command, then all of the next, so a quiet or busy
minute on a shared VM lands on one command only. This runs one of each in turn (two
rounds of warm-up first) and prints, per command, the median, first and third quartile
and fastest wall time and the median CPU time (user + sys of the child), with the
median's ratio to the first command's. Commands are split on white space (no shell).

example:
  bench/interleave.py 25 "rg=rg -c ^kind: bench/out/10000/incidents" \\
      "check=target/release/incidents --root bench/out/10000 --today 2026-11-26 check"
"""
import resource
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    wall = {name: [] for name, _ in commands}
    cpu = {name: [] for name, _ in commands}
    for round_ in range(runs + 2):
        for name, command in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_ >= 2:
                wall[name].append(elapsed)
                cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    first = statistics.median(wall[commands[0][0]])
    for name, _ in commands:
        times = wall[name]
        median = statistics.median(times)
        q1, _, q3 = statistics.quantiles(times, n=4) if len(times) > 1 else (median, median, median)
        print(
            f"{name:16} median {median * 1000:6.0f} ms ({median / first:.2f}x)  q1 {q1 * 1000:.0f}  "
            f"q3 {q3 * 1000:.0f}  fastest {min(times) * 1000:.0f} ms  cpu {statistics.median(cpu[name]) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
