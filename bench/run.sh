#!/usr/bin/env bash
# Benchmark every read command of `incidents` against the read floor (ripgrep counting
# `^kind:` over the same files, in parallel) and a PyYAML script.
#
# usage: bench/run.sh [INCIDENTS...]      default: 250 10000 25000
#   Each size N generates N incidents with 3 remediation items each (4N records: 1,000,
#   40,000 and 100,000 by default) under bench/out/N, then times the floor, `check`,
#   `status --all`, `list`, `report` (markdown, json, html) and `digest` (when the binary
#   has it) interleaved with bench/interleave.py: one run of each command in turn, 10
#   rounds (5 above 40,000 records) after 2 rounds of warm-up, medians, so a busy minute
#   on a shared machine lands on every command alike rather than on one (hyperfine runs
#   all the runs of one command before the next). Then the peak memory of each command
#   with /usr/bin/time, and the floor and `check` once more as a pair of their own (a
#   line in the notes). The PyYAML script runs
#   separately (3 rounds, up to 40,000 records; BASELINE=0 skips it). Then `sync` (when
#   the binary has it) on the git history of bench/git_history.sh, generated once under
#   bench/out/git-COMMITS: SYNC_COMMITS commits (default 100000; 0 skips it). When 10000 is
#   among the sizes, `check` and `report` also run on that repository with its failure
#   modes rewritten from a vocabulary of 180 and of 3,000 words (bench/vary_modes.py;
#   VOCABULARIES="..." sets the sizes, "" skips them).
#   Results: bench/out/results.md, one row per command with its ratio to `check` and to
#   the floor, and its CPU time (user + sys, mean of the runs): on a shared machine the
#   CPU time is the figure to compare. RUNS=N sets the number of runs; CARGO_TARGET_DIR is honoured. The load average is printed with each size: compare ratios, not figures
#   from different runs, on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-250 10000 25000}")
read -r -a sizes <<<"${sizes[*]}"
out=bench/out
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need rg || ! [ -x /usr/bin/time ]; then
  echo "installing ripgrep and time (Debian packages)" >&2
  apt-get update -qq && apt-get install -y -qq ripgrep time >/dev/null
fi
baseline=${BASELINE:-1}
if [ "$baseline" != 0 ]; then
  python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || pip install -q pyyaml
fi

cargo build --release --locked -q
bin=$(realpath "${CARGO_TARGET_DIR:-target}")/release/incidents
today=2026-11-26
has() { "$bin" "$1" --help >/dev/null 2>&1; }

{
  echo "# Benchmark results"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)."
  echo "Command: \`bench/run.sh ${sizes[*]}\`, $(date -u +%Y-%m-%d). Binary: $(stat -c %s "$bin" | awk '{printf "%.1f MB", $1/1048576}')."
  echo
  echo "| records | command | median | / floor | / check | CPU (user+sys) | peak RSS |"
  echo "|---:|---|---:|---:|---:|---:|---:|"
} >"$out/results.md"
: >"$out/notes.md"

# The table rows of the runs saved as $out/NAME.json (and NAME.rss, NAME.pyyaml.json):
# rows NAME LABEL.
rows() {
  python3 - "$out" "$1" "$2" >>"$out/results.md" <<'PY'
import json, os, sys
out, n, records = sys.argv[1], sys.argv[2], sys.argv[3]
def results(path):
    return [(r["command"], r["median"], r["user"] + r["system"]) for r in json.load(open(path))["results"]]
rows = results(f"{out}/{n}.json")
extra = f"{out}/{n}.pyyaml.json"
if os.path.exists(extra):
    rows += results(extra)
rss = dict(line.rstrip("\n").split("|") for line in open(f"{out}/{n}.rss"))
times = {name: median for name, median, _ in rows}
floor, check = times["floor (rg)"], times["check"]
for name, median, cpu in rows:
    mem = f"{int(rss[name]) / 1024:.0f} MB" if name in rss else ""
    vs_check = "" if name == "floor (rg)" else f"{median / check:.2f}x"
    print(f"| {records} | {name} | {median * 1000:.0f} ms | {median / floor:.2f}x | {vs_check} | {cpu * 1000:.0f} ms | {mem} |")
PY
}

for n in "${sizes[@]}"; do
  repo=$out/$n
  if [ ! -d "$repo/incidents" ]; then
    rm -rf "$repo"
    python3 bench/generate.py "$repo" "$n"
  fi
  records=$((n * 4))
  "$bin" --root "$repo" --today $today check >/dev/null
  run="$bin --root $repo --today $today"
  # label|command; the labels are what results.md shows.
  commands=("floor (rg)|rg -c ^kind: $repo/incidents" "check|$run check")
  has status && commands+=("status --all|$run status --all --format json")
  has list && commands+=("list|$run list")
  if has report; then
    for format in markdown json html; do commands+=("report $format|$run report --format $format"); done
  fi
  has digest && commands+=("digest|$run digest")
  runs=${RUNS:-10}
  [ "$records" -gt 40000 ] && [ "$runs" -gt 5 ] && runs=5
  args=()
  for entry in "${commands[@]}"; do args+=("${entry%%|*}=${entry#*|}"); done
  echo "size $n ($records records): load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/notes.md" >&2
  python3 bench/interleave.py --export-json "$out/$n.json" $runs "${args[@]}" >"$out/$n.log"
  : >"$out/$n.rss"
  for entry in "${commands[@]}"; do
    # shellcheck disable=SC2086 # the command is a word list on purpose
    kb=$(/usr/bin/time -f '%M' ${entry#*|} 2>&1 >/dev/null | tail -1)
    echo "${entry%%|*}|$kb" >>"$out/$n.rss"
  done
  # The floor and `check` once more, as a pair: every other command in the rotation holds
  # 2-6 times check's memory, and on a VM whose fresh pages are slow that churn slows
  # check (65 MB) more than ripgrep (9 MB). Both figures go in the notes.
  python3 bench/interleave.py --export-json "$out/$n.pair.json" $runs "${args[0]}" "${args[1]}" >>"$out/$n.log"
  python3 - "$out/$n.pair.json" "$records" >>"$out/notes.md" <<'PY'
import json, sys
rows = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor, check = rows["floor (rg)"], rows["check"]
cpu = lambda r: r["user"] + r["system"]
print(f"{sys.argv[2]} records, `check` and the floor timed as a pair: {check['median'] * 1000:.0f} ms against "
      f"{floor['median'] * 1000:.0f} ms, {check['median'] / floor['median']:.2f}x (CPU {cpu(check) / cpu(floor):.2f}x)")
PY
  rm -f "$out/$n.pyyaml.json"
  if [ "$baseline" != 0 ] && [ "$records" -le 40000 ]; then
    python3 bench/interleave.py --export-json "$out/$n.pyyaml.json" 3 \
      "PyYAML script=python3 bench/pyyaml_check.py $repo/incidents" >>"$out/$n.log"
  fi
  rows "$n" "$records"
done
# Varied failure modes: the generator writes its 30,000 failure modes from six
# templates (60 distinct texts), which flatters the similar-failure-modes section of
# `report`. The 40,000-record repository again, with every failure mode rewritten from a
# vocabulary of V words (bench/vary_modes.py; VOCABULARIES="" skips it): `check` and
# `report` on each, against the same floor.
read -r -a vocabularies <<<"${VOCABULARIES-180 3000}"
varied_from=$out/10000
if [ "${#vocabularies[@]}" -gt 0 ] && [[ " ${sizes[*]} " == *" 10000 "* ]] && has report; then
  for vocabulary in "${vocabularies[@]}"; do
    name=10000-v$vocabulary
    repo=$out/$name
    [ -d "$repo/incidents" ] || python3 bench/vary_modes.py "$varied_from" "$repo" "$vocabulary" 7
    run="$bin --root $repo --today $today"
    args=("floor (rg)=rg -c ^kind: $repo/incidents" "check=$run check")
    for format in markdown json html; do args+=("report $format=$run report --format $format"); done
    echo "40000 records, failure modes from $vocabulary words: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/notes.md" >&2
    python3 bench/interleave.py --export-json "$out/$name.json" "${RUNS:-10}" "${args[@]}" >"$out/$name.log"
    : >"$out/$name.rss"
    rm -f "$out/$name.pyyaml.json"
    rows "$name" "40000 ($vocabulary-word failure modes)"
  done
fi
sync_commits=${SYNC_COMMITS:-100000}
if [ "$sync_commits" != 0 ] && has sync; then
  history=$(bench/git_history.sh "$sync_commits")
  run="$bin --root $history --today $today"
  echo "sync ($sync_commits commits, 4000 records): load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/notes.md" >&2
  "$bin" --root "$history" sync --format json >"$out/sync.out"
  python3 bench/interleave.py --export-json "$out/sync.json" "${RUNS:-10}" \
    "sync=$run sync --format json" "check=$run check --format json" >"$out/sync.log"
  # shellcheck disable=SC2086 # the command is a word list on purpose
  kb=$(/usr/bin/time -f '%M' $run sync --format json 2>&1 >/dev/null | tail -1)
  python3 - "$out" "$sync_commits" "$kb" >>"$out/results.md" <<'PY'
import json, sys
out, commits, kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
read = json.load(open(f"{out}/sync.out"))["commits"]
assert read == commits, f"sync read {read} commits, not {commits}"
times = {r["command"]: r for r in json.load(open(f"{out}/sync.json"))["results"]}
sync, check = times["sync"], times["check"]
cpu = sync["user"] + sync["system"]
print(f"| {commits} commits | sync | {sync['median'] * 1000:.0f} ms |  | {sync['median'] / check['median']:.2f}x | {cpu * 1000:.0f} ms | {kb / 1024:.0f} MB |")
verdict = "under" if cpu < 1 else "NOT under"
print(f"\n`sync` read {commits} commits (and 4,000 records) in {cpu:.2f} s of CPU (user + sys, mean): {verdict} the 1 s target; its `/ check` is against `check` of the same 4,000 records.")
PY
fi
{ echo; cat "$out/notes.md"; } >>"$out/results.md"
cat "$out/results.md"
