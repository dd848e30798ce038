"""Starting the PyTorch references from exactly the weights a DL4J run started from.

`./suite word-lm train --export-init DIR` and `./suite char-lstm train --export-init DIR` write one .npy
per DL4J parameter (`0_W.npy`, `1_W.npy`, `1_RW.npy`, `1_b.npy`, ...); `load_lstm_lm(model, DIR)` copies
them into a model with `embed` (nn.Embedding), `lstm` (nn.LSTM, batch_first) and `linear` (nn.Linear).
With the same weights, data and optimiser the two frameworks follow the same loss curve step for step.
"""
import os

import numpy as np
import torch


def load_lstm_lm(model, directory):
    """DL4J's LSTM keeps its gates as column blocks [g, f, o, i] of W [in, 4h], RW [h, 4h] and one bias
    b [4h]; PyTorch's as row blocks [i, f, g, o] of weight_ih [4h, in], weight_hh [4h, h] and two biases.
    bias_hh is set to 0 and frozen (requires_grad False) so that the two models are identical: optimise
    only the parameters that require gradients."""
    hidden, num_layers = model.lstm.hidden_size, model.lstm.num_layers

    def load(key):
        path = os.path.join(directory, key + ".npy")
        if not os.path.exists(path):
            raise SystemExit(f"error: {path} is missing; write the folder with `train --export-init DIR`")
        return torch.from_numpy(np.load(path).astype(np.float32))

    def gates(a):
        g, f, o, i = (a[..., k * hidden:(k + 1) * hidden] for k in range(4))
        return torch.cat([i, f, g, o], dim=-1)

    def copy(target, value, key):
        if tuple(target.shape) != tuple(value.shape):
            raise SystemExit(f"error: {key} has shape {tuple(value.shape)}, this model needs {tuple(target.shape)};"
                             " use the same sizes as the DL4J run")
        target.copy_(value)

    with torch.no_grad():
        copy(model.embed.weight, load("0_W"), "0_W")
        for layer in range(num_layers):
            k = layer + 1
            copy(getattr(model.lstm, f"weight_ih_l{layer}"), gates(load(f"{k}_W")).T, f"{k}_W")
            copy(getattr(model.lstm, f"weight_hh_l{layer}"), gates(load(f"{k}_RW")).T, f"{k}_RW")
            copy(getattr(model.lstm, f"bias_ih_l{layer}"), gates(load(f"{k}_b")).reshape(-1), f"{k}_b")
            bias_hh = getattr(model.lstm, f"bias_hh_l{layer}")
            bias_hh.zero_()
            bias_hh.requires_grad_(False)
        out = num_layers + 1
        copy(model.linear.weight, load(f"{out}_W").T, f"{out}_W")
        copy(model.linear.bias, load(f"{out}_b").reshape(-1), f"{out}_b")
