#!/usr/bin/env bash
# Image-folder loading benchmark: decode + resize/convert + store, images per second.
# Usage: bench/run-images.sh [FOLDER [HEIGHT WIDTH CHANNELS]]
#   Without a folder it times 10,000 generated 28×28 grey PNGs (about half a minute in all).
#   Extra Maven flags (e.g. -o for offline) can be given in MVN_FLAGS.
# Builds with `package`, not `install`, so it never replaces the snapshot jars in ~/.m2; the
# class path points at this checkout's runtime/target jar.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B ${MVN_FLAGS:-} -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
exec java -Djava.awt.headless=true -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
    dev.deepcanvas.bench.ImageDecodeBenchmark "$@"
