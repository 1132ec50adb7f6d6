#!/usr/bin/env python3
"""Issue 3 benchmark (c): the same MLP and LeNet as TrainingBenchmark, in PyTorch on the CPU.

Reads the training split that TrainingBenchmark exported (bench/target/mnist-train.bin), uses the
same thread count, optimiser (Adam 0.001), batch sizes and shuffling per epoch, and prints
samples/s per network and batch size. Run: bench/run-training.sh (which calls this after Java).
Needs Debian's python3-torch and libopenblas0-openmp (see bench/README.md).
"""
import os
import struct
import sys
import time

import numpy as np
import torch
from torch import nn

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
torch.set_num_threads(THREADS)
torch.manual_seed(42)


def load(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<i", f.read(4))
        x = np.frombuffer(f.read(n * 784 * 4), dtype="<f4").reshape(n, 1, 28, 28).copy()
        y = np.frombuffer(f.read(n * 4), dtype="<i4").astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))


def lenet():
    # DL4J zoo LeNet: 'same' 5x5 convolutions with 20 and 50 filters, 2x2 max pooling, dense 500.
    return nn.Sequential(
        nn.Conv2d(1, 20, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(20, 50, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(50 * 7 * 7, 500), nn.ReLU(), nn.Linear(500, 10))


def convnet():
    # keras.io "Simple MNIST convnet": 3x3 'valid' convolutions with 32 and 64 filters, 2x2 max pooling, dropout 0.5.
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Dropout(0.5), nn.Linear(64 * 5 * 5, 10))


def epoch(model, opt, x, y, batch, generator):
    """Returns (wall seconds, process CPU seconds) of one epoch."""
    order = torch.randperm(len(x), generator=generator)
    loss_fn = nn.CrossEntropyLoss()
    start = time.perf_counter()
    cpu = time.process_time()
    for i in range(0, len(x), batch):
        idx = order[i:i + batch]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
    return time.perf_counter() - start, time.process_time() - cpu


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "bench/target/mnist-train.bin"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    x, y = load(path)
    print(f"PyTorch {torch.__version__}, {THREADS} threads, {len(x)} training images")
    for batch in (64, 256):
        nets = (("MLP 784-256-128-10", mlp), ("LeNet (DL4J zoo)", lenet), ("Keras MNIST convnet", convnet))
        for name, make in (nets if batch == 64 else nets[:1]):
            model = make()
            params = sum(p.numel() for p in model.parameters())
            opt = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
            g = torch.Generator().manual_seed(42)
            epoch(model, opt, x, y, batch, g)  # warm-up
            runs = [epoch(model, opt, x, y, batch, g) for _ in range(rounds)]
            wall = sum(r[0] for r in runs)
            cpu = sum(r[1] for r in runs)
            n = len(x) * rounds
            print(f"{name:20s} batch {batch:3d}: PyTorch {n / wall:8.0f} samples/s (wall), {n / cpu:8.0f} per CPU-second ({params:,} parameters)")


if __name__ == "__main__":
    main()
