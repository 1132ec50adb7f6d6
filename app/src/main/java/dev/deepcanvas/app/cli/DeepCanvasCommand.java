package dev.deepcanvas.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code deepcanvas}: the headless command line; runs the same project files as the window. */
@Command(
        name = "deepcanvas",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Design, check and train neural networks from DeepCanvas project files.",
        subcommands = {
            SummaryCommand.class, ValidateCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ExportCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a file could not be read or written",
            "2:the project is invalid (diagnostics on standard error)",
            "3:wrong command-line usage",
            "4:training failed (e.g. the loss became NaN)",
            "5:an unexpected internal error"
        })
public final class DeepCanvasCommand implements Runnable {

    public static final int OK = 0;
    public static final int IO_ERROR = 1;
    public static final int INVALID = 2;
    public static final int USAGE = 3;
    public static final int TRAINING_FAILED = 4;
    public static final int INTERNAL_ERROR = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new DeepCanvasCommand());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // Anything unforeseen is one plain line, never a stack trace; details go to the log.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("deepcanvas: unexpected error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            org.slf4j.LoggerFactory.getLogger(DeepCanvasCommand.class).debug("unexpected error", e);
            return INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("deepcanvas: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USAGE;
        });
        return cli.execute(args);
    }
}
