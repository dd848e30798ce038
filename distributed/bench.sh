#!/usr/bin/env bash
# LeNet-5 on MNIST, one epoch (or EPOCHS), four ways on this machine: single-machine `lenet-mnist train`, Spark
# `distributed spark-lenet --master local[2]` (parameter averaging every --averaging-frequency batches), and
# ParallelWrapper `distributed parallel-lenet` with 2 workers (DL4J's ParallelWrapper refuses 1: the single-machine
# run is the one-worker figure). Prints each one's test accuracy, training
# examples/s (the loop's own figure, evaluation excluded) and wall time of the whole command.
#
#   distributed/bench.sh [--data-dir DIR] [--out distributed/results]   (EPOCHS=1, AVERAGING=5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$root/../shared/data/mnist"
out="$root/distributed/results"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: distributed/bench.sh [--data-dir DIR] [--out DIR]" >&2; exit 2 ;;
  esac
done
epochs="${EPOCHS:-1}"
averaging="${AVERAGING:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
# Build both jars before any timing.
"$root/suite" lenet-mnist --help > /dev/null
"$root/suite" distributed --help > /dev/null

common=(--data-dir "$data_dir" --epochs "$epochs" --checkpoint-every 100000 --log-every 1000000)
measure() {
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$root/suite" "$@" --out "$work/$name" "${common[@]}" > "$work/$name.log" 2>&1
  end=$(date +%s.%N)
  local accuracy rate
  accuracy=$(grep -o 'test accuracy [0-9.]*%' "$work/$name.log" | tail -n 1 | awk '{print $3}')
  rate=$(grep -o 'done .* [0-9,]* ex/s' "$work/$name.log" | tail -n 1 | grep -o '[0-9,]* ex/s' | tr -d ',' | awk '{print $1}')
  printf '%-44s %9s %10s %8.1f\n' "$name" "$accuracy" "$rate" "$(echo "$end - $start" | bc)"
}

{
  echo "LeNet-5, MNIST, $epochs epoch(s), Adam 1e-3, batch 64; $(nproc) cores; $(date -u +%Y-%m-%d)"
  printf '%-44s %9s %10s %8s\n' "run" "test acc" "ex/s" "wall s"
  measure "single machine (lenet-mnist train)" lenet-mnist train
  measure "spark local[2], averaging every $averaging" distributed spark-lenet --master 'local[2]' \
    --averaging-frequency "$averaging"
  measure "parallel-wrapper 2 workers, averaging every $averaging" distributed parallel-lenet --workers 2 \
    --averaging-frequency "$averaging"
} | tee "$out/distributed-lenet.txt"
