#!/usr/bin/env bash
# CSV benchmark: 1,000,000 rows × 20 numeric columns prepared for training (goal ≤ 3 s).
# Usage: bench/run-csv.sh [maven flags, e.g. -o]   (builds runtime and bench first, installs nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor build, so the classpath points at this checkout's runtime jar, not one in ~/.m2.
./mvnw -q -B "$@" -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
export OMP_WAIT_POLICY=PASSIVE
# 1 GB of heap holds the 168 MB file and its arrays (a desktop JVM often gets no more).
exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.deepcanvas.bench.CsvBenchmark
