#!/usr/bin/env bash
# Measures LeNet-5 training throughput with each nd4j-native build (classifier) that can run on this
# CPU, so the default in pom.xml (nd4j.classifier) is the fastest one. Prints a markdown table.
#
#   bench/backend-classifiers.sh [--data-dir DIR] [--steps N]
#
# Works on a fresh clone of the current commit in a temporary folder; your build is left alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${DL4J_SUITE_DATA:-}"
steps=400
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# The runs happen in a clone: a relative --data-dir must be resolved here first.
if [[ -n "$data_dir" ]]; then
  absolute="$(cd "$data_dir" 2>/dev/null && pwd)" || { echo "no such data directory: $data_dir" >&2; exit 2; }
  data_dir="$absolute"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/suite"
cd "$work/suite"

echo "| nd4j-native classifier | oneDNN helpers | LeNet-5 examples/s (steps $((steps/2+1))-$steps) | ms per batch of 64 |"
echo "|---|---|---:|---:|"
for classifier in linux-x86_64-onednn-avx512 linux-x86_64-avx512 linux-x86_64-onednn-avx2 linux-x86_64-avx2 linux-x86_64; do
  rm -rf lenet-mnist/target/lib
  mvn -q -B -o -DskipTests "-Dnd4j.classifier=$classifier" -pl lenet-mnist -am package > "$work/build-$classifier.log" 2>&1 \
    || mvn -q -B -DskipTests "-Dnd4j.classifier=$classifier" -pl lenet-mnist -am package >> "$work/build-$classifier.log" 2>&1 || { cat "$work/build-$classifier.log" >&2; exit 1; }
  out="$work/runs-$classifier"
  args=(train --max-steps "$steps" --log-every $((steps/2)) --checkpoint-every 100000 --out "$out")
  [[ -n "$data_dir" ]] && args+=(--data-dir "$data_dir")
  # javacpp looks for the natives of a classifier under platform + extension.
  extension="${classifier#linux-x86_64}"
  jvm=(-Xmx4g)
  [[ -n "$extension" ]] && jvm+=("-Dorg.bytedeco.javacpp.platform.extension=$extension")
  if ! OMP_WAIT_POLICY=PASSIVE java "${jvm[@]}" \
      -jar lenet-mnist/target/lenet-mnist.jar "${args[@]}" > "$work/log-$classifier" 2>&1; then
    cause="$(grep -m1 'UnsatisfiedLinkError' "$work/log-$classifier" | sed -E 's/.*UnsatisfiedLinkError: //' | cut -c1-60)"
    printf '| %s | - | does not start: %s | - |\n' "$classifier" "$cause"
    continue
  fi
  backend="$(grep -m1 '^ND4J backend' "$work/log-$classifier" || true)"
  onednn="off"; [[ "$backend" == *"oneDNN on"* ]] && onednn="on"
  # The second logged window excludes the warm-up of the first steps.
  rate="$(grep -h '"type":"step"' "$out"/lenet-mnist/*/metrics.jsonl | tail -1 | sed -E 's/.*"examples_per_s":([0-9.]+).*/\1/')"
  ms="$(awk -v r="$rate" 'BEGIN { printf "%.1f", 64000 / r }')"
  printf '| %s | %s | %.0f | %s |\n' "$classifier" "$onednn" "$rate" "$ms"
done
