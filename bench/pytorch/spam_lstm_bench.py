#!/usr/bin/env python3
"""Issue 9 benchmark: the spam-filter sample's network (Embedding -> LSTM -> masked max pooling ->
softmax) in PyTorch on the CPU, the peer of TextTrainingBenchmark.

Reads the training split that TextTrainingBenchmark exported (bench/target/spam-train.bin; layout
in its exportForPyTorch), builds the network from the sizes in the file, and trains with the same
optimiser (Adam 0.005, epsilon 1e-7), batch size (32), thread count (BENCH_THREADS, default 2)
and, epoch by epoch, the same shuffled order as DeepCanvas's Trainer (java.util.Random
Fisher-Yates, reimplemented below). The LSTM runs over all padded steps, as DL4J's does; padded
steps are set to -inf before the max over time, as DL4J's masked GlobalPooling does.

Usage: spam_lstm_bench.py FILE [rounds|serve] [batches] - the same arguments as the Java side;
"serve" warms up, prints READY, then times one epoch per round number read from standard input
and answers with a RESULT line (bench/run-text-training.sh alternates the two that way).
Needs Debian's python3-torch and libopenblas0-openmp; run with /usr/bin/python3.
"""
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
from torch import nn

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
BATCH = 32
torch.set_num_threads(THREADS)
torch.manual_seed(42)


def info(line):
    """Progress goes to standard error, so standard output carries only the protocol lines when serving."""
    print(line, file=sys.stderr, flush=True)


class JavaRandom:
    """java.util.Random (48-bit linear congruential generator), enough for nextInt(bound)."""

    MULTIPLIER = 0x5DEECE66D
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULTIPLIER) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * self.MULTIPLIER + 0xB) & self.MASK
        return self.seed >> (48 - bits)  # only called with bits=31, so never negative

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            value = bits % bound
            if bits - value + (bound - 1) < (1 << 31):  # Java's int-overflow test for a biased draw
                return value


def trainer_order(n, seed):
    """The order DeepCanvas's Trainer visits n examples in, in its first epoch with this seed."""
    random = JavaRandom(seed)
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = random.next_int(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def load(path):
    with open(path, "rb") as f:
        n, t, classes, rows, dimension, units, vocabulary = struct.unpack("<7i", f.read(28))
        ids = np.frombuffer(f.read(n * t * 4), dtype="<i4").reshape(n, t).astype(np.int64)
        mask = np.frombuffer(f.read(n * t), dtype=np.uint8).reshape(n, t).astype(bool)
        labels = np.frombuffer(f.read(n * 4), dtype="<i4").astype(np.int64)
    sizes = dict(n=n, steps=t, classes=classes, rows=rows, dimension=dimension, units=units, vocabulary=vocabulary)
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(labels), sizes


class SpamLstm(nn.Module):
    def __init__(self, rows, dimension, units, classes):
        super().__init__()
        self.embedding = nn.Embedding(rows, dimension)  # no padding_idx: DL4J's table has none either
        self.lstm = nn.LSTM(dimension, units, batch_first=True)
        self.out = nn.Linear(units, classes)
        # Close to DL4J's start (Xavier weights, forget-gate bias 1, other biases 0); it does not
        # change the work per step, only makes the two loss curves comparable.
        for w in (self.embedding.weight, self.lstm.weight_ih_l0, self.lstm.weight_hh_l0, self.out.weight):
            nn.init.xavier_normal_(w)
        with torch.no_grad():
            self.lstm.bias_ih_l0.zero_()
            self.lstm.bias_hh_l0.zero_()
            self.lstm.bias_ih_l0[units:2 * units] = 1.0  # PyTorch's gate order is input, forget, cell, output
            self.out.bias.zero_()

    def forward(self, ids, mask):
        steps, _ = self.lstm(self.embedding(ids))
        pooled = steps.masked_fill(~mask.unsqueeze(-1), float("-inf")).amax(dim=1)
        return self.out(pooled)


def epoch(model, opt, ids, mask, labels, seed):
    """One epoch in the Trainer's order for this seed: wall seconds, CPU seconds, mean loss, order."""
    n = len(ids)
    order = torch.tensor(trainer_order(n, seed))
    loss_fn = nn.CrossEntropyLoss()
    loss_sum = 0.0
    wall = time.perf_counter()
    cpu = time.process_time()
    for i in range(0, n, BATCH):
        idx = order[i:i + BATCH]
        opt.zero_grad()
        loss = loss_fn(model(ids[idx], mask[idx]), labels[idx])
        loss.backward()
        opt.step()
        loss_sum += loss.item() * len(idx)
    return time.perf_counter() - wall, time.process_time() - cpu, loss_sum / n, order[:4].tolist()


def blas():
    """The BLAS library this process mapped, to show that OpenBLAS (OpenMP build) is in use."""
    try:
        with open("/proc/self/maps") as maps:
            found = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
        return ", ".join(os.path.realpath(p) for p in found) or "none found"
    except OSError:
        return "unknown"


def timed(model, opt, ids, mask, labels, real_tokens, seed):
    wall, cpu, loss, head = epoch(model, opt, ids, mask, labels, seed)
    n, t = ids.shape
    r = dict(round=seed, samples=n, samples_per_s=n / wall, real_tokens_per_s=real_tokens / wall,
             padded_tokens_per_s=n * t / wall, wall_s=wall, cpu_s=cpu, loss=loss, order=",".join(map(str, head)))
    info(f"PyTorch round {seed}: {r['samples_per_s']:7.1f} samples/s, {r['real_tokens_per_s']:8.0f} real tokens/s, "
         f"{r['padded_tokens_per_s']:8.0f} padded tokens/s ({n} samples, {real_tokens:,} real tokens in {wall:.2f} s wall, "
         f"{cpu:.2f} s CPU; mean loss {loss:.4f})")
    return r


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "bench/target/spam-train.bin"
    serve = len(sys.argv) > 2 and sys.argv[2] == "serve"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 and not serve else 4
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    ids, mask, labels, sizes = load(path)
    if limit > 0:
        ids, mask, labels = ids[:limit * BATCH], mask[:limit * BATCH], labels[:limit * BATCH]
    if int(ids.max()) >= sizes["rows"]:
        raise SystemExit(f"token id {int(ids.max())} outside the embedding table of {sizes['rows']} rows")
    real_tokens = int(mask.sum())
    model = SpamLstm(sizes["rows"], sizes["dimension"], sizes["units"], sizes["classes"])
    params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.Adam(model.parameters(), lr=0.005, betas=(0.9, 0.999), eps=1e-7)
    info(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, BLAS: {blas()}")
    info(f"PyTorch: {sizes['n']} training texts, {sizes['steps']} steps, fitted vocabulary {sizes['vocabulary']} ids, "
         f"embedding {sizes['rows']} x {sizes['dimension']}, LSTM {sizes['units']}; {params:,} parameters; "
         f"each epoch {len(ids)} samples in batches of {BATCH}, masks on")
    epoch(model, opt, ids, mask, labels, 0)  # warm-up, not timed; rounds then shuffle with seeds 1, 2, ...
    done = []
    if serve:
        print("READY", flush=True)
        for line in sys.stdin:
            if not line.strip():
                break
            r = timed(model, opt, ids, mask, labels, real_tokens, int(line))
            done.append(r)
            print("RESULT engine=pytorch " + " ".join(
                f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in r.items()), flush=True)
    else:
        done = [timed(model, opt, ids, mask, labels, real_tokens, s) for s in range(1, rounds + 1)]
    if done:
        info(f"PyTorch median of {len(done)} rounds: {statistics.median(r['samples_per_s'] for r in done):.1f} samples/s, "
             f"{statistics.median(r['real_tokens_per_s'] for r in done):.0f} real tokens/s, "
             f"{statistics.median(r['padded_tokens_per_s'] for r in done):.0f} padded tokens/s")


if __name__ == "__main__":
    main()
