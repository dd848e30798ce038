#!/usr/bin/env bash
# A soak run: one of the suite's workloads for a long time, its memory sampled every few seconds (RSS, Java heap in
# use, JavaCPP's tracked bytes, and the phase: train, eval, finish), written to a CSV and plotted; then prints the
# peak, the peak per phase (validation against training), the RSS after warm-up and its growth per hour
# (`./suite bench soak-report`).
#
#   bench/soak.sh [--minutes 60] [--every 5] [--warm-up 120] [--epochs 2] [--out bench/results] WORKLOAD [-- EXTRA OPTIONS]
#
# WORKLOAD (data from ../shared/data unless DL4J_SUITE_SHARED_DATA names another folder):
#   char-lstm  char-lstm train, validation and a sample every 100 steps, for --minutes (then stopped; the run's
#              checkpoint is written as on Ctrl-C)
#   word-lm    word-lm train, --epochs epochs (2) with the validation pass after each and the test pass at the end
#   sweep      lenet-mnist sweep of 8 points (--lr 0.1,0.05,0.02,0.01 × --batch-size 64,128, one epoch each)
#   attack     `bench attack`: the AlexNet attack loop (random weights, as bench/alexnet-attack.sh), 200 iterations
# EXTRA OPTIONS go to the workload's command, e.g. `bench/soak.sh char-lstm -- --ui` for the training UI too (then the
# UI's overview page and its data are fetched every 10 s, as a browser showing it would).
# Writes OUT/soak-WORKLOAD.csv, OUT/soak-WORKLOAD.png and OUT/soak-WORKLOAD.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${DL4J_SUITE_SHARED_DATA:-$root/../shared/data}"
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"   # $work (a scratch folder removed on exit), $py (the python with torch), $out
minutes=60
every=5
warm_up=120
epochs=2
workload=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --every) every="$2"; shift 2 ;;
    --warm-up) warm_up="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) [[ -z "$workload" ]] || { echo "one workload at a time, got $workload and $1" >&2; exit 2; }; workload="$1"; shift ;;
  esac
done
mkdir -p "$out"
csv="$out/soak-$workload.csv"
log="$out/soak-$workload.log"
limit=""   # seconds after which the workload is stopped (SIGINT: it checkpoints and exits); empty: runs to its end

case "$workload" in
  char-lstm)
    command=(char-lstm train --data-dir "$shared/tinyshakespeare" --epochs 100000 --eval-every 100 --out "$work/runs")
    limit=$(( minutes * 60 )) ;;
  word-lm)
    command=(word-lm train --data-dir "$shared/ptb" --epochs "$epochs" --out "$work/runs") ;;
  sweep)
    command=(lenet-mnist sweep --data-dir "$shared/mnist" --epochs 1 --lr 0.1,0.05,0.02,0.01 --batch-size 64,128
      --out "$work/runs") ;;
  attack)
    (cd "$root/reference" && "$py" alexnet_attack.py --make-weights "$work/alexnet.npz" --seed 42) > /dev/null
    command=(bench attack --weights "$work/alexnet.npz" --dir "$shared/imagenet" --data-dir "$shared/imagenet"
      --iterations 200 --out "$work/runs") ;;
  *) echo "usage: bench/soak.sh [--minutes M] [--every S] [--warm-up S] [--epochs N] [--out DIR] char-lstm|word-lm|sweep|attack [-- OPTIONS]" >&2
     exit 2 ;;
esac

"$root/suite" "${command[0]}" --help > /dev/null   # builds the jar first
echo "soak $workload: ${command[*]} ${extra[*]}${limit:+ (stopped after $minutes min)}"
# With --ui, the UI is used as a browser would: its overview page and the page's data fetched every 10 s.
poller=""
if [[ " ${extra[*]} " == *" --ui "* ]]; then
  (while sleep 10; do
     curl -s -o /dev/null "http://localhost:9000/train/overview" || true
     curl -s -o /dev/null "http://localhost:9000/train/overview/data" || true
   done) &
  poller=$!
  trap 'kill "$poller" 2>/dev/null || true; rm -rf "$work"' EXIT
fi
sampled=(env "JAVA_EXTRA_OPTS=${JAVA_EXTRA_OPTS:-} -Ddl4jsuite.memory.samples=$csv -Ddl4jsuite.memory.every=$every")
status=0
if [[ -n "$limit" ]]; then
  timeout --signal=INT --kill-after=600 "$limit" "${sampled[@]}" "$root/suite" "${command[@]}" "${extra[@]}" > "$log" 2>&1 || status=$?
  [[ $status -eq 124 || $status -eq 130 ]] && status=0   # stopped by the time limit, as asked
else
  "${sampled[@]}" "$root/suite" "${command[@]}" "${extra[@]}" > "$log" 2>&1 || status=$?
fi
if [[ $status -ne 0 ]]; then
  echo "the workload failed (exit $status); the end of $log:" >&2
  tail -n 20 "$log" >&2
  exit "$status"
fi
"$root/suite" bench soak-report "$csv" --warm-up "$warm_up" --title "soak: $workload" --output "$out/soak-$workload.png"
