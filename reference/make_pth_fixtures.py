"""Writes the committed PyTorch checkpoints (.pth) that prove the Java reader (common.io.TorchCheckpoint).

    /usr/bin/python3 reference/make_pth_fixtures.py [--photo ../shared/data/imagenet/n01443537_2675_goldfish.jpg]

Every file here is written by PyTorch itself (torch.save; PyTorch 1.13 from Debian), except the hostile ones,
which are hand-made pickles and archives that a reader must refuse without running anything. Running it again
writes equivalent files, not identical bytes: legacy files name storages by memory address, zips carry times.

common/src/test/resources/org/dl4jsuite/common/io/torch/
  dtypes.pth, dtypes-legacy.pth   one tensor of each type (float32, float16, bfloat16, float64, int64, int32,
                                  int16, int8, uint8, bool), a scalar, an empty tensor (not in expected.npz), a transposed view, two
                                  views at offsets into one shared storage, and a nested dict with a plain number;
                                  zip format and legacy format (_use_new_zipfile_serialization=False)
  expected.npz                    the same tensors' values, as numpy writes them (float16/bfloat16 as float32)
  hand-made-ok.pth, -v1.pth       torch.save's zip layout written by hand: _rebuild_tensor_v2 and the older
                                  _rebuild_tensor (PyTorch < 0.4)
  hostile-*.pth                   os.system, builtins.eval, a call of a storage type, a storage claiming 2^40
                                  items, a view past its storage's end, a truncated zip, a legacy file with a
                                  wrong magic number
adversarial/src/test/resources/alexnet-pth/
  alexnet-narrow.pth              a narrow AlexNet (channels 8-16-24-16-16, hidden 16, 1000 classes, input 224) in
                                  torchvision's layout, zip format
  alexnet-narrow-legacy.pth       the same weights, legacy format, with fc8's weight non-contiguous (a transpose
                                  of a transpose) and the conv biases views into one shared storage
  alexnet-narrow-f16.pth          the same weights as float16
  photo.png                       a 224x224 crop of the photo (resize 256, centre crop), the input both sides read
  logits.npz                      PyTorch's logits for photo.png per file (f16: the float16 weights in float32)
"""
import argparse
import io
import os
import pickle
import zipfile

import numpy as np
import torch
from PIL import Image

from alexnet_torch import AlexNet, MEAN, STD, init_fixture_weights

HERE = os.path.dirname(os.path.abspath(__file__))
COMMON = os.path.join(HERE, "..", "common", "src", "test", "resources", "org", "dl4jsuite", "common", "io", "torch")
ALEXNET = os.path.join(HERE, "..", "adversarial", "src", "test", "resources", "alexnet-pth")
CHANNELS = (8, 16, 24, 16, 16)
HIDDEN = 16
# What a refused pickle would have run: the tests check this file never appears.
PWNED = "/tmp/dl4j-suite-pth-pwned"


def dtype_tensors():
    g = torch.Generator().manual_seed(7)
    t = {
        "float32": torch.randn(2, 3, generator=g),
        "float16": torch.randn(3, 2, generator=g).half(),
        "bfloat16": torch.randn(4, generator=g).bfloat16(),
        "float64": torch.randn(2, 2, generator=g).double(),
        "int64": torch.tensor([[-5, 1 << 40], [7, 0]], dtype=torch.int64),
        "int32": torch.tensor([-3, 2, 1 << 30], dtype=torch.int32),
        "int16": torch.tensor([-300, 300], dtype=torch.int16),
        "int8": torch.tensor([-128, 127, 5], dtype=torch.int8),
        "uint8": torch.tensor([0, 200, 255], dtype=torch.uint8),
        "bool": torch.tensor([True, False, True]),
        "scalar": torch.tensor(2.5),
        "empty": torch.zeros(0, 4),
        # a transpose: size (3, 2), strides (1, 3), not contiguous
        "transposed": torch.arange(6, dtype=torch.float32).reshape(2, 3).t(),
    }
    shared = torch.arange(10, dtype=torch.float32) * 0.5
    t["shared_head"] = shared[0:4]          # offset 0, 4 of the storage's 10 items
    t["shared_tail"] = shared[4:10].view(2, 3)  # offset 4
    return t


def save_dtypes():
    tensors = dtype_tensors()
    checkpoint = dict(tensors)
    checkpoint["nested"] = {"inner": {"weight": torch.ones(2, 2)}, "epoch": 3}
    torch.save(checkpoint, os.path.join(COMMON, "dtypes.pth"))
    torch.save(checkpoint, os.path.join(COMMON, "dtypes-legacy.pth"), _use_new_zipfile_serialization=False)
    expected = {k: (v.float() if v.dtype in (torch.float16, torch.bfloat16) else v).contiguous().numpy()
                for k, v in tensors.items() if v.numel() > 0}  # .npz readers refuse empty arrays
    expected["nested.inner.weight"] = np.ones((2, 2), np.float32)
    np.savez(os.path.join(COMMON, "expected.npz"), **expected)


def zip_with_pickle(path, pickle_bytes, storages):
    """A zip in torch.save's layout holding the given data.pkl and storages (key -> bytes)."""
    name = os.path.splitext(os.path.basename(path))[0]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr(name + "/data.pkl", pickle_bytes)
        z.writestr(name + "/byteorder", "little")
        for key, data in storages.items():
            z.writestr(name + "/data/" + key, data)
        z.writestr(name + "/version", "3\n")


class StorageRef:
    """Pickled as the persistent id torch.save writes for a storage, with whatever item count we claim."""

    def __init__(self, key, items):
        self.key, self.items = key, items


def state_dict_pickle(offset=0, items=4, claimed=4, v1=False):
    """data.pkl of {'w': FloatStorage view}, with the view's offset and size and the storage's claimed length;
    v1: rebuilt by torch._utils._rebuild_tensor, as PyTorch before 0.4 wrote tensors."""

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, StorageRef):
                return ("storage", torch.FloatStorage, obj.key, "cpu", obj.items)
            return None

    class Rebuild:
        def __reduce__(self):
            if v1:
                return torch._utils._rebuild_tensor, (StorageRef("0", claimed), offset, (items,), (1,))
            return (torch._utils._rebuild_tensor_v2,
                    (StorageRef("0", claimed), offset, (items,), (1,), False, __import__("collections").OrderedDict()))

    out = io.BytesIO()
    Pickler(out, protocol=2).dump({"w": Rebuild()})
    return out.getvalue()


def save_hostile():
    four = np.arange(4, dtype="<f4").tobytes()
    # Protocol 0 by hand: GLOBAL os.system, then a call with one string, as any malicious pickle does.
    system = b"cos\nsystem\n(S'touch " + PWNED.encode() + b"'\ntR."
    zip_with_pickle(os.path.join(COMMON, "hostile-os-system.pth"), system, {})
    evaluate = (b"\x80\x02cbuiltins\neval\n" + pickle.dumps(("open('" + PWNED + "', 'w')",), protocol=2)[2:-1]
                + b"R.")
    zip_with_pickle(os.path.join(COMMON, "hostile-builtins-eval.pth"), evaluate, {})
    # REDUCE whose callable is a storage type (allowed as a value, never as a function).
    call_storage = b"\x80\x02ctorch\nFloatStorage\n)R."
    zip_with_pickle(os.path.join(COMMON, "hostile-call-storage.pth"), call_storage, {})
    zip_with_pickle(os.path.join(COMMON, "hostile-huge-storage.pth"), state_dict_pickle(claimed=1 << 40), {"0": four})
    zip_with_pickle(os.path.join(COMMON, "hostile-view-past-end.pth"), state_dict_pickle(offset=2, items=4),
                    {"0": four})
    zip_with_pickle(os.path.join(COMMON, "hand-made-ok.pth"), state_dict_pickle(), {"0": four})
    zip_with_pickle(os.path.join(COMMON, "hand-made-v1.pth"), state_dict_pickle(v1=True), {"0": four})
    whole = open(os.path.join(COMMON, "dtypes.pth"), "rb").read()
    open(os.path.join(COMMON, "hostile-truncated.pth"), "wb").write(whole[: len(whole) // 2])
    legacy = bytearray(open(os.path.join(COMMON, "dtypes-legacy.pth"), "rb").read())
    magic = (0x1950A86A20F9469CFC6C).to_bytes(10, "little")
    at = legacy.index(magic)
    legacy[at] ^= 0xFF
    open(os.path.join(COMMON, "hostile-wrong-magic.pth"), "wb").write(bytes(legacy))


def crop(photo):
    """torchvision's Resize(256) + CenterCrop(224) with PIL, as RGB uint8."""
    image = Image.open(photo).convert("RGB")
    w, h = image.size
    short = 256
    size = (short, int(short * h / w)) if w <= h else (int(short * w / h), short)
    image = image.resize(size, Image.BILINEAR)
    w, h = image.size
    left, top = int(round((w - 224) / 2.0)), int(round((h - 224) / 2.0))
    return image.crop((left, top, left + 224, top + 224))


def save_alexnet(photo):
    os.makedirs(ALEXNET, exist_ok=True)
    torch.manual_seed(4321)
    model = AlexNet(CHANNELS, HIDDEN, 1000, 6).eval()
    init_fixture_weights(model)
    image = crop(photo)
    image.save(os.path.join(ALEXNET, "photo.png"))
    x = torch.from_numpy(np.asarray(Image.open(os.path.join(ALEXNET, "photo.png")).convert("RGB"),
                                    dtype=np.float32) / 255.0).permute(2, 0, 1).unsqueeze(0)
    x = (x - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)
    sd = model.state_dict()
    torch.save(sd, os.path.join(ALEXNET, "alexnet-narrow.pth"))

    views = dict(sd)
    views["classifier.6.weight"] = sd["classifier.6.weight"].t().contiguous().t()
    conv_biases = [k for k in sd if k.startswith("features.") and k.endswith(".bias")]
    shared = torch.cat([sd[k] for k in conv_biases])
    at = 0
    for k in conv_biases:
        views[k] = shared[at: at + sd[k].numel()]
        at += sd[k].numel()
    assert not views["classifier.6.weight"].is_contiguous()
    torch.save(views, os.path.join(ALEXNET, "alexnet-narrow-legacy.pth"), _use_new_zipfile_serialization=False)

    half = {k: v.half() for k, v in sd.items()}
    torch.save(half, os.path.join(ALEXNET, "alexnet-narrow-f16.pth"))
    logits = {}
    with torch.no_grad():
        logits["narrow"] = model(x).numpy()
        model.load_state_dict({k: v.float() for k, v in half.items()})
        logits["f16"] = model(x).numpy()
    np.savez(os.path.join(ALEXNET, "logits.npz"), **logits)
    for name, values in logits.items():
        print(name, "top-5", np.argsort(-values[0])[:5].tolist())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--photo", default=os.path.join(HERE, "..", "..", "shared", "data", "imagenet",
                                                       "n01443537_2675_goldfish.jpg"))
    args = parser.parse_args()
    os.makedirs(COMMON, exist_ok=True)
    save_dtypes()
    save_hostile()
    save_alexnet(args.photo)
    print("torch", torch.__version__, "wrote", COMMON, "and", ALEXNET)


if __name__ == "__main__":
    main()
