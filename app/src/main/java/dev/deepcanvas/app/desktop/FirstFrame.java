package dev.deepcanvas.app.desktop;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures cold start: the time from the JVM's start to the window's first frame. With {@code
 * -Ddeepcanvas.startup.report=true} it prints "first frame after N ms"; with {@code
 * -Ddeepcanvas.startup.exit=true} the application then quits (for the benchmark).
 */
final class FirstFrame {

    private FirstFrame() {}

    static void watch(Scene scene) {
        boolean report = Boolean.getBoolean("deepcanvas.startup.report");
        boolean exit = Boolean.getBoolean("deepcanvas.startup.exit");
        if (!report && !exit) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // The pulse after the one that drew the scene for the first time.
                if (++pulses < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first frame after " + ms + " ms");
                System.out.flush();
                if (exit) {
                    Platform.exit();
                    System.exit(0);
                }
            }
        }.start();
    }
}
