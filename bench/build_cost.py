#!/usr/bin/env python3
"""What each direct dependency costs a clean release build.

usage: bench/build_cost.py CARGO_TIMING_HTML [TIME_V_OUTPUT]

Reads the unit table of `cargo build --release --locked --timings` (the `UNIT_DATA`
array of `cargo-timing.html`) and `cargo metadata` of this checkout, and charges every
compiled crate to the direct dependency that alone pulls it in; a crate that two or more
direct dependencies need is "shared". Prints a Markdown table: each group's summed unit
time (compile time as cargo measured it, per unit; on two cores several units overlap,
so the sum exceeds the wall time) and its share. With the output of `/usr/bin/time -v`
it also apportions the build's CPU time (user + sys) by those shares.
"""
import json
import re
import subprocess
import sys
from collections import defaultdict


def units(html_path):
    text = open(html_path, encoding="utf-8").read()
    start = text.index("const UNIT_DATA = ") + len("const UNIT_DATA = ")
    data, _ = json.JSONDecoder().raw_decode(text[start:])
    return data


def cpu_seconds(time_path):
    text = open(time_path, encoding="utf-8").read()
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
    return user, system, wall


# Direct dependencies counted together: one feature of the tool each.
FAMILIES = {
    "clap": "clap (+ clap_complete, clap_mangen, anstream)",
    "clap_complete": "clap (+ clap_complete, clap_mangen, anstream)",
    "clap_mangen": "clap (+ clap_complete, clap_mangen, anstream)",
    "anstream": "clap (+ clap_complete, clap_mangen, anstream)",
    "serde": "serde, serde_json",
    "serde_json": "serde, serde_json",
    "gix": "gix (git history)",
    "yaml_serde": "yaml_serde (YAML)",
}


def owners():
    """Crate name -> the direct dependency (family) that alone reaches it, or 'shared'."""
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"], capture_output=True, check=True, text=True
        ).stdout
    )
    names = {p["id"]: p["name"] for p in meta["packages"]}
    root = meta["resolve"]["root"]
    graph = {}
    for node in meta["resolve"]["nodes"]:
        graph[node["id"]] = [
            d["pkg"] for d in node["deps"] if any(k["kind"] in (None, "build") for k in d["dep_kinds"])
        ]
    direct = graph[root]
    reach = {}
    for dep in direct:
        seen, todo = set(), [dep]
        while todo:
            pkg = todo.pop()
            if pkg in seen:
                continue
            seen.add(pkg)
            todo.extend(graph.get(pkg, []))
        family = FAMILIES.get(names[dep], names[dep])
        reach.setdefault(family, set()).update(names[p] for p in seen)
    owner = {names[root]: "incidents (this crate)"}
    for crate in {c for r in reach.values() for c in r}:
        holders = [d for d, r in reach.items() if crate in r]
        owner[crate] = holders[0] if len(holders) == 1 else "shared"
    return owner


def main():
    data = units(sys.argv[1])
    owner = owners()
    total = sum(u["duration"] for u in data)
    by_group = defaultdict(float)
    crates = defaultdict(set)
    for unit in data:
        group = owner.get(unit["name"], "shared")
        by_group[group] += unit["duration"]
        crates[group].add(unit["name"])
    cpu = None
    if len(sys.argv) > 2:
        user, system, wall = cpu_seconds(sys.argv[2])
        cpu = user + system
        print(f"Wall {wall}; CPU {cpu:.0f} s ({user:.0f} s user, {system:.0f} s sys); {len(data)} units, summed unit time {total:.0f} s.\n")
    head = "| direct dependency (with what only it pulls in) | crates | unit time | share |"
    print(head + (" CPU (apportioned) |" if cpu else ""))
    print("|---|---:|---:|---:|" + ("---:|" if cpu else ""))
    for group, seconds in sorted(by_group.items(), key=lambda kv: -kv[1]):
        share = seconds / total
        row = f"| `{group}` | {len(crates[group])} | {seconds:.0f} s | {share * 100:.1f}% |"
        if cpu:
            row += f" {share * cpu:.0f} s |"
        print(row)
    print(f"| total | {sum(len(c) for c in crates.values())} | {total:.0f} s | 100% |" + (f" {cpu:.0f} s |" if cpu else ""))
    per_crate = defaultdict(float)
    for unit in data:
        per_crate[unit["name"]] += unit["duration"]
    shared = sorted(crates["shared"], key=lambda name: -per_crate[name])
    listed = ", ".join(f"{name} {per_crate[name]:.0f} s" for name in shared)
    print(f"\nShared by several ({len(shared)}), by unit time: {listed}")


if __name__ == "__main__":
    main()
