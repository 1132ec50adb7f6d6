package dev.deepcanvas.designer.data;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.files.FileDialogs;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.model.Documents;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.table.CsvPreview;
import dev.deepcanvas.runtime.data.toy.ToyDataset;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.summary.EpochExamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data tab: choose a CSV file or an image folder (or drop one on the window, or generate a 2-D
 * toy set), see it, and say how to read it. For a CSV: the first rows, each column's type, missing
 * values and role (feature, categorical feature, label, ignored); for images: a few thumbnails per
 * class with counts. Split sliders, and after each change the data is prepared in the background:
 * the class balance per split, warnings, and mismatches with the network in the problems panel
 * (with one-click fixes such as "set Output units").
 */
public final class DataPanel extends ScrollPane {

    private static final Logger LOG = LoggerFactory.getLogger(DataPanel.class);

    /** Rows shown in the preview table. */
    static final int PREVIEW_ROWS = 50;
    /** Thumbnails shown per class. */
    static final int THUMBNAILS = 8;
    /** Points of a generated toy set. */
    static final int TOY_POINTS = 600;

    private final DesignerModel model;
    private final Background background;
    private final Supplier<FileDialogs> dialogs;
    private final Path home;
    private final Label source = new Label("No data yet: choose a CSV file or a folder of images (one sub-folder per class), or drop one here.");
    private final VBox content = new VBox(10);
    private final VBox details = new VBox(10);
    private final Slider trainSlider = new Slider(0.3, 0.9, 0.7);
    private final Slider validationSlider = new Slider(0.0, 0.4, 0.15);
    private final Label splitText = new Label();
    private final VBox report = new VBox(6);
    private final ReadOnlyStringWrapper checkState = new ReadOnlyStringWrapper(this, "checkState", "");
    private String shownPath;
    private String checkedKey;
    private List<Diagnostic> lastProblems = List.of();
    private boolean updatingSliders;
    private final PreparationView preparation = new PreparationView(this::edit);
    /** How a CSV is read: one example per row, a text column, or rows in time order. */
    private final ChoiceBox<DataBinding.Format> readAs = new ChoiceBox<>(FXCollections.observableArrayList(
            DataBinding.Format.CSV, DataBinding.Format.TEXT, DataBinding.Format.TIMESERIES));

    public DataPanel(DesignerModel model, Background background, Supplier<FileDialogs> dialogs, Path home) {
        this.model = model;
        this.background = background;
        this.dialogs = dialogs;
        this.home = home;
        setId("data-panel");
        getStyleClass().add("data-panel");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        Button csv = new Button("Choose CSV…", Icons.icon(Icons.OPEN));
        csv.setId("data-choose-csv");
        csv.setOnAction(e -> dialogs.get().chooseOpen(folder(), "Choose a CSV file", "CSV files", "*.csv", "*.txt", "*.tsv")
                .ifPresent(this::use));
        Button images = new Button("Choose Image Folder…", Icons.icon(Icons.OPEN));
        images.setId("data-choose-images");
        images.setOnAction(e -> dialogs.get().chooseFolder(folder(), "Choose a folder with one sub-folder per class").ifPresent(this::use));
        MenuButton generate = new MenuButton("Generate 2-D Set");
        generate.setId("data-generate");
        for (ToyDataset toy : ToyDataset.values()) {
            MenuItem item = new MenuItem(title(toy));
            item.setId("data-generate-" + toy.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> generate(toy));
            generate.getItems().add(item);
        }
        source.setId("data-source");
        source.setWrapText(true);
        source.getStyleClass().add("panel-heading");
        trainSlider.setId("data-train-split");
        validationSlider.setId("data-validation-split");
        for (Slider s : List.of(trainSlider, validationSlider)) {
            s.setBlockIncrement(0.05);
            s.setMajorTickUnit(0.1);
            s.setShowTickMarks(true);
            s.valueChangingProperty().addListener((o, was, is) -> {
                if (!is) {
                    applySplit();
                }
            });
            s.setOnMouseReleased(e -> applySplit());
            s.setOnKeyReleased(e -> applySplit());
            s.valueProperty().addListener((o, a, b) -> showSplitText());
        }
        report.setId("data-report");
        readAs.setId("data-read-as");
        readAs.setConverter(new StringConverter<>() {
            @Override
            public String toString(DataBinding.Format f) {
                return f == null ? "" : switch (f) {
                    case TEXT -> "Text (a text column and a label)";
                    case TIMESERIES -> "Time series (rows in time order)";
                    default -> "Table (one example per row)";
                };
            }

            @Override
            public DataBinding.Format fromString(String s) {
                return null;
            }
        });
        readAs.setOnAction(e -> {
            DataBinding.Format f = readAs.getValue();
            if (f != null) {
                edit(b -> b.format() == f ? b : b.withFormat(f), "Read data as " + readAs.getConverter().toString(f));
            }
        });
        content.getChildren().addAll(new HBox(8, csv, images, generate), source, details);
        setContent(content);
        model.revisionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private static String title(ToyDataset toy) {
        String n = toy.name().toLowerCase(Locale.ROOT);
        return toy == ToyDataset.XOR ? "XOR" : Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private Path projectFile() {
        return model.file() != null ? model.file() : home.resolve("untitled" + DocumentFiles.EXTENSION);
    }

    private Path folder() {
        return model.file() != null ? model.file().toAbsolutePath().getParent() : null;
    }

    // ------------------------------------------------------------------ binding

    /** Binds a CSV file or an image folder (as chosen, or dropped onto the window). One undo step. */
    public void use(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        boolean folder = Files.isDirectory(abs);
        String stored = storedPath(abs);
        DataBinding binding = folder ? DataBinding.of(stored, holdsSequences(abs) ? DataBinding.Format.SEQUENCES : DataBinding.Format.IMAGES)
                : DataBinding.csv(stored);
        model.execute(model.edits().data(binding, "Bind " + abs.getFileName()));
    }

    /** A folder whose class sub-folders hold CSV files (sequences) rather than images. */
    private static boolean holdsSequences(Path folder) {
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            return walk.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot look into {}", folder, e);
            return false;
        }
    }

    /** Relative to the project's folder when it has one (the file format's rule); absolute before the first save. */
    private String storedPath(Path abs) {
        if (model.file() == null) {
            return abs.toString();
        }
        Path dir = model.file().toAbsolutePath().getParent();
        try {
            return dir.relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }

    /** Writes a toy set (moons, circles, spirals, XOR) beside the project, or in the app's folder, and binds it. */
    public void generate(ToyDataset toy) {
        Path dir = model.file() != null ? model.file().toAbsolutePath().getParent().resolve("data") : home.resolve("datasets");
        Path csv = dir.resolve(toy.fileName());
        background.run("generate", () -> {
            Files.createDirectories(dir);
            toy.write(csv, TOY_POINTS, 0.15, 42);
            return csv;
        }, this::use, e -> model.setMessage("The data set could not be written to " + dir + ": " + e.getMessage()));
    }

    private void applySplit() {
        if (updatingSliders) {
            return;
        }
        DataBinding b = model.document().data().orElse(null);
        if (b == null) {
            return;
        }
        double train = round(trainSlider.getValue());
        double validation = round(Math.min(validationSlider.getValue(), 0.95 - train));
        double test = round(Math.max(0, 1 - train - validation));
        if (train != b.trainFraction() || validation != b.validationFraction() || test != b.testFraction()) {
            model.execute(model.edits().data(b.withSplit(train, validation, test),
                    String.format(Locale.ROOT, "Set split %.0f/%.0f/%.0f", train * 100, validation * 100, test * 100)));
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void showSplitText() {
        double train = trainSlider.getValue();
        double validation = Math.min(validationSlider.getValue(), 0.95 - train);
        splitText.setText(String.format("Training %.0f %% · validation %.0f %% · test %.0f %%", train * 100, validation * 100,
                Math.max(0, 1 - train - validation) * 100));
    }

    // ------------------------------------------------------------------ showing

    private void refresh() {
        DataBinding b = model.document().data().orElse(null);
        if (b == null) {
            shownPath = null;
            source.setText("No data yet: choose a CSV file or a folder of images (one sub-folder per class), or drop one here.");
            details.getChildren().clear();
            return;
        }
        Path path = DocumentFiles.resolveData(b, projectFile());
        source.setText(switch (b.format()) {
            case CSV -> "CSV: ";
            case TEXT -> "Text in a CSV: ";
            case TIMESERIES -> "Time series in a CSV: ";
            case IMAGES -> "Images: ";
            case SEQUENCES -> "Sequences (one CSV per sequence): ";
        } + path);
        readAs.setValue(b.format());
        updatingSliders = true;
        trainSlider.setValue(b.trainFraction());
        validationSlider.setValue(b.validationFraction());
        updatingSliders = false;
        showSplitText();
        preparation.show(b);
        String key = b.format() + ":" + path;
        if (!key.equals(shownPath)) {
            shownPath = key;
            details.getChildren().setAll(new Label("Reading " + path.getFileName() + "…"));
            if (!b.isFolder()) {
                background.run("csv-preview", () -> CsvPreview.read(path, PREVIEW_ROWS), p -> showCsv(p, path),
                        e -> details.getChildren().setAll(problem("The file could not be read: " + e.getMessage())));
            } else if (b.format() == DataBinding.Format.SEQUENCES) {
                details.getChildren().setAll(new Label("One sub-folder per class, one CSV file per sequence (a row per time step)."),
                        heading("Split"), splitRow(), heading("Check"), report);
            } else {
                background.run("image-classes", () -> ImageClasses.scan(path, THUMBNAILS), c -> showImages(c),
                        e -> details.getChildren().setAll(problem("The folder could not be read: " + e.getMessage())));
            }
        } else if (!b.isFolder() && csvView != null) {
            csvView.roles(b);
        }
        check();
    }

    private CsvColumnsView csvView;

    private void showCsv(CsvPreview preview, Path path) {
        TableView<List<String>> table = new TableView<>();
        table.setId("data-preview");
        for (int c = 0; c < preview.columns().size(); c++) {
            int col = c;
            TableColumn<List<String>, String> tc = new TableColumn<>(preview.columns().get(c));
            tc.setCellValueFactory(v -> new javafx.beans.property.SimpleStringProperty(col < v.getValue().size() ? v.getValue().get(col) : ""));
            tc.setSortable(false);
            table.getColumns().add(tc);
        }
        table.getItems().setAll(preview.rows());
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        csvView = new CsvColumnsView(preview, model.document().data().orElseThrow().format() == DataBinding.Format.TEXT, this::applyRoles);
        csvView.roles(model.document().data().orElseThrow());
        Label rows = new Label(String.format("%,d rows, %d columns, separated by '%s'", preview.rowCount(), preview.columns().size(),
                preview.format().delimiter() == '\t' ? "tab" : String.valueOf(preview.format().delimiter())));
        HBox read = new HBox(8, new Label("Read as"), readAs);
        read.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        details.getChildren().setAll(rows, read, table, heading("Columns"), csvView, heading("Preparation"), preparation,
                heading("Split"), splitRow(), heading("Check"), report);
    }

    private VBox splitRow() {
        HBox.setHgrow(trainSlider, Priority.ALWAYS);
        HBox.setHgrow(validationSlider, Priority.ALWAYS);
        Label train = new Label("Training");
        Label validation = new Label("Validation");
        train.setMinWidth(Region.USE_PREF_SIZE);
        validation.setMinWidth(Region.USE_PREF_SIZE);
        HBox sliders = new HBox(8, train, trainSlider, validation, validationSlider);
        sliders.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, sliders, splitText);
    }

    /** One undoable change of the data binding (nothing when it changes nothing). */
    private void edit(java.util.function.UnaryOperator<DataBinding> change, String name) {
        DataBinding b = model.document().data().orElse(null);
        if (b == null) {
            return;
        }
        DataBinding next = change.apply(b);
        if (!next.equals(b)) {
            model.execute(model.edits().data(next, name));
        }
    }

    private void applyRoles(String label, List<String> ignored, List<String> categorical, List<String> text) {
        edit(b -> {
            DataBinding roles = b.withLabel(label).withColumns(ignored, categorical);
            if (b.format() != DataBinding.Format.TEXT) {
                return roles;
            }
            DataBinding.Text t = b.text();
            return roles.withText(new DataBinding.Text(text, t.tokens(), t.vocabulary(), t.minCount(), t.maxLength()));
        }, "Set column roles");
    }

    private void showImages(ImageClasses classes) {
        VBox perClass = new VBox(8);
        for (ImageClasses.Folder f : classes.folders()) {
            FlowPane thumbs = new FlowPane(4, 4);
            for (Path p : f.samples()) {
                ImageView v = new ImageView(new Image(p.toUri().toString(), 48, 48, true, true, true));
                thumbs.getChildren().add(v);
            }
            Label name = new Label(f.name() + String.format("  (%,d images)", f.count()));
            name.getStyleClass().add("data-class-name");
            perClass.getChildren().addAll(name, thumbs);
        }
        details.getChildren().setAll(new Label(String.format("%d classes, %,d images", classes.folders().size(), classes.total())), perClass,
                heading("Preparation"), preparation, heading("Split"), splitRow(), heading("Check"), report);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-heading");
        return l;
    }

    private static Label problem(String text) {
        Label l = new Label(text, Icons.icon(Icons.WARNING));
        l.setWrapText(true);
        l.getStyleClass().add("data-warning");
        return l;
    }

    // ------------------------------------------------------------------ check

    /** Prepares the data as training would (in the background) and reports what it found. */
    private void check() {
        long revision = model.revisionProperty().get();
        NetworkDocument doc = Documents.copy(model.document());
        Path project = projectFile();
        String key = DataPreparer.key(doc, project);
        if (key.equals(checkedKey)) {
            // the data and the network's ends are as checked: the edit (a move, a hidden layer) changes nothing here
            if (!lastProblems.isEmpty()) {
                model.dataProblems().setAll(lastProblems);
            }
            return;
        }
        checkedKey = key;
        checkState.set("checking");
        report.getChildren().setAll(new Label("Checking the data against the network…"));
        background.run("data-check", () -> model.dataPreparer().prepare(doc, project), result -> {
            if (model.revisionProperty().get() != revision) {
                return; // the document changed meanwhile; a newer check follows
            }
            showReport(result);
            checkState.set("done");
        }, e -> {
            report.getChildren().setAll(problem("The data could not be checked: " + e.getMessage()));
            checkState.set("done");
        });
    }

    private void showReport(DataPreparer.Result checked) {
        report.getChildren().clear();
        lastProblems = List.copyOf(checked.problems());
        model.dataProblems().setAll(lastProblems);
        if (!checked.problems().isEmpty()) {
            report.getChildren().add(problem(checked.problems().size() + (checked.problems().size() == 1 ? " problem" : " problems")
                    + " between the data and the network: see the Problems panel (some have a Fix button)."));
        }
        PreparedData data = checked.data();
        model.setEpochExamples(data == null ? EpochExamples.nominal() : EpochExamples.of(data));
        if (data == null) {
            return;
        }
        for (String w : data.report().warnings()) {
            report.getChildren().add(problem(Character.toUpperCase(w.charAt(0)) + w.substring(1) + "."));
        }
        report.getChildren().add(new Label(String.format("%,d examples: %,d training, %,d validation, %,d test%s.", data.report().rowsRead(),
                data.train().size(), data.validation().size(), data.test().size(),
                data.report().rowsDropped() > 0 ? String.format(" (%,d rows with gaps left out)", data.report().rowsDropped()) : "")));
        if (data.report().series() != null) {
            report.getChildren().add(new SeriesStretchesView(data.report().series()));
        }
        if (data.report().text() != null) {
            report.getChildren().add(new TextStatsView(data.report().text()));
        }
        Map<String, Map<String, Integer>> counts = data.report().classCounts();
        if (!counts.isEmpty()) {
            report.getChildren().add(balanceChart(counts, data.target().classNames()));
        }
    }

    private static BarChart<String, Number> balanceChart(Map<String, Map<String, Integer>> counts, List<String> classes) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("examples");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("data-balance");
        chart.setTitle("Class balance");
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        for (String split : List.of("train", "validation", "test")) {
            Map<String, Integer> perClass = counts.get(split);
            if (perClass == null) {
                continue;
            }
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(split);
            for (String c : classes.isEmpty() ? new ArrayList<>(perClass.keySet()) : classes) {
                s.getData().add(new XYChart.Data<>(c, perClass.getOrDefault(c, 0)));
            }
            chart.getData().add(s);
        }
        return chart;
    }

    /** "checking" while the data is being prepared, "done" after (for tests). */
    public javafx.beans.property.ReadOnlyStringProperty checkStateProperty() {
        return checkState.getReadOnlyProperty();
    }

}
