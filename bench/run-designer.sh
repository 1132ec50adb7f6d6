#!/usr/bin/env bash
# Designer benchmark: a 1,000-layer document in the real window (open, auto-layout, pan/zoom frame
# times in software rendering, re-validation after one edit), then cold start to the first frame.
# Usage: bench/run-designer.sh   (builds first, without installing; runs under xvfb-run when there
# is no display; takes about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl bench,app -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
export OMP_WAIT_POLICY=PASSIVE
run=()
if [[ "$(uname -s)" == Linux && -z "${DISPLAY:-}" ]]; then
  run=(xvfb-run -a -s "-screen 0 1920x1080x24")
fi
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
"${run[@]}" java -Dprism.order=sw -Djavafx.animation.fullspeed=true -cp "$cp" dev.deepcanvas.bench.DesignerBenchmark
"${run[@]}" java -cp "$cp" dev.deepcanvas.bench.ColdStartBenchmark app/target/deepcanvas.jar 7
