#!/usr/bin/env bash
# Issue 5 benchmark: training throughput with the live dashboard open vs headless (same run,
# interleaved), then the JavaFX frame time while the dashboard follows a run (full-speed pulses).
# Usage: bench/run-dashboard.sh [rounds] [epochs]   (default 6 rounds of 120 epochs, about 10 minutes;
# builds first, without installing; runs under xvfb-run when there is no display). Run it on a quiet
# machine: anything else running shows up as noise of several per cent.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
export OMP_WAIT_POLICY=PASSIVE
run=()
if [[ "$(uname -s)" == Linux && -z "${DISPLAY:-}" ]]; then
  run=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
"${run[@]}" java -Dprism.order=sw -cp "$cp" dev.deepcanvas.bench.DashboardBenchmark "${1:-6}" "${2:-120}"
"${run[@]}" java -Dprism.order=sw -Djavafx.animation.fullspeed=true -cp "$cp" dev.deepcanvas.bench.DashboardBenchmark 1 "${2:-120}"
