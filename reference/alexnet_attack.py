#!/usr/bin/env python3
"""PyTorch reference for the AlexNet attack loop: targeted Adam on the pixels, a fixed number of iterations.

    python3 reference/alexnet_attack.py --make-weights alexnet-random.npz [--seed 42]
    python3 reference/alexnet_attack.py --weights W.npz --pixels pixels.npy --targets targets.npy [--iterations 20]

The first form writes a randomly initialised AlexNet (torch's default init, torchvision's layout and keys) for
`./suite bench attack --weights`, which also writes the pixels and targets it attacks (`--export DIR`). The second
runs the notebook's loop on exactly those: forward on the normalised pixels, cross-entropy to the target, backward,
Adam step (lr 0.005), clamp to [0,1]; no early stop. Writes <out>/alexnet-attack-pytorch/<time>/metrics.jsonl with
the records `bench attack` writes (type, step, loss, target_rate, examples_per_s, wall_s).
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from alexnet_torch import MEAN, STD, AlexNet, save_state_dict_npz


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--make-weights", metavar="NPZ", help="write a randomly initialised AlexNet and stop")
    p.add_argument("--weights", metavar="NPZ")
    p.add_argument("--pixels", metavar="NPY", help="[n, 3, 224, 224] RGB in [0,1]")
    p.add_argument("--targets", metavar="NPY", help="[n] target classes")
    p.add_argument("--iterations", type=int, default=20)
    p.add_argument("--lr", type=float, default=0.005)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", default="runs")
    a = p.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    if a.make_weights:
        save_state_dict_npz(AlexNet().state_dict(), a.make_weights)
        print("wrote", a.make_weights)
        return
    if not (a.weights and a.pixels and a.targets):
        p.error("give --make-weights, or --weights, --pixels and --targets")
    net = AlexNet()
    with np.load(a.weights) as npz:
        net.load_state_dict({k: torch.from_numpy(npz[k]) for k in npz.files}, strict=True)
    net.eval()  # no dropout: the attack differentiates the inference function
    x = torch.from_numpy(np.load(a.pixels).astype(np.float32)).clone().requires_grad_(True)
    t = torch.from_numpy(np.load(a.targets).astype(np.int64)).reshape(-1)
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    opt = torch.optim.Adam([x], lr=a.lr)
    run = os.path.join(a.out, "alexnet-attack-pytorch", time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(run, exist_ok=True)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {len(t)} examples; run folder {run}")
    wall = 0.0
    with open(os.path.join(run, "metrics.jsonl"), "w") as metrics:
        for it in range(1, a.iterations + 1):
            t0 = time.perf_counter()
            opt.zero_grad()
            logits = net((x - mean) / std)
            losses = F.cross_entropy(logits, t, reduction="none")
            at_target = (logits.argmax(1) == t).float().mean().item()
            losses.sum().backward()  # each example's own cross-entropy, as DL4J's input gradient
            opt.step()
            with torch.no_grad():
                x.clamp_(0, 1)
            dt = time.perf_counter() - t0
            wall += dt
            rec = dict(type="step", step=it, epoch=1, loss=losses.mean().item(), target_rate=at_target,
                       examples_per_s=len(t) / dt, wall_s=wall)
            metrics.write(json.dumps(rec) + "\n")
            print(f"iteration {it}/{a.iterations}  loss {rec['loss']:.4f}  at target {100 * at_target:.0f}%  "
                  f"{rec['examples_per_s']:.2f} examples/s  {wall:.1f} s")


if __name__ == "__main__":
    main()
