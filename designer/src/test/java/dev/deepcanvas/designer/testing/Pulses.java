package dev.deepcanvas.designer.testing;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Counts JavaFX pulses. A window with nothing to show should have none: while anything animates or
 * keeps marking itself dirty, JavaFX pulses 60 times a second and walks the whole scene each time,
 * which a training run pays for.
 */
public final class Pulses {

    private Pulses() {}

    /** Pulses of {@code scene} during the next {@code millis} milliseconds (call off the JavaFX thread). */
    public static int during(Scene scene, long millis) throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        Runnable counter = pulses::incrementAndGet;
        WaitForAsyncUtils.asyncFx(() -> scene.addPostLayoutPulseListener(counter)).get();
        Thread.sleep(millis);
        WaitForAsyncUtils.asyncFx(() -> scene.removePostLayoutPulseListener(counter)).get();
        return pulses.get();
    }
}
