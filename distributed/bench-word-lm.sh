#!/usr/bin/env bash
# The word LM on Penn Treebank, one epoch (or EPOCHS) of the notebook's configuration, two ways on this machine:
# single-machine `word-lm train` (one unbroken carried-state walk) and Spark `distributed spark-word-lm
# --master local[2]` (blocks of WINDOWS consecutive windows, parameters and Adam state averaged after each block).
# Prints each one's validation and test perplexity after the last epoch, training words/s (the loop's own epoch
# figure) and wall time of the whole command (corpus reading and the held-out passes included).
#
#   distributed/bench-word-lm.sh [--data-dir DIR] [--out distributed/results] [--only single|spark]
#   (EPOCHS=1, WINDOWS=10; SPARK_OPTIONS="--lr 0.004" adds spark-word-lm options, e.g. another learning rate)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
bench_start "$root/../shared/data/ptb" word-lm "$@"
epochs="${EPOCHS:-1}"
windows="${WINDOWS:-10}"

common=(--data-dir "$data_dir" --epochs "$epochs" --checkpoint-every 100000 --log-every 1000000)
measure() {
  local name="$1"; shift
  local start seconds
  start=$(date +%s.%N)
  "$root/suite" "$@" --out "$work/run" "${common[@]}" > "$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
  seconds=$(bench_seconds "$start")
  # "epoch 1/1 done  train loss 5.2  valid_perplexity 141.7  test_perplexity 138.7  2,345 word/s  400.0 s"
  local line valid test rate
  line=$(grep "epoch $epochs/$epochs done" "$work/log" | tail -n 1)
  valid=$(echo "$line" | grep -o 'valid_perplexity [0-9.]*' | awk '{printf "%.2f", $2}')
  test=$(echo "$line" | grep -o 'test_perplexity [0-9.]*' | awk '{printf "%.2f", $2}')
  rate=$(echo "$line" | grep -o '[0-9,]* word/s' | tr -d ',' | awk '{print $1}')
  printf '%-46s %8s %8s %8s %8.1f\n' "$name" "$valid" "$test" "$rate" "$seconds"
  rm -rf "$work/run" "$work/log"
}

{
  echo "word LM, PTB, $epochs epoch(s), notebook configuration (20 streams x 30 words, 1x1024 LSTM, Adam 0.002," \
    "clip 0.5); $(nproc) cores; $(date -u +%Y-%m-%d)"
  printf '%-46s %8s %8s %8s %8s\n' "run" "valid ppl" "test ppl" "words/s" "wall s"
  if bench_wants single; then
    measure "single machine (word-lm train)" word-lm train
  fi
  if bench_wants spark; then
    measure "spark local[2], blocks of $windows windows${SPARK_OPTIONS:+, $SPARK_OPTIONS}" distributed spark-word-lm --master 'local[2]' \
      --averaging-windows "$windows" ${SPARK_OPTIONS:-}
  fi
} | tee "$out/distributed-word-lm${only:+-$only}.txt"
