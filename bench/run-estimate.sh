#!/usr/bin/env bash
# Issue 10, point 5: estimated vs measured time per epoch for the samples (a few minutes).
# Usage: bench/run-estimate.sh [sample ...]. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_FLAGS:-} -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
export OMP_WAIT_POLICY=PASSIVE
exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.deepcanvas.bench.EstimateBenchmark "$@"
