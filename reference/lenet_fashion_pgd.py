"""PyTorch reference for the adversarial module's LeNet test: LeNet-5 trained briefly on Fashion-MNIST,
then PGD L-inf (random start) on the first 500 test images.

    python3 reference/lenet_fashion_pgd.py [--steps 300] [--lr 1e-3] [--eps 0.1] [--pgd-steps 40] [--step-size 0.01]
"""
import argparse
import gzip

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DIR = "/usr/share/datasets/fashion-mnist"


def idx(path, offset):
    with gzip.open(path) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--eps", type=float, default=0.1)
    p.add_argument("--pgd-steps", type=int, default=40)
    p.add_argument("--step-size", type=float, default=0.01)
    a = p.parse_args()
    torch.manual_seed(42)
    torch.set_num_threads(2)
    xtr = torch.tensor(idx(f"{DIR}/train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28) / 255.0, dtype=torch.float32)
    ytr = torch.tensor(idx(f"{DIR}/train-labels-idx1-ubyte.gz", 8).astype(np.int64))
    xte = torch.tensor(idx(f"{DIR}/t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)[:500] / 255.0, dtype=torch.float32)
    yte = torch.tensor(idx(f"{DIR}/t10k-labels-idx1-ubyte.gz", 8)[:500].astype(np.int64))
    net = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Flatten(), nn.Linear(256, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    opt = torch.optim.Adam(net.parameters(), lr=a.lr)
    perm = torch.randperm(len(xtr))
    for s in range(a.steps):
        i = perm[s * 64:(s + 1) * 64]
        opt.zero_grad()
        F.cross_entropy(net(xtr[i]), ytr[i]).backward()
        opt.step()
    net.eval()
    clean = (net(xte).argmax(1) == yte).float().mean().item()
    x = (xte + torch.empty_like(xte).uniform_(-a.eps, a.eps)).clamp(0, 1)
    for _ in range(a.pgd_steps):
        x.requires_grad_(True)
        g, = torch.autograd.grad(F.cross_entropy(net(x), yte, reduction="sum"), x)
        x = (x.detach() + a.step_size * g.sign())
        x = (xte + (x - xte).clamp(-a.eps, a.eps)).clamp(0, 1)
    adv = (net(x).argmax(1) == yte).float().mean().item()
    print(f"steps {a.steps} lr {a.lr}: clean accuracy {clean:.3f}, PGD-Linf eps {a.eps} accuracy {adv:.3f}")


if __name__ == "__main__":
    main()
