#!/usr/bin/env python3
"""PyTorch reference for lenet-mnist: the same LeNet-5, data, defaults and metrics.jsonl format.

    python3 reference/lenet_mnist.py --data-dir ../shared/data/mnist [--epochs 10] [--max-steps N]
    python3 reference/lenet_mnist.py --dataset fashion --data-dir /usr/share/datasets/fashion-mnist

Writes <out>/lenet-mnist-pytorch/<time>/metrics.jsonl with the records the Java trainer writes
(type, step, epoch, loss, examples_per_s, wall_s[, test_accuracy]).
"""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    """An idx file (gz or raw) as a numpy array; checks the magic number."""
    for name in (path, path[:-3] if path.endswith(".gz") else path + ".gz"):
        if os.path.exists(name):
            path = name
            break
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 8:
        raise SystemExit(f"{path}: not an unsigned-byte idx file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


class LeNet5(nn.Module):
    """conv 5x5x6 - ReLU - maxpool 2 - conv 5x5x16 - ReLU - maxpool 2 - 120 - 84 - 10."""

    def __init__(self):
        super().__init__()
        self.dropout = 0.0
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(256, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        x = F.dropout(F.relu(self.fc1(x)), self.dropout, self.training)
        x = F.dropout(F.relu(self.fc2(x)), self.dropout, self.training)
        return self.fc3(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", required=True)
    p.add_argument("--dataset", default="mnist", choices=["mnist", "fashion"])
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--log-every", type=int, default=100)
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", default="runs")
    p.add_argument("--standardize", action="store_true", help="subtract the training mean, divide by its std")
    p.add_argument("--init", default="pytorch", choices=["pytorch", "he"])
    p.add_argument("--schedule", default="constant", choices=["constant", "cosine", "exp", "step"])
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    p.add_argument("--augment", default="none", choices=["none", "flip", "shift", "flip-shift", "crop", "flip-crop"])
    p.add_argument("--ema", type=float, default=0.0, help="evaluate an exponential moving average of the weights")
    p.add_argument("--weight-decay", type=float, default=0.0, help="decoupled weight decay (AdamW); 0 = plain Adam")
    p.add_argument("--dropout", type=float, default=0.0, help="dropout before the two hidden dense layers' outputs")
    p.add_argument("--label-smoothing", type=float, default=0.0)
    p.add_argument("--pad", type=int, default=2, help="crop augmentation: zero padding before a random 28x28 crop")
    a = p.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)

    def load(prefix):
        x = read_idx(os.path.join(a.data_dir, f"{prefix}-images-idx3-ubyte.gz"))
        y = read_idx(os.path.join(a.data_dir, f"{prefix}-labels-idx1-ubyte.gz"))
        return torch.from_numpy(x.astype(np.float32) / 255.0).unsqueeze(1), torch.from_numpy(y.astype(np.int64))

    xtr, ytr = load("train")
    xte, yte = load("t10k")
    xtr, ytr, xte, yte = (t.to(a.device) for t in (xtr, ytr, xte, yte))
    if a.standardize:
        mean, std = xtr.mean().item(), xtr.std().item()
        xtr, xte = (xtr - mean) / std, (xte - mean) / std
    run = os.path.join(a.out, "lenet-mnist-pytorch", time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(run, exist_ok=True)
    metrics = open(os.path.join(run, "metrics.jsonl"), "w")
    net = LeNet5().to(a.device)
    if a.init == "he":
        for m in net.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.zeros_(m.bias)
    net.dropout = a.dropout
    if a.weight_decay:
        opt = torch.optim.AdamW(net.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    else:
        opt = torch.optim.Adam(net.parameters(), lr=a.lr)
    steps_per_epoch = (len(xtr) + a.batch_size - 1) // a.batch_size
    total = steps_per_epoch * a.epochs
    if a.schedule == "cosine":
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + np.cos(np.pi * s / total)))
    elif a.schedule == "exp":
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.75 ** (s // steps_per_epoch))
    elif a.schedule == "step":
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.1 if s >= 0.8 * total else 1.0)
    else:
        sched = None
    ema = [q.detach().clone() for q in net.parameters()] if a.ema else None
    step, wall = 0, 0.0
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; run folder {run}")
    for epoch in range(1, a.epochs + 1):
        net.train()
        order = torch.randperm(len(xtr)).to(a.device)
        win_loss, win_n, win_ex, win_t, ep_loss, ep_n, ep_ex, ep_t = 0.0, 0, 0, 0.0, 0.0, 0, 0, 0.0
        for start in range(0, len(xtr), a.batch_size):
            idx = order[start:start + a.batch_size]
            t0 = time.perf_counter()
            xb = xtr[idx]
            if "flip" in a.augment:
                flip = torch.rand(len(idx), device=xb.device) < 0.5
                xb = torch.where(flip[:, None, None, None], xb.flip(3), xb)
            if "shift" in a.augment:
                dy, dx = (int(v) for v in torch.randint(-2, 3, (2,)))
                xb = torch.roll(xb, shifts=(dy, dx), dims=(2, 3))
            if "crop" in a.augment:
                padded = F.pad(xb, (a.pad,) * 4, value=float(xb.min()))
                oy = torch.randint(0, 2 * a.pad + 1, (len(idx),), device=xb.device)
                ox = torch.randint(0, 2 * a.pad + 1, (len(idx),), device=xb.device)
                rows = (oy[:, None] + torch.arange(28, device=xb.device))[:, :, None]
                cols = (ox[:, None] + torch.arange(28, device=xb.device))[:, None, :]
                xb = padded[:, 0][torch.arange(len(idx), device=xb.device)[:, None, None], rows, cols].unsqueeze(1)
            opt.zero_grad()
            loss = F.cross_entropy(net(xb), ytr[idx], label_smoothing=a.label_smoothing)
            loss.backward()
            opt.step()
            if sched is not None:
                sched.step()
            if ema is not None:
                with torch.no_grad():
                    for e, q in zip(ema, net.parameters()):
                        e.mul_(a.ema).add_(q, alpha=1 - a.ema)
            dt = time.perf_counter() - t0
            step += 1
            wall += dt
            lv = loss.item()
            win_loss += lv; win_n += 1; win_ex += len(idx); win_t += dt
            ep_loss += lv; ep_n += 1; ep_ex += len(idx); ep_t += dt
            if step % a.log_every == 0:
                rec = dict(type="step", step=step, epoch=epoch, loss=win_loss / win_n,
                           examples_per_s=win_ex / win_t, wall_s=wall)
                metrics.write(json.dumps(rec) + "\n"); metrics.flush()
                print(f"epoch {epoch}/{a.epochs}  step {step}  loss {rec['loss']:.4f}  {rec['examples_per_s']:,.0f} ex/s  {wall:.1f} s")
                win_loss, win_n, win_ex, win_t = 0.0, 0, 0, 0.0
            if a.max_steps and step >= a.max_steps:
                break
        net.eval()
        with torch.no_grad():
            if ema is not None:
                live = [q.detach().clone() for q in net.parameters()]
                for q, e in zip(net.parameters(), ema):
                    q.copy_(e)
            acc = (net(xte).argmax(1) == yte).float().mean().item()
            if ema is not None:
                for q, l in zip(net.parameters(), live):
                    q.copy_(l)
        rec = dict(type="epoch", step=step, epoch=epoch, loss=ep_loss / ep_n, examples_per_s=ep_ex / ep_t,
                   wall_s=wall, test_accuracy=acc)
        metrics.write(json.dumps(rec) + "\n"); metrics.flush()
        print(f"epoch {epoch}/{a.epochs} done  train loss {rec['loss']:.4f}  test_accuracy {acc:.4f}  "
              f"{rec['examples_per_s']:,.0f} ex/s  {wall:.1f} s")
        if a.max_steps and step >= a.max_steps:
            break
    print(f"test accuracy {100 * acc:.2f}% ({a.dataset})")


if __name__ == "__main__":
    main()
