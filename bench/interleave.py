#!/usr/bin/env python3
"""Compare commands on a noisy machine: one run of each in turn, repeated.

usage: bench/interleave.py [--export-json FILE] RUNS NAME=COMMAND [NAME=COMMAND ...]

hyperfine runs all the runs of one command, then all of the next, so a quiet or busy
minute on a shared VM lands on one command only. This runs one of each in turn (two
rounds of warm-up first) and prints, per command, the median, first and third quartile
and fastest wall time and the median CPU time (user + sys of the child), with the
median's ratio to the first command's. (Peak memory is not taken here: a child's
`ru_maxrss` counts this Python process it was forked from; bench/run.sh measures it
with /usr/bin/time.) Commands are split on white
space (no shell); they read nothing (stdin is /dev/null) and their output goes to
/dev/null. A command that exits with a status other than 0 ends the run with an error.

--export-json writes hyperfine's shape (`results`: `command`, `median`, `mean`, `user`,
`system` in seconds, `times`), which bench/run.sh reads.

example:
  bench/interleave.py 25 "rg=rg -c ^kind: bench/out/10000/incidents" \\
      "check=target/release/incidents --root bench/out/10000 --today 2026-11-26 check"
"""
import json
import os
import statistics
import subprocess
import sys
import time


def run_once(name: str, command: list[str]) -> tuple[float, float, float]:
    """Wall, user and system seconds of one run; a command that fails ends the benchmark
    (a failing command would be timed as a fast one)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{name}: `{' '.join(command)}` exited {child.returncode}: fix it before timing it")
    return elapsed, usage.ru_utime, usage.ru_stime


def main() -> None:
    args = sys.argv[1:]
    export = None
    if len(args) >= 2 and args[0] == "--export-json":
        export, args = args[1], args[2:]
    if len(args) < 2 or not args[0].isdigit() or int(args[0]) < 1:
        sys.exit(__doc__)
    runs = int(args[0])
    commands = [arg.split("=", 1) for arg in args[1:]]
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _ in commands}
    for round_ in range(runs + 2):
        for name, command in commands:
            sample = run_once(name, command.split())
            if round_ >= 2:
                samples[name].append(sample)
    first = statistics.median(wall for wall, *_ in samples[commands[0][0]])
    results = []
    for name, _ in commands:
        times = [wall for wall, *_ in samples[name]]
        users = [user for _, user, _ in samples[name]]
        systems = [system for _, _, system in samples[name]]
        median = statistics.median(times)
        q1, _, q3 = statistics.quantiles(times, n=4) if len(times) > 1 else (median, median, median)
        cpu = statistics.median(u + s for u, s in zip(users, systems))
        print(
            f"{name:16} median {median * 1000:6.0f} ms ({median / first:.2f}x)  q1 {q1 * 1000:.0f}  "
            f"q3 {q3 * 1000:.0f}  fastest {min(times) * 1000:.0f} ms  cpu {cpu * 1000:.0f} ms"
        )
        results.append(
            {
                "command": name,
                "median": median,
                "mean": statistics.mean(times),
                "user": statistics.mean(users),
                "system": statistics.mean(systems),
                "times": times,
            }
        )
    if export:
        with open(export, "w") as out:
            json.dump({"results": results}, out, indent=1)


if __name__ == "__main__":
    main()
