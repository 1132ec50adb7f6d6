package dev.deepcanvas.samples;

import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the sample projects in samples/&lt;name&gt;/&lt;name&gt;.deepcanvas, each bound to the data copied
 * beside it. Run by hand like {@link TemplateGenerator}; {@code SamplesTrainTest} trains them.
 */
public final class SampleGenerator {

    private SampleGenerator() {}

    public static Map<String, NetworkDocument> samples() {
        Map<String, NetworkDocument> s = new LinkedHashMap<>();
        s.put("iris", iris());
        s.put("breast-cancer", breastCancer());
        s.put("diabetes", diabetes());
        s.put("digits", digits());
        s.put("mnist", mnist());
        s.put("spam-filter", spamFilter());
        s.put("spam-transformer", spamTransformer());
        s.put("names", names());
        s.put("air-quality", airQuality());
        s.put("air-passengers", airPassengers());
        s.put("stock-prices", stockPrices());
        return s;
    }

    /** Fisher's iris: 4 measurements, 3 species. */
    static NetworkDocument iris() {
        var b = new DocumentBuilder("Iris species (MLP)");
        b.add("VectorInput", "features", 4);
        b.then("Dense", "units", 16, "activation", "relu");
        b.then("Dense", "units", 16, "activation", "relu");
        b.then("Output", "units", 3, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        // 30 test rows rather than 21: one mistake then costs 3 points, not 5.
        doc.setData(DataBinding.csv("data/iris.csv").withSplit(0.6, 0.2, 0.2));
        doc.setTraining(setup(Optimizer.ADAM, 0.01, 16, 100));
        return doc;
    }

    /** A yes/no decision: is a tumour malignant? 30 measurements, one sigmoid unit. */
    static NetworkDocument breastCancer() {
        var b = new DocumentBuilder("Breast cancer diagnosis (yes/no)");
        b.add("VectorInput", "features", 30);
        b.then("Dense", "units", 16, "activation", "relu");
        b.then("Dropout", "rate", 0.2);
        b.then("Output", "units", 1, "activation", "sigmoid", "loss", "binary_cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.csv("data/breast_cancer_named.csv"));
        doc.setTraining(setup(Optimizer.ADAM, 0.005, 32, 60));
        return doc;
    }

    /** Predict a quantity: disease progression after one year from 10 baseline values. */
    static NetworkDocument diabetes() {
        var b = new DocumentBuilder("Diabetes progression (regression)");
        b.add("VectorInput", "features", 10);
        b.then("Dense", "units", 16, "activation", "relu");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.csv("data/diabetes.csv"));
        doc.setTraining(setup(Optimizer.ADAM, 0.005, 32, 100).toBuilder().earlyStopping(15, true).build());
        return doc;
    }

    /** Inspect images: a small CNN tells handwritten digits (8×8 pixels) apart. */
    static NetworkDocument digits() {
        var b = new DocumentBuilder("Digits (CNN on image folders)");
        b.add("ImageInput", "height", 8, "width", 8, "channels", 1);
        b.then("Conv2D", "filters", 16, "kernel", 3, "padding", "same", "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2);
        b.then("Conv2D", "filters", 32, "kernel", 3, "padding", "same", "activation", "relu");
        b.then("Flatten");
        b.then("Dense", "units", 64, "activation", "relu");
        b.then("Dropout", "rate", 0.3);
        b.then("Output", "units", 10, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.images("data/images"));
        doc.setTraining(setup(Optimizer.ADAM, 0.002, 32, 30));
        return doc;
    }

    /** A CNN on a 10,000-image MNIST subset (28×28 grey). */
    static NetworkDocument mnist() {
        var b = new DocumentBuilder("MNIST subset (CNN)");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Conv2D", "filters", 16, "kernel", 3, "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2);
        b.then("Conv2D", "filters", 32, "kernel", 3, "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2);
        b.then("Flatten");
        b.then("Dense", "units", 64, "activation", "relu");
        b.then("Output", "units", 10, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.images("data/images"));
        doc.setTraining(setup(Optimizer.ADAM, 0.002, 64, 4));
        return doc;
    }

    /** Is this e-mail spam? Words of the subject and body → Embedding → LSTM → the longest-lasting signals (max pooling). */
    static NetworkDocument spamFilter() {
        var b = new DocumentBuilder("Spam filter (Embedding → LSTM)");
        b.add("TokenInput", "timeSteps", 120);
        b.then("Embedding", "vocabulary", 8000, "dimension", 32);
        b.then("LSTM", "units", 32);
        b.then("GlobalPooling", "type", "max");
        b.then("Output", "units", 2, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.of("data/emails.csv", DataBinding.Format.TEXT).withLabel("label")
                .withText(new DataBinding.Text(List.of("subject", "body"), DataBinding.Text.Tokens.WORDS, 8000, 2, 120)));
        doc.setTraining(setup(Optimizer.ADAM, 0.005, 32, 3));
        return doc;
    }

    /**
     * The same e-mails through the course's Transformer: token and position embeddings, one encoder
     * block, the average over the words. It reads the spam-filter sample's copy of the data.
     */
    static NetworkDocument spamTransformer() {
        var b = new DocumentBuilder("Spam filter (Transformer encoder)");
        b.add("TokenInput", "timeSteps", 120);
        b.then("Embedding", "vocabulary", 8000, "dimension", 32);
        String positions = b.then("PositionEmbedding");
        TemplateGenerator.encoderBlock(b, positions, 2, 16, 32, 64, 0.1, 1e-3);
        b.then("GlobalPooling", "type", "avg");
        b.then("Output", "units", 2, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.of("../spam-filter/data/emails.csv", DataBinding.Format.TEXT).withLabel("label")
                .withText(new DataBinding.Text(List.of("subject", "body"), DataBinding.Text.Tokens.WORDS, 8000, 2, 120)));
        doc.setTraining(setup(Optimizer.ADAM, 0.002, 32, 3));
        return doc;
    }

    /** Female or male? A character-level LSTM reads a first name letter by letter. */
    static NetworkDocument names() {
        var b = new DocumentBuilder("First names (character LSTM)");
        b.add("TokenInput", "timeSteps", 15);
        b.then("Embedding", "vocabulary", 40, "dimension", 16);
        b.then("LSTM", "units", 64);
        b.then("LastTimeStep");
        b.then("Output", "units", 2, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.of("data/names.csv", DataBinding.Format.TEXT).withLabel("sex")
                .withText(new DataBinding.Text(List.of("name"), DataBinding.Text.Tokens.CHARACTERS, 40, 1, 15)));
        doc.setTraining(setup(Optimizer.ADAM, 0.005, 64, 12));
        return doc;
    }

    /** Tomorrow's ozone from the last 7 days of ozone, sunshine, wind and temperature (gaps interpolated). */
    static NetworkDocument airQuality() {
        var b = new DocumentBuilder("Air quality: tomorrow's ozone (LSTM forecast)");
        b.add("SequenceInput", "features", 4, "timeSteps", 7);
        b.then("LSTM", "units", 4);
        b.then("LastTimeStep");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        // 153 days only: half for training, so that the test stretch (46 days, 39 windows) is not a handful of September days
        doc.setData(DataBinding.of("data/airquality.csv", DataBinding.Format.TIMESERIES).withLabel("Ozone")
                .withColumns(List.of("Month", "Day"), List.of()).withSeries(new DataBinding.Series(7, 1, false)).withSplit(0.5, 0.2, 0.3));
        doc.setTraining(setup(Optimizer.ADAM, 0.005, 16, 30));
        return doc;
    }

    /** Next month's airline passengers from the last 12 months, forecast as the change (the series trends upwards). */
    static NetworkDocument airPassengers() {
        var b = new DocumentBuilder("Air passengers: next month (LSTM forecast)");
        b.add("SequenceInput", "features", 2, "timeSteps", 12);
        b.then("LSTM", "units", 32);
        b.then("LastTimeStep");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.of("data/air_passengers.csv", DataBinding.Format.TIMESERIES).withLabel("passengers")
                .withColumns(List.of("year"), List.of()).withSeries(new DataBinding.Series(12, 1, true)).withSplit(0.7, 0.1, 0.2));
        doc.setTraining(setup(Optimizer.ADAM, 0.01, 16, 150));
        return doc;
    }

    /** Tomorrow's DAX from the last 30 days of four indices: close to a random walk, so the naive forecast is hard to beat. */
    static NetworkDocument stockPrices() {
        var b = new DocumentBuilder("Stock prices: tomorrow's DAX (LSTM forecast)");
        b.add("SequenceInput", "features", 4, "timeSteps", 30);
        b.then("LSTM", "units", 32);
        b.then("LastTimeStep");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.of("data/eu_stock_markets.csv", DataBinding.Format.TIMESERIES).withLabel("DAX")
                .withColumns(List.of("day"), List.of()).withSeries(new DataBinding.Series(30, 1, true)));
        doc.setTraining(setup(Optimizer.ADAM, 0.002, 32, 20));
        return doc;
    }

    private static TrainingSetup setup(Optimizer optimizer, double lr, int batch, int epochs) {
        return TrainingSetup.defaults().toBuilder().optimizer(optimizer, lr).batchSize(batch).epochs(epochs).seed(42).build();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        var files = new DocumentFiles();
        for (var e : samples().entrySet()) {
            Path file = dir.resolve(e.getKey()).resolve(e.getKey() + DocumentFiles.EXTENSION);
            files.save(e.getValue(), file);
            System.out.println("wrote " + file);
        }
    }
}
