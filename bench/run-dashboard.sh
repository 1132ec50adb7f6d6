#!/usr/bin/env bash
# Issue 5 benchmark: training throughput with the live dashboard open vs headless (same run,
# interleaved), then the JavaFX frame time while the dashboard follows a run (full-speed pulses).
# Usage: bench/run-dashboard.sh [rounds] [epochs]   (builds first, without installing; runs under
# xvfb-run when there is no display; a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
export OMP_WAIT_POLICY=PASSIVE
run=()
if [[ "$(uname -s)" == Linux && -z "${DISPLAY:-}" ]]; then
  run=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
"${run[@]}" java -Dprism.order=sw -cp "$cp" dev.deepcanvas.bench.DashboardBenchmark "${1:-3}" "${2:-6}"
"${run[@]}" java -Dprism.order=sw -Djavafx.animation.fullspeed=true -cp "$cp" dev.deepcanvas.bench.DashboardBenchmark 1 "${2:-6}"
