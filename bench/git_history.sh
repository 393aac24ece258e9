#!/usr/bin/env bash
# The git history `bench/run.sh` times `incidents sync` on (SPEC §5: 100,000 commits
# read in under a second). Prints the repository's path.
#
# usage: bench/git_history.sh [COMMITS] [INCIDENTS]
#   default: 100000 commits, 1000 incidents (4000 records).
#   Generates bench/out/git-COMMITS once (kept while COMMITS and INCIDENTS stay the same):
#   the records of bench/generate.py and a linear history of COMMITS empty commits
#   written with `git fast-import` (seconds, not minutes), packed with `git gc`; every
#   tenth commit carries a `Remediates:` trailer naming an item (every third of those
#   two items, every hundredth also an id no item has). The git CLI only builds the test
#   data: `incidents` reads the history in-process.
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-100000}
incidents=${2:-1000}
repo=bench/out/git-$commits
stamp="$commits commits, $incidents incidents"
if [ "$(cat "$repo/.generated" 2>/dev/null)" = "$stamp" ]; then
  echo "$repo"
  exit 0
fi
rm -rf "$repo"
mkdir -p "$repo"
python3 bench/generate.py "$repo" "$incidents" >/dev/null
git -C "$repo" init -q -b main
python3 - "$commits" "$incidents" <<'PY' | git -C "$repo" fast-import --quiet
import sys
commits, incidents = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout.buffer
start = 1_700_000_000
for n in range(1, commits + 1):
    message = f"Change {n}: adjust checkout-api retry budget\n\nWhy the change is safe.\n"
    if n % 10 == 0:
        k = n // 10 % incidents + 1
        ids = f"INC-{k}-R1" if n % 30 else f"INC-{k}-R2, INC-{k}-R3"
        if n % 1000 == 0:
            ids += f" INC-{incidents + 5}-R1"
        message += f"\nRemediates: {ids}\nReviewed-by: Dana <dana@example.com>\n"
    data = message.encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"mark :{n}\ncommitter Dana <dana@example.com> {start + n * 60} +0000\n".encode())
    out.write(f"data {len(data)}\n".encode() + data)
    if n > 1:
        out.write(f"from :{n - 1}\n".encode())
    out.write(b"\n")
PY
git -C "$repo" gc -q
echo "$stamp" >"$repo/.generated"
echo "history: $(git -C "$repo" rev-list --count HEAD) commits; $(find "$repo/incidents" -name '*.md' | wc -l) records" >&2
echo "$repo"
