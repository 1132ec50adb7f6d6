package dev.deepcanvas.app;

import dev.deepcanvas.app.cli.DeepCanvasCommand;
import dev.deepcanvas.app.desktop.DesktopApp;
import dev.deepcanvas.runtime.compute.ChatterFilter;
import dev.deepcanvas.runtime.compute.NativeStart;

/** Entry point: with no arguments the designer window, with arguments the command line. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        ChatterFilter.install();
        if (opensWindow(args)) {
            // the window's Dl4jBackend prepares the natives itself, after the first frame
            DesktopApp.launchWindow();
            return;
        }
        // before any native library loads: the same thread behaviour whatever started the JVM
        NativeStart.prepare();
        System.exit(DeepCanvasCommand.run(args, System.out, System.err));
    }

    /** The window is the main job; any argument means the command line. */
    static boolean opensWindow(String[] args) {
        return args.length == 0;
    }
}
