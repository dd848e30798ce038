"""Exports torchvision's pretrained AlexNet weights to an .npz the adversarial module loads.

    python3 reference/export_alexnet.py alexnet.npz
    ./suite adversarial classify --model alexnet.npz photo.jpg

Needs torchvision and an internet connection (or torchvision's cached download in ~/.cache/torch).
Keys are the state_dict's own (features.0.weight, ..., classifier.6.bias), arrays float32 in PyTorch's
layouts: conv [out, in, kh, kw], linear [out, in]; the Java loader transposes the linear matrices.
"""
import sys

import torch
import torchvision

from alexnet_torch import AlexNet, save_state_dict_npz


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: export_alexnet.py OUT.npz")
    try:
        weights = torchvision.models.AlexNet_Weights.IMAGENET1K_V1
        model = torchvision.models.alexnet(weights=weights)
    except AttributeError:  # torchvision < 0.13
        model = torchvision.models.alexnet(pretrained=True)
    model.eval()
    # Check the names and shapes against the plain torch.nn copy the fixture test uses.
    plain = AlexNet()
    plain.load_state_dict(model.state_dict(), strict=True)
    save_state_dict_npz(model.state_dict(), sys.argv[1])
    for key, value in model.state_dict().items():
        print(f"{key:22s} {tuple(value.shape)}")
    with torch.no_grad():
        x = torch.rand(1, 3, 224, 224)
        assert torch.allclose(plain.eval()(x), model(x), atol=1e-5)
    print("wrote", sys.argv[1])


if __name__ == "__main__":
    main()
