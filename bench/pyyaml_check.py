#!/usr/bin/env python3
"""What a team would otherwise write: walk the records folder, load each front matter
with PyYAML's C loader, and check the required keys. The baseline `bench/run.sh` times
`incidents check` against.

usage: bench/pyyaml_check.py RECORDS_DIR
"""

import os
import sys

import yaml

INCIDENT = ("id", "title", "severity", "status", "opened")
ITEM = ("id", "incident", "failure_mode", "owner", "due", "validation", "status")
GATE_ONE = ("signal", "rollback", "verification", "stabilized_at")


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ValueError(f"{path}: unterminated front matter")
    return yaml.load(text[4:end], Loader=yaml.CSafeLoader)


def main():
    problems = 0
    records = 0
    for folder, _, files in os.walk(sys.argv[1]):
        for name in files:
            if not name.endswith(".md"):
                continue
            data = front_matter(os.path.join(folder, name))
            if data is None:
                continue
            records += 1
            required = INCIDENT if data.get("kind") == "incident" else ITEM
            problems += sum(1 for key in required if not data.get(key))
            if data.get("kind") == "incident" and data.get("status") != "active":
                gate = data.get("stabilization") or {}
                problems += sum(1 for key in GATE_ONE if not gate.get(key))
    print(f"{records} records, {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
