#!/usr/bin/env bash
# Benchmark `incidents check` (and `status`, `report`) against the read floor
# (ripgrep counting `^kind:` over the same files, in parallel) and a PyYAML script.
#
# usage: bench/run.sh [INCIDENTS...]      default: 250 2500 10000
#   Each size N generates N incidents with 3 remediation items each (4N records) under
#   bench/out/N, then times every command in one hyperfine run (medians over 10 runs,
#   2 warm-ups) and peak memory with /usr/bin/time. Results: bench/out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-250 2500 10000}")
read -r -a sizes <<<"${sizes[*]}"
out=bench/out
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need rg || ! [ -x /usr/bin/time ]; then
  echo "installing hyperfine, ripgrep and time (Debian packages)" >&2
  apt-get update -qq && apt-get install -y -qq hyperfine ripgrep time >/dev/null
fi
python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || pip install -q pyyaml

cargo build --release --locked -q
bin=$PWD/target/release/incidents
today=2026-11-26
has_status=$($bin status --help >/dev/null 2>&1 && echo yes || echo no)
has_report=$($bin report --help >/dev/null 2>&1 && echo yes || echo no)

{
  echo "# Benchmark results"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)."
  echo "Command: \`bench/run.sh ${sizes[*]}\`, $(date -u +%Y-%m-%d)."
  echo
  echo "| records | rg floor | check | check / floor | PyYAML script | PyYAML / check | status | report json | check peak RSS |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$out/results.md"

for n in "${sizes[@]}"; do
  repo=$out/$n
  if [ ! -f "$repo/.incidents.yml" ]; then
    rm -rf "$repo"
    python3 bench/generate.py "$repo" "$n"
  fi
  records=$((n * 4))
  "$bin" --root "$repo" --today $today check >/dev/null
  commands=(
    "rg -c '^kind:' $repo/incidents"
    "$bin --root $repo --today $today check"
    "python3 bench/pyyaml_check.py $repo/incidents"
  )
  [ "$has_status" = yes ] && commands+=("$bin --root $repo --today $today status --format json")
  [ "$has_report" = yes ] && commands+=("$bin --root $repo --today $today report --format json")
  hyperfine -N --warmup 2 --runs 10 --export-json "$out/$n.json" "${commands[@]}" >"$out/$n.log"
  rss=$(/usr/bin/time -f '%M' "$bin" --root "$repo" --today $today check 2>&1 >/dev/null | tail -1)
  python3 - "$out/$n.json" "$records" "$rss" >>"$out/results.md" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
def find(word):
    for r in results:
        if word in r["command"]:
            return r["median"]
    return None
floor, check = find("rg -c"), find(" check")
py, status, report = find("pyyaml"), find("status --format"), find("report --format")
ms = lambda s: "n/a" if s is None else f"{s * 1000:.0f} ms"
print(f"| {sys.argv[2]} | {ms(floor)} | {ms(check)} | {check / floor:.2f}x | {ms(py)} | {py / check:.1f}x | {ms(status)} | {ms(report)} | {int(sys.argv[3]) / 1024:.0f} MB |")
PY
done
cat "$out/results.md"
