#!/usr/bin/env bash
# The PyTorch 2.7 reference's thread settings, tried one after another on one workload with the same steps, data and
# threads: libtorch here multiplies matrices with OpenBLAS, whose own threads spin between calls beside libtorch's
# OpenMP threads. Prints `bench compare`'s table of the settings (throughput and ratios); the bench scripts run the
# reference with the best (reference/libtorch/run: OPENBLAS_THREAD_TIMEOUT=4 unless set).
#
#   bench/torch2-threads.sh [--data-dir DIR] [--steps 100] [--threads 2] [--out bench/results] char-lstm|word-lm|lenet
#
# (lenet runs at least 900 steps, about one epoch: its records come every 100, the first is left out as warm-up,
# and 200 steps last a second, too short to tell the settings apart.)
#
# Settings: OpenBLAS's defaults (OPENBLAS_THREAD_TIMEOUT empty), OPENBLAS_THREAD_TIMEOUT=4 (its threads sleep after
# 2^4 cycles), OPENBLAS_NUM_THREADS=1 (one BLAS thread), the timeout with OMP_WAIT_POLICY=PASSIVE, and the timeout and
# one BLAS thread again with libtorch's oneDNN kernels off (--no-onednn; PyTorch 2.x trains nn.LSTM with oneDNN's
# RNN primitive unless torch.backends.mkldnn.enabled is False).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
steps=100
data_dir=""
workload="${*: -1}"
set -- "${@:1:$(($# - 1))}"
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"
bench_options "$@"
case "$workload" in
  char-lstm) data_dir="${data_dir:-$root/../shared/data/tinyshakespeare}"; log_every=20 ;;
  word-lm) data_dir="${data_dir:-$root/../shared/data/ptb}"; log_every=25 ;;
  lenet) data_dir="${data_dir:-$root/../shared/data/mnist}"; log_every=100; steps=$(( steps < 900 ? 900 : steps )) ;;
  *) echo "usage: bench/torch2-threads.sh [--data-dir DIR] [--steps N] [--threads N] char-lstm|word-lm|lenet" >&2
     exit 2 ;;
esac

"${torch2[@]}" --version > /dev/null   # builds the reference first, outside the timing
settings=("OPENBLAS_THREAD_TIMEOUT=" "OPENBLAS_THREAD_TIMEOUT=4" "OPENBLAS_NUM_THREADS=1"
  "OPENBLAS_THREAD_TIMEOUT=4 OMP_WAIT_POLICY=PASSIVE" "OPENBLAS_THREAD_TIMEOUT=4" "OPENBLAS_NUM_THREADS=1")
options=("" "" "" "" "--no-onednn" "--no-onednn")
names=("OpenBLAS defaults" "timeout 4" "1 BLAS thread" "timeout 4, passive" "timeout 4, no oneDNN"
  "1 BLAS thread, no oneDNN")
labels=()
runs=()
for i in "${!settings[@]}"; do
  # shellcheck disable=SC2086
  env ${settings[$i]} "${torch2[@]}" "$workload" --data-dir "$data_dir" --max-steps "$steps" --epochs 1 \
    --log-every "$log_every" --threads "$threads" --skip-eval --out "$work/$i" ${options[$i]} > "$work/$i.log"
  labels+=(--label "${names[$i]}")
  runs+=("$(ls -d "$work/$i/"*-pytorch/*)")
done
head -1 "$work/0.log"
"$root/suite" bench compare "${runs[@]}" "${labels[@]}" --output "$out/torch2-threads-$workload.png"
