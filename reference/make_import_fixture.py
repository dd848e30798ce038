"""Writes the small committed fixture that proves the Java AlexNet import matches PyTorch.

    python3 reference/make_import_fixture.py adversarial/src/test/resources/alexnet-fixture

A narrow AlexNet (channels 8-16-24-16-16, hidden 32, 10 classes) with torchvision's kernel/stride/pad
pattern, fed 3x127x127 so the last pool gives 3x3 and the adaptive pool to 3x3 is the identity (as for
224 input and 6x6 in the full net), so the flatten order C*H*W is exercised with H = W = 3. Writes
weights.npz (state_dict keys) and io.npz (input: two images in [0, 1]; logits of the model with the
ImageNet normalisation applied first, in eval mode).
"""
import os
import sys

import numpy as np
import torch

from alexnet_torch import AlexNet, MEAN, STD, init_fixture_weights, save_state_dict_npz

CHANNELS = (8, 16, 24, 16, 16)
HIDDEN = 32
CLASSES = 10
POOL_OUTPUT = 3
SIZE = 127


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "adversarial/src/test/resources/alexnet-fixture"
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(1234)
    model = AlexNet(CHANNELS, HIDDEN, CLASSES, POOL_OUTPUT).eval()
    init_fixture_weights(model)
    x = torch.rand(2, 3, SIZE, SIZE)
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    with torch.no_grad():
        logits = model((x - mean) / std)
    save_state_dict_npz(model.state_dict(), os.path.join(out, "weights.npz"))
    np.savez(os.path.join(out, "io.npz"), input=x.numpy().astype(np.float32),
             logits=logits.numpy().astype(np.float32))
    print("logits", logits.numpy())


if __name__ == "__main__":
    main()
