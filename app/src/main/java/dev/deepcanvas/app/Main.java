package dev.deepcanvas.app;

import dev.deepcanvas.app.cli.DeepCanvasCommand;

/** Entry point: the command line (the window joins with the designer). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(DeepCanvasCommand.run(args, System.out, System.err));
    }
}
