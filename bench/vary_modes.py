#!/usr/bin/env python3
"""Rewrite the failure modes of a generated benchmark repository with varied texts.

usage: bench/vary_modes.py SRC_DIR OUT_DIR VOCABULARY SEED

bench/generate.py writes failure modes from six templates (60 distinct texts in 30,000
failure modes at 40,000 records), which makes the similar-failure-modes section of
`report` cheap. This copies SRC_DIR to OUT_DIR and gives every failure mode of every
incident a text of 4 to 9 words drawn from a vocabulary of VOCABULARY words (the first
are the templates' own words), and each remediation item the new text of the failure
mode it named, so the copy still passes `incidents check`. A vocabulary of a few hundred
words gives failure modes like generated prose (many shared words, few near copies);
thousands of words, nearly all distinct. Deterministic for the same arguments.
"""

import os
import random
import re
import shutil
import sys

BASE = ("cache invalidation race partial deploy queue consumer schema migration lock orders table peak "
        "traffic retry storm config drift canary fleet certificate expiry capacity exhaustion nullable "
        "region column always set index rebuild replica lag timeout pool connection burst dns ttl stale").split()


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    src, dst, size, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    vocabulary = (BASE + [f"w{i}x{rng.randint(0, 99)}" for i in range(max(0, size - len(BASE)))])[:size]
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    files = sorted(os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(dst, "incidents"))
                   for name in names)
    texts = {}

    def rewrite(path, kind, pattern, replace):
        with open(path) as f:
            text = f.read()
        if f"\nkind: {kind}" not in text:
            return
        with open(path, "w") as f:
            f.write(re.sub(pattern, replace, text, flags=re.M))

    for path in files:
        with open(path) as f:
            found = re.search(r"^id: (.*)$", f.read(), re.M)
        incident = found.group(1).strip() if found else ""

        def new_mode(match, incident=incident):
            key = (incident, match.group(2))
            if key not in texts:
                texts[key] = " ".join(rng.sample(vocabulary, rng.randint(4, 9)))
            return match.group(1) + texts[key]
        rewrite(path, "incident", r"^(  - )((?!INC)[a-z].*)$", new_mode)
    for path in files:
        with open(path) as f:
            found = re.search(r"^incident: (.*)$", f.read(), re.M)
        incident = found.group(1).strip() if found else ""

        def named_mode(match, incident=incident):
            return match.group(1) + texts.get((incident, match.group(2).strip()), match.group(2))
        rewrite(path, "remediation", r"^(failure_mode: )(.*)$", named_mode)


if __name__ == "__main__":
    main()
