"""torchvision's AlexNet layout in plain torch.nn, with the widths as parameters.

The module and parameter names (features.0.weight ... classifier.6.bias) are exactly torchvision's,
so a state_dict of torchvision.models.alexnet() loads into AlexNet() unchanged.
"""
import torch.nn as nn


class AlexNet(nn.Module):
    def __init__(self, channels=(64, 192, 384, 256, 256), hidden=4096, classes=1000, pool_output=6,
                 dropout=0.5):
        super().__init__()
        c1, c2, c3, c4, c5 = channels
        self.features = nn.Sequential(
            nn.Conv2d(3, c1, kernel_size=11, stride=4, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(c1, c2, kernel_size=5, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(c2, c3, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(c3, c4, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(c4, c5, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((pool_output, pool_output))
        self.classifier = nn.Sequential(
            nn.Dropout(p=dropout),
            nn.Linear(c5 * pool_output * pool_output, hidden),
            nn.ReLU(inplace=True),
            nn.Dropout(p=dropout),
            nn.Linear(hidden, hidden),
            nn.ReLU(inplace=True),
            nn.Linear(hidden, classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = x.flatten(1)  # N x (C*H*W), C slowest: the order DL4J's CnnToFeedForwardPreProcessor must match
        return self.classifier(x)


# The ImageNet normalisation torchvision's pretrained weights expect, applied to RGB pixels in [0, 1].
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


def init_fixture_weights(model):
    """He-initialised weights keep the activations at unit scale through a narrow net, so the logits differ
    clearly between inputs; non-zero biases everywhere, so a bias mapped to the wrong layer shows."""
    import torch
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("bias"):
                p.uniform_(-0.1, 0.1)
            else:
                torch.nn.init.kaiming_normal_(p, nonlinearity="relu")
    return model


def save_state_dict_npz(state_dict, path):
    """Writes every tensor as float32 under its state_dict key (uncompressed .npz, as ND4J reads it)."""
    import numpy as np
    np.savez(path, **{k: v.detach().cpu().numpy().astype(np.float32) for k, v in state_dict.items()})
