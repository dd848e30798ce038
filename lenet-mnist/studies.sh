#!/usr/bin/env bash
# The reference assignments' experiments as sweeps, and the stronger Fashion-MNIST recipe; each study's
# sweep.md, summary, per-class table and plots are copied to lenet-mnist/docs/studies/<study>/.
#
#   lenet-mnist/studies.sh [STUDY...]    (default: all; MNIST from ../shared/data/mnist, Fashion from Debian's package)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mnist="${MNIST_DIR:-$root/../shared/data/mnist}"
fashion="${FASHION_DIR:-/usr/share/datasets/fashion-mnist}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

study() {
  local name="$1"; shift
  echo "== $name: lenet-mnist sweep $*"
  "$root/suite" lenet-mnist sweep --out "$work/$name" "$@" > "$work/$name.log"
  local sweep
  sweep="$(ls -d "$work/$name"/lenet-mnist-sweep/*/ | tail -n 1)"
  mkdir -p "$root/lenet-mnist/docs/studies/$name"
  # A sweep over seeds alone has no overlay plots.
  cp "$sweep"/*.md "$root/lenet-mnist/docs/studies/$name/"
  cp "$sweep"/*.png "$root/lenet-mnist/docs/studies/$name/" 2>/dev/null || true
  sed -n '/^rank/,$p' "$work/$name.log"
}

run() {
  case "$1" in
    learning-rate) study "$1" --seeds 1,2 --lr 0.1,0.01,0.001,0.0001 --epochs 5 --data-dir "$mnist" ;;
    batch-size) study "$1" --seeds 1,2 --batch-size 4,50,100,150 --epochs 5 --data-dir "$mnist" ;;
    optimizer) study "$1" --seeds 1,2 --optimizer sgd,adam,rmsprop --epochs 5 --data-dir "$mnist" ;;
    mlp-width) study "$1" --seeds 1,2 --net mlp --hidden-mult 1,2,4,8 --epochs 5 --data-dir "$mnist" ;;
    mlp-activation-init) study "$1" --seeds 1,2 --net mlp --activation sigmoid,relu --init xavier,xavier-uniform,he,he-uniform,zeros --epochs 1 \
      --data-dir "$mnist" ;;
    fashion-optimizer-lr) study "$1" --seeds 1,2 --dataset fashion --optimizer sgd,adam,rmsprop --lr 0.1,0.01,0.001 \
      --epochs 1 --data-dir "$fashion" ;;
    fashion-recipe) study "$1" --seeds 1,2,3 --dataset fashion --standardize --ema 0.999 --epochs 10 --data-dir "$fashion" ;;
    *) echo "unknown study $1" >&2; exit 2 ;;
  esac
}

if [[ $# -eq 0 ]]; then
  set -- learning-rate batch-size optimizer mlp-width mlp-activation-init fashion-optimizer-lr fashion-recipe
fi
for s in "$@"; do run "$s"; done
