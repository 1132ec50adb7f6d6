package dev.deepcanvas.runtime.export;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds a Python 3 that imports torch: Debian's (python3-torch), or the first python3 on the PATH. */
final class Python {

    private Python() {}

    static String withTorch() throws InterruptedException {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed here: try the next one
            }
        }
        throw new AssertionError("The PyTorch export tests need Python 3 with PyTorch: apt-get install python3-torch (.ci/run installs it).");
    }
}
