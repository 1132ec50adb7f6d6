package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.data.DataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that runs a saved model over raw inputs read with its own encoding: loading and data
 * errors become one line on standard error and an exit code.
 */
abstract class ModelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "a model saved by 'deepcanvas train' (.dcmodel)")
    Path model;

    @Spec
    CommandSpec spec;

    /** The file or folder with the inputs. */
    abstract Path inputs();

    /** The inputs, encoded with the model's own encoding. */
    List<ModelInputs.Input> read(ModelBundle bundle) throws IOException, DataException {
        return ModelInputs.read(bundle, inputs());
    }

    /** The command's work; returns the exit code. */
    abstract int use(ModelBundle bundle, List<ModelInputs.Input> inputs, PrintWriter out) throws IOException, DataException;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelLoader loader = new ModelLoader();
        ModelBundle bundle = loader.load(model, err);
        if (bundle == null) {
            return loader.exitCode();
        }
        try {
            List<ModelInputs.Input> read = read(bundle);
            if (read.isEmpty()) {
                throw new DataException(String.valueOf(inputs()), "there are no rows to use");
            }
            int code = use(bundle, read, out);
            out.flush();
            return code;
        } catch (DataException e) {
            err.println("deepcanvas: " + e.getMessage());
            return DeepCanvasCommand.INVALID;
        } catch (IOException e) {
            err.println("deepcanvas: cannot read or write: " + e.getMessage());
            return DeepCanvasCommand.IO_ERROR;
        }
    }
}
