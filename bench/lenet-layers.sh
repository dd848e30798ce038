#!/usr/bin/env bash
# One full Fashion-MNIST epoch of LeNet-5 with DL4J's layers and with the hand-derived layers of common:
# prints each run's final line (test accuracy) and wall time, then the time ratio. Figures, never pass/fail.
#   bench/lenet-layers.sh [--dataset mnist|fashion] [extra train options]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dataset="fashion"
if [[ "${1:-}" == "--dataset" ]]; then dataset="$2"; shift 2; fi
out="$(mktemp -d)"
declare -A seconds
for layers in dl4j handwritten; do
  start=$(date +%s.%N)
  nice "$root/suite" lenet-mnist train --dataset "$dataset" --layers "$layers" --epochs 1 --out "$out" "$@" \
    | grep "test accuracy" | sed "s/^/$layers: /"
  seconds[$layers]=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$layers: ${seconds[$layers]} s"
done
echo "handwritten/dl4j time ratio: $(echo "scale=2; ${seconds[handwritten]} / ${seconds[dl4j]}" | bc)"
