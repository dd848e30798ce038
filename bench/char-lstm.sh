#!/usr/bin/env bash
# Char-LSTM, the char-lstm module's defaults (64 streams × windows of 100, embedding 32, 2 × LSTM 256,
# Adam 3e-3, global-norm clip 5, state carried between windows), N training steps (default 500), DL4J
# against the PyTorch references (reference/char_lstm.py on the Python's torch, and reference/libtorch on
# PyTorch 2.7.1) on the same Tiny Shakespeare file and threads,
# from the same starting weights (--export-init / --init-from). Prints chars/s, the ratio, the loss
# after the same steps, peak RSS and GFLOP/s against the sgemm peak; writes the overlay of both loss curves.
#
#   bench/char-lstm.sh [--data-dir DIR] [--steps 500] [--threads 2] [--impl fast|dl4j] [--out bench/results]
#
# DL4J has no switch to skip validation: --eval-every beyond the run and --sample-length 0 leave only
# its validation pass at each epoch end (every 156 steps) and the final report's. Both fall outside the
# throughput figures (the trainer times only the steps) but not outside the process's elapsed time.
# Needs python3 with torch (Debian: python3-torch and libopenblas0-openmp) and GNU time (Debian: time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$root/../shared/data/tinyshakespeare"
steps=500
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"
bench_options "$@"
# Enough epochs that --max-steps ends both runs: Tiny Shakespeare gives 156 windows per epoch.
epochs=$(( (steps + 155) / 156 ))

"$root/suite" char-lstm --help > /dev/null   # builds the jar first, outside the timing
/usr/bin/time -v "$root/suite" char-lstm train --impl "$impl" --data-dir "$data_dir" --max-steps "$steps" --epochs "$epochs" \
  --log-every 20 --eval-every 1000000 --sample-length 0 --skip-eval --threads "$threads" --checkpoint-every 100000 \
  --export-init "$work/init" --out "$work/dl4j" > "$work/dl4j.log" 2> "$work/dl4j.time"
/usr/bin/time -v "${torch_env[@]}" "$py" "$root/reference/char_lstm.py" --data-dir "$data_dir" --max-steps "$steps" --epochs "$epochs" \
  --log-every 20 --threads "$threads" --skip-eval --init-from "$work/init" --out "$work/torch" \
  > "$work/torch.log" 2> "$work/torch.time"
"${torch2[@]}" --version > /dev/null   # builds the PyTorch 2.7 reference first, outside the timing
# One OpenBLAS thread and libtorch's own LSTM (--no-onednn): the fastest setting for libtorch's char LSTM here, 1.5x
# its default (bench/torch2-threads.sh char-lstm).
/usr/bin/time -v env OPENBLAS_NUM_THREADS=1 "${torch2[@]}" char-lstm --data-dir "$data_dir" --max-steps "$steps" --epochs "$epochs" \
  --log-every 20 --threads "$threads" --skip-eval --no-onednn --init-from "$work/init" --out "$work/torch2" \
  > "$work/torch2.log" 2> "$work/torch2.time"

grep -m1 '^ND4J backend' "$work/dl4j.log" || true
head -1 "$work/torch.log"
head -1 "$work/torch2.log"
blas_cores
echo "peak RSS: DL4J $(peak "$work/dl4j.time"), PyTorch $torch_version $(peak "$work/torch.time"), PyTorch $torch2_version $(peak "$work/torch2.time")"
mapfile -t compare_options < <(compare_runs)
"$root/suite" bench compare "$work"/dl4j/char-lstm/* "$work"/torch/char-lstm-pytorch/* \
  $(ls -d "$work"/torch2/char-lstm-pytorch/* 2>/dev/null) \
  "${compare_options[@]}" $(arithmetic "$work"/dl4j/char-lstm/*/model.zip) --output "$out/char-lstm-compare.png"
