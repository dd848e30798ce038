#!/usr/bin/env python3
"""PyTorch reference for word-lm: yunjey's pytorch-tutorial language model (Penn Treebank), verbatim
semantics, plus held-out perplexity and the suite's metrics.jsonl format.

    python3 reference/word_lm.py --data-dir ../shared/data/ptb [--epochs 5] [--max-steps N] [--device cuda]
        [--init-from DIR]   # DIR from `./suite word-lm train --export-init DIR`: DL4J's starting weights

Defaults as in the notebook: embed 128, hidden 1024, 1 layer, 5 epochs, batch 20, sequence 30,
Adam lr 0.002, clip_grad_norm 0.5. It prints the notebook's line every 100 steps
("Epoch [1/5], Step[0/1549], Loss: 9.2154, Perplexity: 10050.66"), then validation and test
perplexity after each epoch (state carried through the whole split), and writes
<out>/word-lm-pytorch/<time>/metrics.jsonl.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn

from dl4j_weights import load_lstm_lm


class Dictionary:
    """Word ids in order of first appearance."""

    def __init__(self):
        self.word2idx, self.idx2word = {}, {}

    def add_word(self, word):
        if word not in self.word2idx:
            self.word2idx[word] = len(self.word2idx)
            self.idx2word[self.word2idx[word]] = word

    def __len__(self):
        return len(self.word2idx)


class Corpus:
    """A text file as one id sequence (each line's words plus <eos>), laid out as batch_size rows."""

    def __init__(self):
        self.dictionary = Dictionary()

    def get_data(self, path, batch_size=20, grow=True):
        with open(path) as f:
            tokens = 0
            for line in f:
                words = line.split() + ["<eos>"]
                tokens += len(words)
                if grow:
                    for word in words:
                        self.dictionary.add_word(word)
        ids = torch.LongTensor(tokens)
        token = 0
        with open(path) as f:
            for line in f:
                for word in line.split() + ["<eos>"]:
                    ids[token] = self.dictionary.word2idx[word]
                    token += 1
        num_batches = ids.size(0) // batch_size
        ids = ids[:num_batches * batch_size]
        return ids.view(batch_size, -1)


class RNNLM(nn.Module):
    def __init__(self, vocab_size, embed_size, hidden_size, num_layers):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_size)
        self.lstm = nn.LSTM(embed_size, hidden_size, num_layers, batch_first=True)
        self.linear = nn.Linear(hidden_size, vocab_size)

    def forward(self, x, h):
        x = self.embed(x)
        out, (h, c) = self.lstm(x, h)
        out = out.reshape(out.size(0) * out.size(1), out.size(2))
        return self.linear(out), (h, c)


def detach(states):
    return [state.detach() for state in states]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", required=True)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=20)
    p.add_argument("--seq-length", type=int, default=30)
    p.add_argument("--embed-size", type=int, default=128)
    p.add_argument("--hidden-size", type=int, default=1024)
    p.add_argument("--num-layers", type=int, default=1)
    p.add_argument("--lr", type=float, default=0.002)
    p.add_argument("--clip", type=float, default=0.5)
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--device", default="cpu")
    p.add_argument("--out", default="runs")
    p.add_argument("--skip-eval", action="store_true", help="no validation/test perplexity (speed runs)")
    p.add_argument("--log-every", type=int, default=100,
                   help="metrics.jsonl record (mean loss and tokens/s of the window) every N steps")
    p.add_argument("--init-from", metavar="DIR",
                   help="start from DL4J's weights (word-lm train --export-init DIR): the same model step for step")
    a = p.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    dev = torch.device(a.device)

    corpus = Corpus()
    ids = corpus.get_data(os.path.join(a.data_dir, "ptb.train.txt"), a.batch_size).to(dev)
    valid = corpus.get_data(os.path.join(a.data_dir, "ptb.valid.txt"), a.batch_size, grow=False).to(dev)
    test = corpus.get_data(os.path.join(a.data_dir, "ptb.test.txt"), a.batch_size, grow=False).to(dev)
    vocab_size = len(corpus.dictionary)
    num_batches = ids.size(1) // a.seq_length
    print(f"torch {torch.__version__} on {a.device}; vocabulary {vocab_size}, {num_batches} steps per epoch")

    model = RNNLM(vocab_size, a.embed_size, a.hidden_size, a.num_layers)
    if a.init_from:
        load_lstm_lm(model, a.init_from)
    model = model.to(dev)
    trained = [p for p in model.parameters() if p.requires_grad]
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(trained, lr=a.lr)

    def zeros():
        return (torch.zeros(a.num_layers, a.batch_size, a.hidden_size, device=dev),
                torch.zeros(a.num_layers, a.batch_size, a.hidden_size, device=dev))

    def perplexity(data):
        model.eval()
        states, total, count = zeros(), 0.0, 0
        with torch.no_grad():
            for i in range(0, data.size(1) - a.seq_length, a.seq_length):
                inputs = data[:, i:i + a.seq_length]
                targets = data[:, (i + 1):(i + 1) + a.seq_length]
                outputs, states = model(inputs, states)
                total += criterion(outputs, targets.reshape(-1)).item() * targets.numel()
                count += targets.numel()
        model.train()
        return float(np.exp(total / count))

    run = os.path.join(a.out, "word-lm-pytorch", time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(run, exist_ok=True)
    metrics = open(os.path.join(run, "metrics.jsonl"), "w")
    step_total, wall = 0, 0.0
    win_loss, win_n, win_tokens, win_t = 0.0, 0, 0, 0.0
    for epoch in range(a.epochs):
        states = zeros()
        ep_loss, ep_n, ep_tokens, ep_t = 0.0, 0, 0, 0.0
        for i in range(0, ids.size(1) - a.seq_length, a.seq_length):
            t0 = time.perf_counter()
            inputs = ids[:, i:i + a.seq_length]
            targets = ids[:, (i + 1):(i + 1) + a.seq_length]
            states = detach(states)
            outputs, states = model(inputs, states)
            loss = criterion(outputs, targets.reshape(-1))
            model.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(trained, a.clip)
            optimizer.step()
            lv = loss.item()
            dt = time.perf_counter() - t0
            wall += dt
            step_total += 1
            ep_loss += lv; ep_n += 1; ep_tokens += targets.numel(); ep_t += dt
            win_loss += lv; win_n += 1; win_tokens += targets.numel(); win_t += dt
            step = (i + 1) // a.seq_length
            if step % 100 == 0:   # the notebook's line
                print('Epoch [{}/{}], Step[{}/{}], Loss: {:.4f}, Perplexity: {:5.2f}'
                      .format(epoch + 1, a.epochs, step, num_batches, lv, np.exp(lv)))
            if step_total % a.log_every == 0:   # as the suite's Trainer: mean loss and rate of the window
                mean = win_loss / win_n
                metrics.write(json.dumps(dict(type="step", step=step_total, epoch=epoch + 1, loss=mean,
                                              perplexity=float(np.exp(mean)),
                                              tokens_per_s=win_tokens / win_t, wall_s=wall)) + "\n")
                metrics.flush()
                win_loss, win_n, win_tokens, win_t = 0.0, 0, 0, 0.0
            if a.max_steps and step_total >= a.max_steps:
                break
        rec = dict(type="epoch", step=step_total, epoch=epoch + 1, loss=ep_loss / ep_n,
                   tokens_per_s=ep_tokens / ep_t, wall_s=wall)
        if not a.skip_eval:
            rec.update(valid_perplexity=perplexity(valid), test_perplexity=perplexity(test))
        metrics.write(json.dumps(rec) + "\n"); metrics.flush()
        ppl = "" if a.skip_eval else f"  valid ppl {rec['valid_perplexity']:.2f}  test ppl {rec['test_perplexity']:.2f}"
        print(f"epoch {epoch + 1}/{a.epochs} done  train loss {rec['loss']:.4f}{ppl}  "
              f"{rec['tokens_per_s']:,.0f} tokens/s  {wall:.1f} s")
        if a.max_steps and step_total >= a.max_steps:
            break


if __name__ == "__main__":
    main()
