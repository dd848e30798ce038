#!/usr/bin/env bash
# The AlexNet attack loop (the targeted Adam attack on the pixels, lr 0.005, targets 5, 10, 15), N iterations
# (default 20) with no early stop, DL4J (`./suite bench attack`) against the PyTorch reference
# (reference/alexnet_attack.py) on the same weights, photos and threads. Prints examples/s, the ratio, the loss
# after the same iterations, peak RSS, DL4J's peak heap and off-heap, and GFLOP/s against this machine's sgemm
# peak; writes the overlay of both loss curves.
#
#   bench/alexnet-attack.sh [--data-dir DIR] [--weights NPZ] [--steps 20] [--threads 2] [--impl fast|dl4j] [--out bench/results]
#
# --data-dir holds the photos and imagenet_classes.txt (default ../shared/data/imagenet). Without --weights the
# reference writes a randomly initialised AlexNet (seed 42): the work per iteration is the same as with
# torchvision's pretrained weights (reference/export_alexnet.py), which cannot be downloaded here.
# Needs python3 with torch (Debian: python3-torch and libopenblas0-openmp) and GNU time (Debian: time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$root/../shared/data/imagenet"
steps=20
weights=""
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"
bench_options "$@"

"$root/suite" bench --help > /dev/null   # builds the jar first, outside the timing
if [[ -z "$weights" ]]; then
  weights="$work/alexnet-random.npz"
  (cd "$root/reference" && "$py" alexnet_attack.py --make-weights "$weights" --seed 42) > /dev/null
fi
/usr/bin/time -v "$root/suite" bench attack --impl "$impl" --weights "$weights" --dir "$data_dir" --data-dir "$data_dir" \
  --iterations "$steps" --threads "$threads" --export "$work/inputs" --out "$work/dl4j" > "$work/dl4j.log" 2> "$work/dl4j.time"
/usr/bin/time -v "${torch_env[@]}" "$py" "$root/reference/alexnet_attack.py" --weights "$weights" --pixels "$work/inputs/pixels.npy" \
  --targets "$work/inputs/targets.npy" --iterations "$steps" --threads "$threads" --out "$work/torch" \
  > "$work/torch.log" 2> "$work/torch.time"
"${torch2[@]}" --version > /dev/null   # builds the PyTorch 2.7 reference first, outside the timing
# reference/libtorch/run's OPENBLAS_THREAD_TIMEOUT=4, as for the word LM: AlexNet's dense layers are large matrix
# products, which want both BLAS threads (bench/torch2-threads.sh does not run the attack).
/usr/bin/time -v "${torch2[@]}" attack --weights "$weights" --pixels "$work/inputs/pixels.npy" \
  --targets "$work/inputs/targets.npy" --iterations "$steps" --threads "$threads" --out "$work/torch2" \
  > "$work/torch2.log" 2> "$work/torch2.time"

grep -m1 '^ND4J backend' "$work/dl4j.log" || true
grep -m1 '^inputs' "$work/dl4j.log" || true
head -1 "$work/torch.log"
head -1 "$work/torch2.log"
blas_cores
echo "peak RSS: DL4J $(peak "$work/dl4j.time"), PyTorch $torch_version $(peak "$work/torch.time"), PyTorch $torch2_version $(peak "$work/torch2.time")"
mapfile -t compare_options < <(compare_runs)
"$root/suite" bench compare "$work"/dl4j/bench-attack/* "$work"/torch/alexnet-attack-pytorch/* \
  "$work"/torch2/alexnet-attack-pytorch/* \
  "${compare_options[@]}" $(arithmetic "$weights") --output "$out/alexnet-attack-compare.png"
