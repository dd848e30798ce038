#!/usr/bin/env bash
# Word LM, the notebook's configuration, N training steps (default 200), DL4J against the PyTorch
# references (reference/word_lm.py on the Python's torch, and reference/libtorch on PyTorch 2.7.1) on the same PTB
# files and threads, from the same starting weights.
# Prints tokens/s, the ratio, the loss after the same steps, peak RSS and GFLOP/s against this machine's
# sgemm peak (`bench flops`, `bench sgemm`); writes the overlay of both loss curves.
#
#   bench/word-lm.sh [--data-dir DIR] [--steps 200] [--threads 2] [--impl fast|dl4j] [--out bench/results]
#
# Needs python3 with torch (Debian: python3-torch and libopenblas0-openmp) and GNU time (Debian: time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$root/../shared/data/ptb"
steps=200
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"
bench_options "$@"

"$root/suite" word-lm --help > /dev/null   # builds the jar first, outside the timing
# Both start from DL4J's initial weights (--export-init / --init-from), so the loss curves must overlay
# step for step: equal work, equal loss.
/usr/bin/time -v "$root/suite" word-lm train --impl "$impl" --data-dir "$data_dir" --max-steps "$steps" --skip-eval --log-every 25 \
  --threads "$threads" --checkpoint-every 100000 --export-init "$work/init" --out "$work/dl4j" \
  > "$work/dl4j.log" 2> "$work/dl4j.time"
/usr/bin/time -v "${torch_env[@]}" "$py" "$root/reference/word_lm.py" --data-dir "$data_dir" --max-steps "$steps" --epochs 1 --log-every 25 \
  --threads "$threads" --skip-eval --init-from "$work/init" --out "$work/torch" > "$work/torch.log" 2> "$work/torch.time"
"${torch2[@]}" --version > /dev/null   # builds the PyTorch 2.7 reference first, outside the timing
# reference/libtorch/run's OPENBLAS_THREAD_TIMEOUT=4: the fastest setting for the word LM (bench/torch2-threads.sh word-lm).
/usr/bin/time -v "${torch2[@]}" word-lm --data-dir "$data_dir" --max-steps "$steps" --epochs 1 --log-every 25 \
  --threads "$threads" --skip-eval --init-from "$work/init" --out "$work/torch2" > "$work/torch2.log" 2> "$work/torch2.time"

grep -m1 '^ND4J backend' "$work/dl4j.log" || true
head -1 "$work/torch.log"
head -1 "$work/torch2.log"
blas_cores
echo "peak RSS: DL4J $(peak "$work/dl4j.time"), PyTorch $torch_version $(peak "$work/torch.time"), PyTorch $torch2_version $(peak "$work/torch2.time")"
mapfile -t compare_options < <(compare_runs)
"$root/suite" bench compare "$work"/dl4j/word-lm/* "$work"/torch/word-lm-pytorch/* \
  $(ls -d "$work"/torch2/word-lm-pytorch/* 2>/dev/null) \
  "${compare_options[@]}" $(arithmetic "$work"/dl4j/word-lm/*/model.zip) --output "$out/word-lm-compare.png"
