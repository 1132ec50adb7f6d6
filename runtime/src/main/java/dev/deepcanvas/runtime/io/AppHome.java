package dev.deepcanvas.runtime.io;

import java.nio.file.Path;

/** The folder where DeepCanvas keeps settings, recovery copies and what it measured of the machine. */
public final class AppHome {

    private AppHome() {}

    /** {@code -Ddeepcanvas.home=...}, or {@code ~/.deepcanvas}. */
    public static Path folder() {
        String configured = System.getProperty("deepcanvas.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".deepcanvas");
    }
}
