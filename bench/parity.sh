#!/usr/bin/env bash
# Accuracy parity over seeds: LeNet-5 on Fashion-MNIST with the reference configuration (Adam 1e-3, batch 64,
# 10 epochs), DL4J (`lenet-mnist sweep --seeds ...`) against the PyTorch reference (reference/lenet_mnist.py,
# one run per seed), same data and threads. Prints each run's final test accuracy, each side's mean ± sample std,
# and Welch's t-test on the two sets: whether the gap is within the seed noise (p >= 0.05) or not.
#
#   bench/parity.sh [--data-dir DIR] [--threads 2] [--out bench/results]   (SEEDS="1 2 3 4 5", EPOCHS=10)
#
# Needs python3 with torch and scipy (Debian: python3-torch, python3-scipy).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir=/usr/share/datasets/fashion-mnist
# shellcheck source=bench/pytorch-pair.sh
source "$root/bench/pytorch-pair.sh"
bench_options "$@"
seeds="${SEEDS:-1 2 3 4 5}"
epochs="${EPOCHS:-10}"
mkdir -p "$out"

"$root/suite" lenet-mnist sweep --out "$work/dl4j" --seeds "${seeds// /,}" --dataset fashion --epochs "$epochs" \
  --data-dir "$data_dir" --threads "$threads" --impl "$impl" --checkpoint-every 100000 > "$work/dl4j.log"
for s in $seeds; do
  "${torch_env[@]}" "$py" "$root/reference/lenet_mnist.py" --dataset fashion --data-dir "$data_dir" --epochs "$epochs" \
    --seed "$s" --threads "$threads" --out "$work/torch-$s" > "$work/torch-$s.log"
done

cp "$work/dl4j.log" "$out/parity-dl4j.log"
"$py" - "$work" "$seeds" <<'PY' | tee "$out/parity-fashion.txt"
import glob, json, os, re, statistics, sys
from scipy import stats
work, seeds = sys.argv[1], sys.argv[2].split()
def last_accuracy(metrics):
    records = [json.loads(line) for line in open(metrics)]
    return [r["test_accuracy"] for r in records if r.get("type") == "epoch" and "test_accuracy" in r][-1]
dl4j, torch = [], []
for s in seeds:
    [metrics] = glob.glob(os.path.join(work, "dl4j", "lenet-mnist-sweep", "*", "points", f"defaults_seed={s}", "lenet-mnist", "*", "metrics.jsonl"))
    dl4j.append(100 * last_accuracy(metrics))
    torch.append(float(re.search(r"test accuracy ([0-9.]+)%", open(os.path.join(work, f"torch-{s}.log")).read()).group(1)))
print("seed   DL4J     PyTorch")
for s, a, b in zip(seeds, dl4j, torch):
    print(f"{s:>4}  {a:6.2f}%  {b:6.2f}%")
for name, v in (("DL4J", dl4j), ("PyTorch", torch)):
    print(f"{name:8} mean {statistics.mean(v):.2f}% ± {statistics.stdev(v):.2f} (sample std, {len(v)} seeds)")
t, p = stats.ttest_ind(dl4j, torch, equal_var=False)
gap = statistics.mean(dl4j) - statistics.mean(torch)
verdict = "within the seed noise" if p >= 0.05 else "a real difference"
print(f"gap DL4J - PyTorch {gap:+.2f} points; Welch t = {t:.2f}, p = {p:.3f}: {verdict} (at 5%)")
PY
