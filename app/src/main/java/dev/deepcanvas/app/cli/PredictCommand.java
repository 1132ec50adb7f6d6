package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.bundle.Prediction;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import dev.deepcanvas.runtime.data.text.TextEncoding;
import dev.deepcanvas.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Run a saved model on new raw inputs: the rows of a CSV file (same columns as for training; the label column may be absent),",
            "the texts of a CSV (or one --text), the windows of a time series, an image or sequence file, or a folder of them.",
            "Writes a CSV: the input (row values or file; for a series its window's last row), the prediction, and each class's probability."
        })
final class PredictCommand extends ModelCommand {

    @Parameters(index = "1", arity = "0..1", paramLabel = "INPUT",
            description = "a CSV file (rows, texts or a time series), an image or sequence file, or a folder of them")
    Path input;

    @Option(names = "--text", paramLabel = "TEXT", description = "a text to classify, instead of INPUT (text models only)")
    String text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the predictions here (default: standard output)")
    Path output;

    @Override
    Path inputs() {
        return input;
    }

    @Override
    List<ModelInputs.Input> read(ModelBundle bundle) throws IOException, DataException {
        if ((text == null) == (input == null)) {
            throw new DataException(null, "give either an INPUT file or --text \"...\", not " + (text == null ? "neither" : "both"));
        }
        if (text == null) {
            return super.read(bundle);
        }
        if (!(bundle.encoding() instanceof TextEncoding encoding)) {
            throw new DataException(null, "--text is for models trained on text; this one reads " + ModelInputs.describe(bundle));
        }
        return List.of(ModelInputs.text(encoding, "text", Map.of("text", text), text, null));
    }

    @Override
    int use(ModelBundle bundle, List<ModelInputs.Input> inputs, PrintWriter out) throws IOException {
        String csv = toCsv(bundle, inputs, Predictions.of(bundle, inputs));
        if (output == null) {
            out.print(csv);
        } else {
            AtomicFiles.write(output, csv.getBytes(StandardCharsets.UTF_8));
            out.printf("Wrote %d prediction(s) to %s%n", inputs.size(), output);
        }
        return DeepCanvasCommand.OK;
    }

    static String toCsv(ModelBundle bundle, List<ModelInputs.Input> inputs, List<Prediction> predictions) {
        List<String> inputColumns = inputs.get(0).raw() == null ? List.of("file") : new ArrayList<>(inputs.get(0).raw().keySet());
        List<String> header = new ArrayList<>(inputColumns);
        header.add(bundle.encoding() instanceof SeriesEncoding series
                ? "forecast_" + bundle.target().name() + "_" + series.horizon() + "_ahead"
                : "predicted_" + bundle.target().name());
        bundle.target().classNames().forEach(c -> header.add("p_" + c));
        StringBuilder s = new StringBuilder(line(header));
        for (int i = 0; i < inputs.size(); i++) {
            ModelInputs.Input in = inputs.get(i);
            Prediction p = predictions.get(i);
            List<String> row = new ArrayList<>();
            if (in.raw() == null) {
                row.add(in.origin());
            } else {
                inputColumns.forEach(c -> row.add(in.raw().getOrDefault(c, "")));
            }
            row.add(p.isClassification() ? p.label() : String.format(Locale.ROOT, "%.6g", p.value()));
            for (double probability : p.probabilities()) {
                row.add(String.format(Locale.ROOT, "%.6f", probability));
            }
            s.append(line(row));
        }
        return s.toString();
    }

    private static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", quoted) + "\n";
    }
}
