#!/usr/bin/env python3
"""PyTorch reference for char-lstm: the same text split, vocabulary, stream windows, network, optimiser,
clipping and carried state as `./suite char-lstm train`, and the suite's metrics.jsonl format.

    python3 reference/char_lstm.py --data-dir ../shared/data/tinyshakespeare [--epochs 6] [--max-steps N]
    python3 reference/char_lstm.py --text my.txt [--skip-eval] [--device cuda]

Defaults as CharLstmConfig: the first 90% of the text trains, the last 10% validates; the vocabulary is
the sorted distinct characters (code points), id = position; 64 contiguous streams walked in windows
of 100 characters (targets shifted by one), in order, every epoch; Embedding(V, 32) → 2 × LSTM(256) →
Linear(256, V); cross-entropy averaged over all characters of the window; Adam 3e-3; the global
gradient norm clipped to 5; the LSTM state one window ends in starts the next (detached), zeroed at
the start of every epoch; 6 epochs. Every --log-every steps (20) the Java trainer's line with the
mean loss and chars/s of the steps since the last line; every --eval-every steps (100) and at each
epoch end the loss over the whole validation split (nats/char and bits/char, read as up to 16
streams with the state carried across windows) and, like the Java module, a teacher-forced
prediction and a generated sample. Writes <out>/char-lstm-pytorch/<time>/metrics.jsonl.
"""
import argparse
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from dl4j_weights import load_lstm_lm

TRAIN_FRACTION = 0.9          # CharCorpus.TRAIN_FRACTION
EVAL_STREAMS = 16             # CharSamples.EVAL_STREAMS
SNIPPET = 80                  # CharSamples: length of the "prediction from input" snippet
DIRECTORY_NAMES = ("tinyshakespeare", "tiny-shakespeare", "tiny_shakespeare")   # Datasets.TINY_SHAKESPEARE


def find_text(data_dir, text):
    """--text as given, else input.txt in --data-dir or one of the resolver's directory names under it."""
    if text:
        return os.path.abspath(text)
    for d in (data_dir,) + tuple(os.path.join(data_dir, n) for n in DIRECTORY_NAMES):
        if os.path.isfile(os.path.join(d, "input.txt")):
            return os.path.join(d, "input.txt")
    raise SystemExit(f"--data-dir {data_dir} does not contain Tiny Shakespeare (input.txt)")


def read_corpus(path):
    """(vocabulary, train ids, validation ids) as CharCorpus.of: sorted distinct code points, 90/10 cut."""
    with open(path, encoding="utf-8", errors="strict", newline="") as f:   # newline="": keep \r as Java does
        text = f.read()
    vocabulary = sorted(set(text))
    if len(vocabulary) < 2:
        raise SystemExit(f"{path} has fewer than two distinct characters; there is nothing to predict")
    index = {c: i for i, c in enumerate(vocabulary)}
    ids = torch.tensor([index[c] for c in text], dtype=torch.long)
    cut = math.floor(len(ids) * TRAIN_FRACTION + 0.5)   # Java's Math.round (Python's round() is banker's)
    return vocabulary, ids[:cut], ids[cut:]


def unigram_entropy(ids, size):
    p = torch.bincount(ids, minlength=size).double() / len(ids)
    p = p[p > 0]
    return float(-(p * p.log()).sum())


class CharLstm(nn.Module):
    def __init__(self, vocab_size, embedding, hidden, layers):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embedding)
        self.lstm = nn.LSTM(embedding, hidden, layers, batch_first=True)
        self.linear = nn.Linear(hidden, vocab_size)

    def forward(self, x, state):
        out, state = self.lstm(self.embed(x), state)
        return self.linear(out), state


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data-dir", help="folder with Tiny Shakespeare's input.txt (or a tinyshakespeare/ folder)")
    p.add_argument("--text", help="a UTF-8 text to train on instead of Tiny Shakespeare")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--batch-size", type=int, default=64, help="parallel text streams per step")
    p.add_argument("--seq-length", type=int, default=100, help="characters per window (truncated BPTT length)")
    p.add_argument("--embedding", type=int, default=32)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--clip", type=float, default=5.0, help="maximum global gradient norm of the mean loss")
    p.add_argument("--grad-scale", type=float, default=1.0,
                   help="multiply the clipped gradient by S before Adam; 100 reproduces DL4J's old summed-over-time gradient")
    p.add_argument("--init-from", metavar="DIR",
                   help="start from DL4J's weights (char-lstm train --export-init DIR): the same model step for step")
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--device", default="cpu")
    p.add_argument("--out", default="runs")
    p.add_argument("--log-every", type=int, default=20)
    p.add_argument("--eval-every", type=int, default=100)
    p.add_argument("--sample-length", type=int, default=200, help="characters generated at each evaluation (0: none)")
    p.add_argument("--temperature", type=float, default=0.8)
    p.add_argument("--skip-eval", action="store_true", help="no validation loss or samples (speed runs)")
    a = p.parse_args()
    if not a.data_dir and not a.text:
        p.error("give --data-dir (Tiny Shakespeare) or --text FILE")
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    dev = torch.device(a.device)

    path = find_text(a.data_dir, a.text)
    vocabulary, train, valid = read_corpus(path)
    V, B, T = len(vocabulary), a.batch_size, a.seq_length
    # StreamBatches: cut to a multiple of B, row b = b-th chunk; window k = columns [kT, kT+T), targets +1,
    # for kT < columns - T.
    columns = len(train) // B
    if columns <= T:
        raise SystemExit(f"{len(train):,} characters are too few for {B} streams of windows of {T}")
    rows = train[:columns * B].view(B, columns).to(dev)
    batches = (columns - T + T - 1) // T
    run = os.path.join(a.out, "char-lstm-pytorch", time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(run, exist_ok=True)
    print(f"torch {torch.__version__} on {a.device}, {torch.get_num_threads()} threads; run folder {run}")
    print(f"{path}: {len(train) + len(valid):,} characters, {V} distinct; {len(train):,} train / {len(valid):,} "
          f"validation; {B} streams × {columns:,}, {batches} windows of {T} per epoch; unigram entropy "
          f"{unigram_entropy(train, V):.3f} nats/char")

    model = CharLstm(V, a.embedding, a.hidden, a.layers)
    if a.init_from:
        load_lstm_lm(model, a.init_from)
    model.to(dev)
    trained = [q for q in model.parameters() if q.requires_grad]
    print(f"{sum(q.numel() for q in trained):,} parameters")
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(trained, lr=a.lr)

    def zeros(n):
        return (torch.zeros(a.layers, n, a.hidden, device=dev), torch.zeros(a.layers, n, a.hidden, device=dev))

    def validation_loss():
        """CharSamples.validationLoss / StreamLoss.meanNats: the split as S streams, windows of T (the last
        one shorter), state carried, every character but each stream's first predicted once."""
        streams = max(1, min(EVAL_STREAMS, len(valid) // (T + 1)))
        cols = len(valid) // streams
        data = valid[:cols * streams].view(streams, cols).to(dev)
        model.eval()
        state, total, count = zeros(streams), 0.0, 0
        with torch.no_grad():
            for i in range(0, cols - 1, T):
                n = min(T, cols - 1 - i)
                logits, state = model(data[:, i:i + n], state)
                nll = -F.log_softmax(logits.float(), -1).gather(-1, data[:, i + 1:i + 1 + n].unsqueeze(-1))
                total += float(nll.clamp(max=-math.log(1e-30)).sum())   # Java clamps p at 1e-30
                count += streams * n
        model.train()
        return total / count

    def decode(ids):
        return "".join(vocabulary[i] for i in ids)

    def visible(s):
        return s.replace("\n", "¶").replace("\t", "→").replace("\r", "←")

    def print_samples(step):
        """CharSamples.printSamples: argmax under a validation snippet, then a sample primed with its first char."""
        n = min(SNIPPET, len(valid) - 1)
        model.eval()
        with torch.no_grad():
            logits, _ = model(valid[:n].view(1, n).to(dev), zeros(1))
            predicted = logits[0].argmax(-1).tolist()
            print("prediction from input (validation text, then the argmax next character at each position):")
            print("  true:      " + visible(decode(valid[1:n + 1].tolist())))
            print("  predicted: " + visible(decode(predicted)))
            if a.sample_length > 0:
                g = torch.Generator().manual_seed(a.seed + step)
                token, state, out = int(valid[0]), zeros(1), []
                for _ in range(a.sample_length):
                    logits, state = model(torch.tensor([[token]], device=dev), state)
                    logp = F.log_softmax(logits[0, -1].float().cpu(), -1)
                    if a.temperature == 0:
                        token = int(logp.argmax())
                    else:
                        token = int(torch.multinomial(F.softmax(logp / a.temperature, -1), 1, generator=g))
                    out.append(token)
                print(f"generated (temperature {a.temperature}):\n{vocabulary[int(valid[0])]}{decode(out)}")
        model.train()

    def validation_metrics():
        nats = validation_loss()
        return dict(val_loss=nats, val_bpc=nats / math.log(2))

    metrics = open(os.path.join(run, "metrics.jsonl"), "w")

    def record(rec):
        metrics.write(json.dumps(rec) + "\n")
        metrics.flush()

    step_total, wall = 0, 0.0
    for epoch in range(a.epochs):
        state = zeros(B)   # StatefulTbpttStep.reset at every epoch start
        ep_loss, ep_tokens, ep_t = 0.0, 0, 0.0
        w_loss, w_n, w_tokens, w_t = 0.0, 0, 0, 0.0
        for k in range(batches):
            inputs = rows[:, k * T:k * T + T]
            targets = rows[:, k * T + 1:k * T + 1 + T]
            t0 = time.perf_counter()
            state = tuple(s.detach() for s in state)
            logits, state = model(inputs, state)
            loss = criterion(logits.reshape(-1, V), targets.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(trained, a.clip)
            if a.grad_scale != 1.0:
                for q in trained:
                    q.grad.mul_(a.grad_scale)
            optimizer.step()
            lv = loss.item()
            dt = time.perf_counter() - t0
            if not math.isfinite(lv):
                raise SystemExit(f"training diverged: the loss became {lv} at step {step_total + 1}")
            wall += dt
            step_total += 1
            ep_loss += lv; ep_tokens += targets.numel(); ep_t += dt
            w_loss += lv; w_n += 1; w_tokens += targets.numel(); w_t += dt
            if step_total % a.log_every == 0:   # Trainer.logSteps: means over the steps since the last line
                loss_mean, rate = w_loss / w_n, w_tokens / w_t
                print(f"epoch {epoch + 1}/{a.epochs}  step {step_total} ({k + 1}/{batches})  loss {loss_mean:.4f}  "
                      f"{rate:,.0f} char/s  {wall:.1f} s")
                record(dict(type="step", step=step_total, epoch=epoch + 1, loss=loss_mean, tokens_per_s=rate,
                            wall_s=wall))
                w_loss, w_n, w_tokens, w_t = 0.0, 0, 0, 0.0
            if not a.skip_eval and step_total % a.eval_every == 0:
                m = validation_metrics()   # CharSamples.evaluate: the samples first, then the trainer's line
                print_samples(step_total)
                print(f"step {step_total}  evaluation  val_loss {m['val_loss']:.4f}  val_bpc {m['val_bpc']:.4f}")
                record(dict(type="eval", step=step_total, epoch=epoch + 1, wall_s=wall, **m))
            if a.max_steps and step_total >= a.max_steps:
                break
        if a.max_steps and step_total >= a.max_steps:
            print(f"reached --max-steps {a.max_steps}")
            break
        rec = dict(type="epoch", step=step_total, epoch=epoch + 1, loss=ep_loss / batches,
                   tokens_per_s=ep_tokens / ep_t, wall_s=wall)
        if not a.skip_eval:
            rec.update(validation_metrics())
        record(rec)
        val = "" if a.skip_eval else f"  val_loss {rec['val_loss']:.4f}  val_bpc {rec['val_bpc']:.4f}"
        print(f"epoch {epoch + 1}/{a.epochs} done  train loss {rec['loss']:.4f}{val}  "
              f"{rec['tokens_per_s']:,.0f} char/s  {wall:.1f} s")
    if not a.skip_eval:
        nats = validation_loss()
        print(f"validation loss {nats:.4f} nats/char ({nats / math.log(2):.4f} bits/char)")
    print(f"metrics {os.path.join(run, 'metrics.jsonl')}")


if __name__ == "__main__":
    main()
