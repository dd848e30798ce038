#!/usr/bin/env bash
# LeNet-5 on MNIST, one epoch (or EPOCHS), four ways on this machine: single-machine `lenet-mnist train`, Spark
# `distributed spark-lenet --master local[2]` (parameter averaging every --averaging-frequency batches), and
# ParallelWrapper `distributed parallel-lenet` with 2 workers (DL4J's ParallelWrapper refuses 1: the single-machine
# run is the one-worker figure). Prints each one's test accuracy, training
# examples/s (the loop's own figure, evaluation excluded) and wall time of the whole command.
#
#   distributed/bench.sh [--data-dir DIR] [--out distributed/results] [--only single|spark|parallel]
#   (EPOCHS=1, AVERAGING=5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
bench_start "$root/../shared/data/mnist" lenet-mnist "$@"
epochs="${EPOCHS:-1}"
averaging="${AVERAGING:-5}"

common=(--data-dir "$data_dir" --epochs "$epochs" --checkpoint-every 100000 --log-every 1000000)
measure() {
  local name="$1"; shift
  local start seconds
  start=$(date +%s.%N)
  "$root/suite" "$@" --out "$work/$name" "${common[@]}" > "$work/$name.log" 2>&1
  seconds=$(bench_seconds "$start")
  local accuracy rate
  accuracy=$(grep -o 'test accuracy [0-9.]*%' "$work/$name.log" | tail -n 1 | awk '{print $3}')
  rate=$(grep -o 'done .* [0-9,]* ex/s' "$work/$name.log" | tail -n 1 | grep -o '[0-9,]* ex/s' | tr -d ',' | awk '{print $1}')
  printf '%-44s %9s %10s %8.1f\n' "$name" "$accuracy" "$rate" "$seconds"
}

{
  echo "LeNet-5, MNIST, $epochs epoch(s), Adam 1e-3, batch 64; $(nproc) cores; $(date -u +%Y-%m-%d)"
  printf '%-44s %9s %10s %8s\n' "run" "test acc" "ex/s" "wall s"
  if bench_wants single; then
    measure "single machine (lenet-mnist train)" lenet-mnist train
  fi
  if bench_wants spark; then
    measure "spark local[2], averaging every $averaging" distributed spark-lenet --master 'local[2]' \
      --averaging-frequency "$averaging"
  fi
  if bench_wants parallel; then
    measure "parallel-wrapper 2 workers, averaging every $averaging" distributed parallel-lenet --workers 2 \
      --averaging-frequency "$averaging"
  fi
} | tee "$out/distributed-lenet${only:+-$only}.txt"
