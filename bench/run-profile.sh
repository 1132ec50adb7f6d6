#!/usr/bin/env bash
# Issue 10, point 3: where a training step's time goes (async-profiler, Linux x86-64).
# Usage: bench/run-profile.sh [workload] [epochs]; workload = a sample name (iris, digits, ...) or mlp64 / mlp256.
# Prints CPU time by owner (DeepCanvas, DL4J, ND4J native, OpenMP, JVM) and writes the stacks to bench/target.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_FLAGS:-} -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
jar="$(tr ':' '\n' < bench/target/bench.classpath | grep async-profiler)"
mkdir -p bench/target/async-profiler
unzip -o -q -j "$jar" 'linux-x64/libasyncProfiler.so' -d bench/target/async-profiler
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" OMP_NUM_THREADS="${BENCH_THREADS:-2}"
exec java -Dasyncprofiler.lib="$PWD/bench/target/async-profiler/libasyncProfiler.so" \
    -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.deepcanvas.bench.ProfileBenchmark "$@"
