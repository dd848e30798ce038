#!/usr/bin/env bash
# One full Fashion-MNIST epoch of LeNet-5 with DL4J's layers and with the hand-derived layers of common:
# prints each run's final line (test accuracy), wall and CPU time, then the time ratios. Figures, never pass/fail.
#   bench/lenet-layers.sh [--dataset mnist|fashion] [extra train options]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dataset="fashion"
if [[ "${1:-}" == "--dataset" ]]; then dataset="$2"; shift 2; fi
out="$(mktemp -d)"
declare -A seconds cpu
# Build first, so that neither timing includes compiling (the launcher rebuilds when sources are newer).
"$root/suite" lenet-mnist --help >/dev/null
for layers in lenet5 handwritten; do
  times="$(mktemp)"
  # Wall time and CPU time (user + system, all threads): on a shared machine the CPU time is the steadier figure.
  TIMEFORMAT="%R %U %S"
  { time nice "$root/suite" lenet-mnist train --dataset "$dataset" --net "$layers" --epochs 1 --out "$out" "$@" \
    2>&3 | grep "test accuracy" | sed "s/^/$layers: /"; } 3>&2 2>"$times"
  read -r wall user sys <"$times"
  rm -f "$times"
  seconds[$layers]=$wall
  cpu[$layers]=$(echo "$user + $sys" | bc)
  echo "$layers: ${seconds[$layers]} s wall, ${cpu[$layers]} s CPU"
done
echo "handwritten/lenet5 wall time ratio: $(echo "scale=2; ${seconds[handwritten]} / ${seconds[lenet5]}" | bc)"
echo "handwritten/lenet5 CPU time ratio: $(echo "scale=2; ${cpu[handwritten]} / ${cpu[lenet5]}" | bc)"
