package dev.deepcanvas.designer.tryit;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.training.RunResult;
import dev.deepcanvas.designer.ui.SeriesChart;
import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.bundle.Prediction;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.images.ImageEncoding;
import dev.deepcanvas.runtime.data.table.CsvPreview;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.data.text.TextEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries the trained model on new input: one field per feature column (filled with the first row of
 * the data to start from), a typed text, or an image chosen or dropped here. The answer is a bar per
 * class with its probability (or the predicted quantity). A forecast model instead runs over the
 * end of its series: the recent values, the model's forecast for each of them, and the next values
 * after the last row. The inputs go through the fitted normalisation, and the network runs in the
 * background.
 */
public final class TryItView extends VBox {

    private final Background background;
    private final Supplier<Optional<Path>> chooseImage;
    private final Label heading = new Label("Train a model, then try it here on new input.");
    private final GridPane form = new GridPane();
    private final Button predict = new Button("Predict");
    private final Label answer = new Label();
    private final VBox bars = new VBox(6);
    private final ImageView preview = new ImageView();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final TextArea text = new TextArea();
    private ModelBundle bundle;
    private Path image;
    /** A forecast model's series file. */
    private Path dataPath;
    private SeriesChart forecastChart;
    private Prediction last;

    private static final Logger LOG = LoggerFactory.getLogger(TryItView.class);

    public TryItView(Background background, Supplier<Optional<Path>> chooseImage) {
        this.background = background;
        this.chooseImage = chooseImage;
        getStyleClass().add("try-it");
        setId("try-it");
        setPadding(new Insets(12));
        setSpacing(10);
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.setHgap(8);
        form.setVgap(6);
        predict.setId("try-it-predict");
        predict.setDefaultButton(false);
        predict.setOnAction(e -> predict());
        predict.setDisable(true);
        answer.setId("try-it-answer");
        answer.getStyleClass().add("panel-heading");
        bars.setId("try-it-bars");
        preview.setFitWidth(96);
        preview.setFitHeight(96);
        preview.setPreserveRatio(true);
        setOnDragOver(e -> {
            if (bundle != null && bundle.encoding() instanceof ImageEncoding && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                useImage(e.getDragboard().getFiles().get(0).toPath());
                e.setDropCompleted(true);
                e.consume();
            }
        });
        getChildren().addAll(heading, form, predict, answer, bars);
    }

    /** A new trained model to try. */
    public void show(RunResult result) {
        bundle = result.bundle();
        fields.clear();
        form.getChildren().clear();
        bars.getChildren().clear();
        answer.setText("");
        image = null;
        last = null;
        predict.setDisable(false);
        predict.setText("Predict");
        getChildren().remove(forecastChart);
        forecastChart = null;
        if (bundle.encoding() instanceof TabularEncoding table) {
            heading.setText("Type values for each feature and press Predict (" + result.label() + ").");
            List<String> columns = table.featureColumns();
            for (int i = 0; i < columns.size(); i++) {
                TextField f = new TextField();
                f.setId("try-it-" + columns.get(i));
                f.setPrefColumnCount(10);
                f.setOnAction(e -> predict());
                fields.put(columns.get(i), f);
                form.add(new Label(columns.get(i)), 0, i);
                form.add(f, 1, i);
            }
            Path csv = result.dataPath();
            background.run("try-it-example", () -> CsvPreview.read(csv, 1), this::fillFrom,
                    e -> LOG.warn("cannot read the first row of {} to fill the fields", csv, e));
        } else if (bundle.encoding() instanceof TextEncoding) {
            heading.setText("Type a text and press Predict (" + result.label() + ").");
            text.setId("try-it-text");
            text.setPromptText("e.g. win a free prize now");
            text.setPrefRowCount(4);
            text.setWrapText(true);
            form.add(text, 0, 0);
        } else if (bundle.encoding() instanceof SeriesEncoding series && series.targetIsInput()) {
            heading.setText("The series' last rows, the model's forecast for each, and the next " + (series.horizon() == 1 ? "value" : "values")
                    + " after its last row. Edit the CSV and press Forecast again (" + result.label() + ").");
            predict.setText("Forecast");
            dataPath = result.dataPath();
            predict();
        } else if (!(bundle.encoding() instanceof ImageEncoding)) {
            heading.setText("Try It takes table rows, texts and images; use 'deepcanvas predict' for this model's data ("
                    + result.label() + ").");
            predict.setDisable(true);
        } else {
            heading.setText("Choose an image (or drop one here) and press Predict (" + result.label() + ").");
            Button choose = new Button("Choose Image…");
            choose.setOnAction(e -> chooseImage.get().ifPresent(this::useImage));
            form.add(choose, 0, 0);
            form.add(preview, 1, 0);
            predict.setDisable(true);
        }
    }

    private void fillFrom(CsvPreview preview) {
        if (preview.rows().isEmpty()) {
            return;
        }
        List<String> first = preview.rows().get(0);
        fields.forEach((name, field) -> {
            int i = preview.columns().indexOf(name);
            if (i >= 0 && i < first.size() && field.getText().isEmpty()) {
                field.setText(first.get(i));
            }
        });
    }

    private void useImage(Path file) {
        image = file;
        preview.setImage(new Image(file.toUri().toString(), 96, 96, true, true, true));
        predict.setDisable(false);
        predict();
    }

    /** Encodes the input (on this thread: plain Java) and runs the network in the background. */
    public void predict() {
        if (bundle == null) {
            return;
        }
        ModelBundle b = bundle;
        if (b.encoding() instanceof SeriesEncoding series && dataPath != null) {
            Path csv = dataPath;
            answer.setText("Forecasting…");
            background.run("forecast", () -> Forecast.of(b, series, csv), f -> {
                if (bundle == b) {
                    showForecast(f);
                }
            }, error -> {
                LOG.warn("forecast over {} failed", csv, error);
                answer.setText(error instanceof DataException || error instanceof IOException
                        ? "The series could not be read: " + error.getMessage()
                        : "The model could not forecast this series; the details are in the log.");
            });
            return;
        }
        if (b.encoding() instanceof TextEncoding encoding) {
            TextEncoding.Encoded e = encoding.encode(text.getText());
            answer.setText("Predicting…");
            background.run("predict", () -> b.predict(e.ids(), e.mask(), null, 1).get(0), this::showPrediction,
                    error -> answer.setText("The model could not predict: " + error.getMessage()));
            return;
        }
        float[] features;
        try {
            if (b.encoding() instanceof TabularEncoding table) {
                Map<String, String> row = new LinkedHashMap<>();
                fields.forEach((name, field) -> row.put(name, field.getText()));
                features = table.encode(row);
            } else if (b.encoding() instanceof ImageEncoding images && image != null) {
                features = images.encode(image);
            } else {
                return;
            }
        } catch (DataException e) {
            answer.setText(e.getMessage());
            bars.getChildren().clear();
            return;
        } catch (IOException e) {
            answer.setText("The image could not be read: " + e.getMessage());
            bars.getChildren().clear();
            return;
        }
        answer.setText("Predicting…");
        background.run("predict", () -> b.predict(features), this::showPrediction,
                e -> answer.setText("The model could not predict: " + e.getMessage()));
    }

    private void showPrediction(Prediction p) {
        last = p;
        bars.getChildren().clear();
        if (!p.isClassification()) {
            answer.setText(String.format("Predicted: %.4g", p.value()));
            return;
        }
        answer.setText(String.format("Predicted: %s (%.0f %%)", p.label(), p.confidence() * 100));
        for (int c = 0; c < p.classes().size(); c++) {
            ProgressBar bar = new ProgressBar(p.probabilities()[c]);
            bar.setPrefWidth(260);
            bar.getStyleClass().add("probability-bar");
            Label l = new Label(String.format("%s  %.1f %%", p.classes().get(c), p.probabilities()[c] * 100), bar);
            l.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
            bars.getChildren().add(l);
        }
    }

    private void showForecast(Forecast f) {
        bars.getChildren().clear();
        last = f.next();
        getChildren().remove(forecastChart);
        forecastChart = f.chart();
        getChildren().add(forecastChart);
        answer.setText(f.summary());
    }

    /** The latest prediction shown, or null. */
    public Prediction lastPrediction() {
        return last;
    }
}
