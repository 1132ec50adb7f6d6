package dev.deepcanvas.runtime.project;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.compile.CompileException;
import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.compute.ComputeBackend;
import dev.deepcanvas.runtime.compute.ComputeThreads;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.data.images.Augmenter;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.evaluate.Evaluator;
import dev.deepcanvas.runtime.evaluate.ExamplePrediction;
import dev.deepcanvas.runtime.evaluate.TestReport;
import dev.deepcanvas.runtime.insight.DecisionBoundary;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.EpochExamples;
import dev.deepcanvas.runtime.summary.DesignCost;
import dev.deepcanvas.runtime.train.BatchTransform;
import dev.deepcanvas.runtime.train.SplitScorer;
import dev.deepcanvas.runtime.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training run of a project: its data prepared, checked against the network and shaped for
 * the output head, the network compiled, and a trainer ready to start. The window and the command
 * line both go through here, so a project trains the same in both.
 */
public final class TrainingRun {

    private final NetworkDocument document;
    private final PreparedData data;
    private final ComputationGraph graph;
    private final Trainer trainer;
    private final boolean yesNo;
    private final int threads;
    private final DesignCost cost;

    private TrainingRun(NetworkDocument document, DesignCost cost, PreparedData data, ComputationGraph graph, boolean yesNo) {
        this.cost = cost;
        this.document = document;
        this.data = data;
        this.graph = graph;
        this.yesNo = yesNo;
        this.threads = ComputeThreads.applyFor(cost.trainingFlopsPerBatch(Math.min(document.training().batchSize(), data.train().size()), data.train().timeSteps()));
        this.trainer = new Trainer(graph, data, document.training(), augmentation(document, data));
        trainer.setThreads(threads);
    }

    /**
     * Estimated seconds per epoch on this machine, validation included, from the calibration
     * remembered in {@code home} (measured there first when missing: a few seconds).
     */
    public double estimatedEpochSeconds(Path home) {
        return Calibration.remembered(home).epochSeconds(cost, EpochExamples.of(data), document.training().batchSize());
    }

    /**
     * Starts this run's network from a trained model's weights: the layers whose id and weight
     * shapes match keep them, the others start fresh (call before training).
     */
    public WeightTransfer startFrom(ModelBundle model) {
        return WeightTransfer.copy(model.graph(), graph);
    }

    /** The design's cost (FLOPs, memory) under its training settings. */
    public DesignCost cost() {
        return cost;
    }

    /** The CPU threads this run trains with (see {@link ComputeThreads}). */
    public int threads() {
        return threads;
    }

    /** Prepares everything; any reason the project cannot train is a {@link ProjectException}. */
    public static TrainingRun prepare(NetworkDocument document, Path projectFile) throws ProjectException, IOException {
        NetworkAnalysis analysis = ShapeInference.analyse(document);
        if (!analysis.isValid()) {
            throw new ProjectException(analysis.errors());
        }
        PreparedData data = ProjectData.prepare(document, projectFile, analysis);
        return prepare(document, analysis, data);
    }

    /** For data already prepared (e.g. by the data panel). */
    public static TrainingRun prepare(NetworkDocument document, NetworkAnalysis analysis, PreparedData data) throws ProjectException {
        List<Diagnostic> problems = new ArrayList<>(DataCheck.check(document, analysis, data));
        problems.removeIf(d -> !d.isError());
        if (!problems.isEmpty()) {
            throw new ProjectException(problems);
        }
        boolean yesNo = DataCheck.wantsYesNoLabels(document, data.target());
        PreparedData shaped = yesNo ? withYesNoLabels(data) : data;
        try {
            return new TrainingRun(document, DesignCost.of(document, analysis), shaped, new NetworkCompiler().compile(document), yesNo);
        } catch (CompileException e) {
            throw new ProjectException(e.diagnostics());
        }
    }

    private static PreparedData withYesNoLabels(PreparedData d) {
        return new PreparedData(d.target(), d.train().withYesNoLabels(), d.validation().withYesNoLabels(), d.test().withYesNoLabels(),
                d.encoding(), d.report(), d.imageFiles());
    }

    private static BatchTransform augmentation(NetworkDocument doc, PreparedData data) {
        DataBinding binding = doc.data().orElse(null);
        long[] shape = data.train().exampleShape();
        if (binding == null || shape.length != 3 || !binding.augmentation().any()) {
            return null;
        }
        Augmenter augmenter = new Augmenter(binding.augmentation(), (int) shape[0], (int) shape[1], (int) shape[2]);
        return augmenter::augment;
    }

    /**
     * A warning when training at the document's batch size is estimated to need more memory than
     * ND4J may allocate, naming the batch that fits; empty when it fits or no limit is known.
     */
    public Optional<String> memoryWarning() {
        OptionalLong limit = ComputeBackend.memoryLimit();
        return limit.isEmpty() ? Optional.empty() : cost.memoryWarning(document.name(), document.training().batchSize(), limit.getAsLong());
    }

    public NetworkDocument document() {
        return document;
    }

    public PreparedData data() {
        return data;
    }

    public Trainer trainer() {
        return trainer;
    }

    /** The DL4J network: for the engine and tests; the designer uses the methods above instead. */
    public ComputationGraph graph() {
        return graph;
    }

    /** Scores the model on the held-out test split. */
    public TestReport evaluate() {
        Examples test = data.test();
        return Evaluator.evaluate(graph, test, data.target());
    }

    /** One entry per test example: actual and predicted class with confidence, or actual and predicted quantity. */
    public List<ExamplePrediction> testPredictions() {
        Examples test = data.test();
        int n = test.size();
        float[] outputs = SplitScorer.outputs(graph, test, n);
        int width = test.labelWidth();
        List<ExamplePrediction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int origin = test.origins()[i];
            if (data.target().task() == Task.REGRESSION) {
                out.add(new ExamplePrediction(origin, -1, -1, Double.NaN,
                        test.toUnits(data.target(), i, test.labels()[i]), test.toUnits(data.target(), i, outputs[i])));
            } else {
                int predicted = Examples.classAt(outputs, i, width);
                double confidence = width == 1 ? (predicted == 1 ? outputs[i] : 1 - outputs[i]) : outputs[i * width + predicted];
                out.add(new ExamplePrediction(origin, test.classOf(i), predicted, confidence, Double.NaN, Double.NaN));
            }
        }
        return out;
    }

    /**
     * Decision regions of the current model over two numeric features, or empty when the data does
     * not have exactly two. Call between epochs (from a training listener) or after training.
     */
    public Optional<DecisionBoundary.Grid> decisionBoundary(double xMin, double xMax, double yMin, double yMax, int columns, int rows)
            throws DataException {
        if (!(data.encoding() instanceof TabularEncoding table) || !DecisionBoundary.applies(table)) {
            return Optional.empty();
        }
        return Optional.of(DecisionBoundary.compute(table, xMin, xMax, yMin, yMax, columns, rows, this::outputs));
    }

    /** The model's raw outputs for {@code n} encoded examples (probabilities, or standardised values). */
    public float[] outputs(float[] features, int n) {
        long[] example = data.train().exampleShape();
        long[] shape = new long[example.length + 1];
        shape[0] = n;
        System.arraycopy(example, 0, shape, 1, example.length);
        return graph.outputSingle(false, Nd4j.create(features, shape, 'c')).ravel().toFloatVector();
    }

    /** The trained model with everything needed to use it on raw inputs. */
    public ModelBundle bundle(TestReport report) {
        return new ModelBundle(graph, document, data.encoding(), data.target(), yesNo, report == null ? null : report.toJson());
    }
}
