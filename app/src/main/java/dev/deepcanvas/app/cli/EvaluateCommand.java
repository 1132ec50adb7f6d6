package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.bundle.Prediction;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.data.table.ClassNames;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import dev.deepcanvas.runtime.evaluate.ClassificationReport;
import dev.deepcanvas.runtime.evaluate.RegressionReport;
import dev.deepcanvas.runtime.evaluate.TestReport;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Score a saved model on labelled data: a CSV file with the label column (a table, texts or a time series), "
                + "or a folder of images or sequences with one sub-folder per class.")
final class EvaluateCommand extends ModelCommand {

    @Parameters(index = "1", paramLabel = "DATA", description = "labelled data: a CSV file, or a folder with one sub-folder per class")
    Path data;

    @Option(names = "--json", description = "print the metrics as JSON")
    boolean json;

    @Override
    Path inputs() {
        return data;
    }

    @Override
    int use(ModelBundle bundle, List<ModelInputs.Input> inputs, PrintWriter out) throws DataException {
        TestReport report = score(bundle, inputs);
        out.print(json ? NetworkSummary.pretty(report.toJson()) : report.toText());
        return DeepCanvasCommand.OK;
    }

    private static TestReport score(ModelBundle bundle, List<ModelInputs.Input> inputs) throws DataException {
        Target target = bundle.target();
        ModelInputs.Input first = inputs.get(0);
        boolean series = bundle.encoding() instanceof SeriesEncoding;
        if (first.raw() != null && !first.raw().containsKey(target.name())) {
            throw new DataException(null, "the data has no column '" + target.name() + "' with the true answers, so it cannot be scored;"
                    + " use 'deepcanvas predict' for unlabelled data");
        }
        if (first.raw() == null && first.actual() == null) {
            throw new DataException(null, "give a folder with one sub-folder per class (named as in training) to score it;"
                    + " use 'deepcanvas predict' for unlabelled files");
        }
        // a forecast of the last windows has no answer in the file yet: score the windows that have one
        List<ModelInputs.Input> scored = series ? inputs.stream().filter(i -> i.actual() != null).toList() : inputs;
        if (scored.isEmpty()) {
            throw new DataException(null, "no window of the series is followed by the value it forecasts, so nothing can be scored");
        }
        List<Prediction> predictions = Predictions.of(bundle, scored);
        int n = scored.size();
        if (target.task() == Task.REGRESSION) {
            double[] actual = new double[n];
            double[] predicted = new double[n];
            double[] last = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = parse(scored.get(i).actual(), scored.get(i).origin(), target.name());
                predicted[i] = predictions.get(i).value();
                last[i] = scored.get(i).reference();
            }
            return series ? RegressionReport.forecast(target.name(), actual, predicted, last) : RegressionReport.of(target.name(), actual, predicted);
        }
        int[] actual = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            ModelInputs.Input input = scored.get(i);
            String name = ClassNames.of(orEmpty(input.actual()));
            actual[i] = target.classNames().indexOf(name);
            if (actual[i] < 0) {
                throw new DataException(null, null, null, name, input.origin() + ": '" + name + "' is not one of the classes the model knows ("
                        + String.join(", ", target.classNames()) + ")");
            }
            predicted[i] = target.classNames().indexOf(predictions.get(i).label());
        }
        return ClassificationReport.of(target.classNames(), actual, predicted);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static double parse(String raw, String origin, String column) throws DataException {
        try {
            return Double.parseDouble(orEmpty(raw).trim());
        } catch (RuntimeException e) {
            throw new DataException(null, null, column, raw, origin + ": the label is not a number");
        }
    }
}
