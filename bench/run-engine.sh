#!/usr/bin/env bash
# Engine benchmark: 1,000-layer document — re-validation after one edit, JSON, compile.
# Usage: bench/run-engine.sh   (builds first; takes about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
export OMP_WAIT_POLICY=PASSIVE
exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.deepcanvas.bench.EngineBenchmark
