#!/usr/bin/env bash
# Issue 9 benchmark: training throughput of the spam-filter sample (Embedding → LSTM → masked max
# pooling), DeepCanvas/DL4J vs the same network in PyTorch, same threads, batch 32, 120 steps,
# masks on both sides. Usage: bench/run-text-training.sh [rounds] [batches]
#   rounds   one epoch per engine each (default 4; a DL4J epoch is about a minute on 2 cores)
#   batches  cut every epoch to this many batches, for a smoke test (default: the whole split)
# Both engines stay up as servers after one untimed warm-up epoch each and run one epoch per
# round in turn, the order rotated every round (odd rounds DL4J first, even rounds PyTorch
# first), so drift on the machine hits both alike. Builds with `package`, not `install`, so it
# never replaces the snapshot jars in ~/.m2; the class path points at this checkout's jars.
# Needs Debian's python3-torch and libopenblas0-openmp (/usr/bin/python3). Run on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-4}"
batches="${2:-0}"
python=/usr/bin/python3
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "PyTorch not found for $python: apt-get install python3-torch libopenblas0-openmp" >&2
  exit 1
fi
./mvnw -q -B ${MVN_FLAGS:--o} -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS="${BENCH_THREADS:-2}" BENCH_THREADS="${BENCH_THREADS:-2}"

pipes="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$pipes"
}
trap cleanup EXIT
mkfifo "$pipes/dl4j.in" "$pipes/dl4j.out" "$pipes/pytorch.in" "$pipes/pytorch.out"
results="$pipes/results"

# Reads the engine's standard output up to the next line starting with $2; other lines are shown.
await() {
  local fd="$1" want="$2" line
  while IFS= read -r -u "$fd" line; do
    if [[ "$line" == "$want"* ]]; then
      [[ "$want" == RESULT ]] && echo "$line" >>"$results"
      return 0
    fi
    echo "$line"
  done
  echo "an engine ended before answering (see its messages above)" >&2
  exit 1
}

# DL4J first: it prepares the data and writes bench/target/spam-train.bin, which PyTorch reads.
java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.deepcanvas.bench.TextTrainingBenchmark serve "$batches" \
    <"$pipes/dl4j.in" >"$pipes/dl4j.out" &
pids+=($!)
exec 3>"$pipes/dl4j.in" 4<"$pipes/dl4j.out"
await 4 READY
"$python" bench/pytorch/spam_lstm_bench.py bench/target/spam-train.bin serve "$batches" \
    <"$pipes/pytorch.in" >"$pipes/pytorch.out" &
pids+=($!)
exec 5>"$pipes/pytorch.in" 6<"$pipes/pytorch.out"
await 6 READY

for ((r = 1; r <= rounds; r++)); do
  if ((r % 2 == 1)); then order=(dl4j pytorch); else order=(pytorch dl4j); fi
  for engine in "${order[@]}"; do
    if [[ "$engine" == dl4j ]]; then echo "$r" >&3; await 4 RESULT; else echo "$r" >&5; await 6 RESULT; fi
  done
done
exec 3>&- 5>&-   # end of input: each engine prints its own medians and exits
wait "${pids[@]}"
pids=()

"$python" - "$results" "$OMP_NUM_THREADS" <<'EOF'
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    fields = dict(f.split("=", 1) for f in line.split()[1:])
    rows.setdefault(fields["engine"], {})[int(fields["round"])] = fields
dl4j, torch = rows["dl4j"], rows["pytorch"]
rounds = sorted(dl4j)
for r in rounds:
    if dl4j[r]["order"] != torch[r]["order"] or dl4j[r]["samples"] != torch[r]["samples"]:
        sys.exit(f"round {r}: the engines did not train on the same batches ({dl4j[r]['order']} vs {torch[r]['order']})")
value = lambda rows, r, key: float(rows[r][key])
med = lambda rows, key: statistics.median(value(rows, r, key) for r in rounds)
cpu = lambda rows, r: float(rows[r]["samples"]) / float(rows[r]["cpu_s"])
print(f"\nspam-filter LSTM, batch 32, 120 steps, masks on both sides, {sys.argv[2]} threads, "
      f"{dl4j[rounds[0]]['samples']} samples per epoch, {len(rounds)} rounds (odd: DL4J first, even: PyTorch first)")
print("round  first    DL4J samples/s  PyTorch samples/s  DL4J/PyTorch")
for r in rounds:
    first = "DL4J" if r % 2 == 1 else "PyTorch"
    print(f"{r:5d}  {first:7s}  {value(dl4j, r, 'samples_per_s'):14.1f}  {value(torch, r, 'samples_per_s'):17.1f}  "
          f"{value(dl4j, r, 'samples_per_s') / value(torch, r, 'samples_per_s'):12.3f}")
for name, key in (("samples/s", "samples_per_s"), ("real tokens/s", "real_tokens_per_s"), ("padded tokens/s", "padded_tokens_per_s")):
    print(f"median {name:16s} DL4J {med(dl4j, key):9.1f}   PyTorch {med(torch, key):9.1f}")
print(f"median samples per CPU-second DL4J {statistics.median(cpu(dl4j, r) for r in rounds):9.1f}   "
      f"PyTorch {statistics.median(cpu(torch, r) for r in rounds):9.1f}")
ratio = med(dl4j, "samples_per_s") / med(torch, "samples_per_s")
paired = statistics.median(value(dl4j, r, "samples_per_s") / value(torch, r, "samples_per_s") for r in rounds)
print(f"ratio DL4J/PyTorch of median samples/s: {ratio:.3f}  (median of per-round ratios {paired:.3f}; "
      f"the same for tokens/s, both trained on identical batches)")
EOF
