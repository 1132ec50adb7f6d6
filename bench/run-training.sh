#!/usr/bin/env bash
# Issue 3 benchmarks (a), (b), (c) on the MNIST subset: DeepCanvas vs hand-written DL4J, the
# trainer vs bare fit, and PyTorch with the same thread count. Usage: bench/run-training.sh [rounds] [mlp]
# Several minutes; run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-4}"
only="${2:-}"   # "mlp" for a quick run without LeNet
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS="${BENCH_THREADS:-2}"
java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.deepcanvas.bench.TrainingBenchmark "$rounds" samples/mnist/data/images $only
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  BENCH_THREADS="${BENCH_THREADS:-2}" /usr/bin/python3 bench/pytorch/mnist_bench.py bench/target/mnist-train.bin "$rounds"
else
  echo "PyTorch peer skipped: apt-get install python3-torch libopenblas0-openmp" >&2
fi
