#!/usr/bin/env bash
# Where a suite command's time goes. Runs `./suite MODULE ARGS...` under async-profiler (CPU samples every 2 ms;
# fetched once from Maven Central, tools.profiler:async-profiler:3.0) and prints `bench profile`: the share of the
# training loop's samples under each DL4J layer method, and what the leaves were (oneDNN/libnd4j kernels, OpenBLAS,
# the kernel's thread hand-off, Java). With --onednn it then runs the command again with DNNL_VERBOSE=2 and prints
# `bench onednn`: oneDNN's own time per primitive (convolutions, pooling, layout reorders) per step.
#
#   bench/profile.sh [--onednn] [--steps N] [--focus FRAME] MODULE ARGS...
#   bench/profile.sh --onednn --steps 600 lenet-mnist train --data-dir ../shared/data/mnist --epochs 1 --max-steps 600
#   bench/profile.sh --focus FixedIterationAttack.run bench attack --weights W.npz --dir ../shared/data/imagenet ...
#
# --steps: the training steps the command runs (for the per-step column of `bench onednn`). Linux x86-64 only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
onednn=""; steps=0; focus="TrainingLoop.train"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --onednn) onednn=1; shift ;;
    --steps) steps="$2"; shift 2 ;;
    --focus) focus="$2"; shift 2 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "usage: bench/profile.sh [--onednn] [--steps N] [--focus FRAME] MODULE ARGS..." >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

profiler="$root/bench/target/async-profiler/linux-x64/libasyncProfiler.so"
if [[ ! -f "$profiler" ]]; then
  mkdir -p "$root/bench/target/async-profiler"
  (cd "$root" && mvn -q dependency:copy -Dartifact=tools.profiler:async-profiler:3.0 \
    -DoutputDirectory="$root/bench/target/async-profiler") >&2
  (cd "$root/bench/target/async-profiler" && unzip -q -o async-profiler-3.0.jar 'linux-x64/*')
fi
"$root/suite" bench --help > /dev/null   # builds the bench jar (and the module's, below) outside the profile
"$root/suite" "$1" --help > /dev/null

JAVA_EXTRA_OPTS="-agentpath:$profiler=start,event=cpu,interval=2ms,collapsed,file=$work/stacks.txt" \
  "$root/suite" "$@" > "$work/run.log"
grep -E '^ND4J backend' "$work/run.log" || true
"$root/suite" bench profile "$work/stacks.txt" --focus "$focus"
if [[ -n "$onednn" ]]; then
  DNNL_VERBOSE=2 "$root/suite" "$@" > "$work/onednn.log"
  "$root/suite" bench onednn "$work/onednn.log" --per "$steps"
fi
