#!/usr/bin/env bash
# Word LM, the notebook's configuration, N training steps (default 200), DL4J against the PyTorch
# reference (reference/word_lm.py) on the same PTB files and threads. Prints tokens/s, the ratio, the
# loss after the same steps and peak RSS; writes the overlay of both loss curves.
#
#   bench/word-lm.sh [--data-dir DIR] [--steps 200] [--threads 2] [--out bench/results]
#
# Needs python3 with torch (Debian: python3-torch and libopenblas0-openmp) and GNU time (Debian: time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="$root/../shared/data/ptb"
steps=200
threads=2
out="$root/bench/results"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"

"$root/suite" word-lm --help > /dev/null   # builds the jar first, outside the timing
/usr/bin/time -v "$root/suite" word-lm train --data-dir "$data_dir" --max-steps "$steps" --skip-eval --log-every 25 \
  --threads "$threads" --checkpoint-every 100000 --out "$work/dl4j" > "$work/dl4j.log" 2> "$work/dl4j.time"
/usr/bin/time -v "$py" "$root/reference/word_lm.py" --data-dir "$data_dir" --max-steps "$steps" --epochs 1 --log-every 25 \
  --threads "$threads" --skip-eval --out "$work/torch" > "$work/torch.log" 2> "$work/torch.time"

grep -m1 '^ND4J backend' "$work/dl4j.log" || true
head -1 "$work/torch.log"
echo "peak RSS: DL4J $(peak "$work/dl4j.time"), PyTorch $(peak "$work/torch.time")"
"$root/suite" bench compare "$work"/dl4j/word-lm/* "$work"/torch/word-lm-pytorch/* \
  --label-a DL4J --label-b PyTorch --out "$out/word-lm-compare.png"
