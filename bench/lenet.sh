#!/usr/bin/env bash
# LeNet-5, one epoch of MNIST-format data, DL4J (the suite's defaults) against the PyTorch references
# (reference/lenet_mnist.py on the Python's torch, and reference/libtorch on PyTorch 2.7.1: same network,
# initialisation scheme, batch, optimiser and data), same threads.
# Prints examples/s of each, their ratio, the loss after the same work, peak RSS, and GFLOP/s against
# this machine's sgemm peak (`bench flops`, `bench sgemm`); writes the overlay of both loss curves.
#
#   bench/lenet.sh [--data-dir DIR] [--dataset mnist|fashion] [--threads 2] [--impl fast|dl4j] [--out bench/results]
#
# Needs python3 with torch (Debian: python3-torch and libopenblas0-openmp) and GNU time (Debian: time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir=""
dataset="mnist"
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"
bench_options "$@"
if [[ -z "$data_dir" ]]; then
  [[ "$dataset" == "fashion" ]] && data_dir=/usr/share/datasets/fashion-mnist || data_dir="$root/../shared/data/mnist"
fi

"$root/suite" lenet-mnist summary > /dev/null   # builds the jar first, outside the timing
/usr/bin/time -v "$root/suite" lenet-mnist train --impl "$impl" --dataset "$dataset" --data-dir "$data_dir" --epochs 1 \
  --threads "$threads" --checkpoint-every 100000 --out "$work/dl4j" > "$work/dl4j.log" 2> "$work/dl4j.time"
/usr/bin/time -v "${torch_env[@]}" "$py" "$root/reference/lenet_mnist.py" --dataset "$dataset" --data-dir "$data_dir" --epochs 1 \
  --threads "$threads" --out "$work/torch" > "$work/torch.log" 2> "$work/torch.time"
"${torch2[@]}" --version > /dev/null   # builds the PyTorch 2.7 reference first, outside the timing
# One OpenBLAS thread: the fastest setting for libtorch's LeNet-5 here (bench/torch2-threads.sh lenet).
/usr/bin/time -v env OPENBLAS_NUM_THREADS=1 "${torch2[@]}" lenet --dataset "$dataset" --data-dir "$data_dir" --epochs 1 \
  --threads "$threads" --out "$work/torch2" > "$work/torch2.log" 2> "$work/torch2.time"

echo "DL4J:    $(grep -m1 '^ND4J backend' "$work/dl4j.log"); $(grep 'epoch 1/1 done' "$work/dl4j.log")"
echo "PyTorch: $(head -1 "$work/torch.log"); $(grep 'epoch 1/1 done' "$work/torch.log")"
echo "PyTorch $torch2_version: $(head -1 "$work/torch2.log"); $(grep 'epoch 1/1 done' "$work/torch2.log")"
blas_cores
echo "peak RSS: DL4J $(peak "$work/dl4j.time"), PyTorch $torch_version $(peak "$work/torch.time"), PyTorch $torch2_version $(peak "$work/torch2.time")"
mapfile -t compare_options < <(compare_runs)
"$root/suite" bench compare "$work"/dl4j/lenet-mnist/* "$work"/torch/lenet-mnist-pytorch/* \
  "$work"/torch2/lenet-mnist-pytorch/* \
  "${compare_options[@]}" $(arithmetic "$work"/dl4j/lenet-mnist/*/model.zip --image 28x28x1) --output "$out/lenet-$dataset-compare.png"
