package dev.deepcanvas.designer.model;

import dev.deepcanvas.designer.command.Command;
import dev.deepcanvas.designer.command.UndoManager;
import dev.deepcanvas.designer.validate.ConnectionValidator;
import dev.deepcanvas.designer.validate.ShapeConnectionValidator;
import dev.deepcanvas.designer.validate.Verdict;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerHelp;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.EpochExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editor's state without any window: the one document, its undo stack, the latest analysis,
 * the selection and the clipboard. Every edit goes through {@link #execute}; after each one the
 * document is analysed again and views redraw from the new {@link #analysisProperty() analysis}.
 */
public final class DesignerModel {

    /** Where a pasted copy lands relative to the original. */
    static final double PASTE_OFFSET = 40;
    /** Horizontal distance of a layer appended after another. */
    static final double APPEND_STEP = 240;

    private final LayerCatalog catalog;
    private final LayerHelp help;
    private final LayerNames names;
    private final ShapeInference inference;
    private final NetworkDocument doc = new NetworkDocument("Untitled");
    private final UndoManager undo = new UndoManager(doc);
    private final Edits edits;
    private final Selection selection = new Selection();
    private ConnectionValidator validator;
    private Fragment clipboard;
    private int pastes;
    private long analysedRevision = -1;
    private final List<Consumer<String>> revealListeners = new ArrayList<>();
    private final List<Runnable> loadListeners = new ArrayList<>();

    private final ReadOnlyObjectWrapper<NetworkAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision", -1);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper documentName = new ReadOnlyStringWrapper(this, "documentName", "Untitled");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canPaste = new ReadOnlyBooleanWrapper(this, "canPaste");
    private final DataPreparer dataPreparer = new DataPreparer();
    private final ObservableList<Diagnostic> dataProblems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Calibration> calibration = new ReadOnlyObjectWrapper<>(this, "calibration");
    private final ReadOnlyObjectWrapper<StartWeights> startWeights = new ReadOnlyObjectWrapper<>(this, "startWeights");
    private final ReadOnlyObjectWrapper<EpochExamples> epochExamples = new ReadOnlyObjectWrapper<>(this, "epochExamples", EpochExamples.nominal());

    public DesignerModel(LayerCatalog catalog, LayerHelp help) {
        this.catalog = catalog;
        this.help = help;
        this.names = new LayerNames(catalog);
        this.inference = new ShapeInference(catalog);
        this.edits = new Edits(doc, names);
        this.validator = new ShapeConnectionValidator(catalog);
        title.bind(Bindings.createStringBinding(
                () -> (file.get() != null ? file.get().getFileName().toString() : documentName.get())
                        + (undo.isDirty() ? "*" : "") + " — DeepCanvas",
                file, documentName, undo.dirtyProperty()));
        refresh();
    }

    public static DesignerModel standard() {
        return new DesignerModel(LayerCatalog.standard(), LayerHelp.standard());
    }

    // ------------------------------------------------------------------ the document

    public NetworkDocument document() {
        return doc;
    }

    public UndoManager undoManager() {
        return undo;
    }

    public LayerCatalog catalog() {
        return catalog;
    }

    public LayerHelp help() {
        return help;
    }

    public LayerNames names() {
        return names;
    }

    public Edits edits() {
        return edits;
    }

    public Selection selection() {
        return selection;
    }

    public void setValidator(ConnectionValidator validator) {
        this.validator = validator;
    }

    public ConnectionValidator validator() {
        return validator;
    }

    /** Runs one edit as one undo step and analyses the result. */
    public void execute(Command command) {
        undo.execute(command);
        refresh();
    }

    public void undo() {
        undo.undo();
        refresh();
    }

    public void redo() {
        undo.redo();
        refresh();
    }

    /**
     * Shows another document: its content replaces the current one, the undo history starts
     * afresh. {@code neverSaved} marks a document that differs from its file (a recovered one).
     */
    public void load(NetworkDocument content, Path from, boolean neverSaved) {
        Documents.copyInto(content, doc);
        undo.clear();
        if (neverSaved) {
            undo.markNeverSaved();
        }
        selection.clear();
        pastes = 0;
        file.set(from);
        refresh();
        epochExamples.set(EpochExamples.nominal()); // the last project's data until this one's is checked
        startWeights.set(null); // a trained model chosen for another project does not carry over
        loadListeners.forEach(Runnable::run);
    }

    /** Called after another document was loaded (New, Open, a template, a recovery). */
    public void onLoaded(Runnable listener) {
        loadListeners.add(listener);
    }

    /** The document now equals the file {@code to}. */
    public void saved(Path to) {
        file.set(to);
        undo.markSaved();
        refresh();
    }

    /** Analyses the document again if it changed since the last analysis. */
    public void refresh() {
        if (doc.revision() != analysedRevision) {
            analysedRevision = doc.revision();
            selection.prune(doc);
            documentName.set(doc.name());
            analysis.set(inference.run(doc));
            dataProblems.clear(); // found for an older revision; the next Train checks again
            revision.set(analysedRevision);
        }
    }

    // ------------------------------------------------------------------ editing helpers

    /** A new layer of a kind with preset parameters, not yet in the document. */
    public LayerNode newLayer(String kindId, Map<String, Object> params, double x, double y) {
        LayerKind kind = catalog.get(kindId);
        LayerNode node = new LayerNode(new IdAllocator(doc).fresh(kind.id()), kind.id(), Map.of(), Math.round(x), Math.round(y));
        for (var p : params.entrySet()) {
            node = node.withParam(p.getKey(), p.getValue());
        }
        return node;
    }

    /** Adds a layer at a canvas position and selects it. */
    public LayerNode addLayer(String kindId, Map<String, Object> params, double x, double y) {
        LayerNode node = newLayer(kindId, params, x, y);
        execute(edits.add(node));
        selection.selectOnly(node.id());
        return node;
    }

    /**
     * Adds a layer to the right of the selected one and wires it in when the wire is allowed; with
     * nothing selected, below the other layers. Selects the new layer, so repeated use builds a chain.
     */
    public LayerNode append(String kindId, Map<String, Object> params) {
        Optional<LayerNode> after = selection.single().flatMap(doc::node);
        if (after.isEmpty()) {
            double y = doc.nodes().stream().mapToDouble(LayerNode::y).max().orElse(-130) + 130;
            return addLayer(kindId, params, 0, y);
        }
        LayerNode from = after.get();
        LayerNode node = newLayer(kindId, params, from.x() + APPEND_STEP, from.y());
        NetworkDocument trial = Documents.copy(doc);
        trial.add(node);
        Verdict verdict = validator.check(trial, Edge.of(from.id(), node.id()));
        execute(verdict.allowed() ? edits.addAfter(node, from.id()) : edits.add(node));
        if (!verdict.allowed()) {
            message.set("Added " + names.label(node) + " unwired: " + verdict.reason());
        }
        selection.selectOnly(node.id());
        return node;
    }

    /** Makes a wire if the validator allows it; returns the verdict either way. */
    public Verdict connect(Edge edge) {
        Verdict verdict = validator.check(doc, edge);
        if (verdict.allowed()) {
            execute(edits.connect(edge));
        } else {
            message.set("Wire refused: " + verdict.reason());
        }
        return verdict;
    }

    /** Deletes the selected layers and wires as one step. */
    public void deleteSelection() {
        if (selection.isEmpty()) {
            return;
        }
        execute(edits.delete(List.copyOf(selection.nodes()), List.copyOf(selection.edges())));
        selection.clear();
    }

    public void selectAll() {
        selection.selectOnly(doc.nodes().stream().map(LayerNode::id).toList());
    }

    public boolean copySelection() {
        if (selection.nodes().isEmpty()) {
            return false;
        }
        clipboard = Fragment.of(doc, selection.nodes());
        pastes = 0;
        canPaste.set(true);
        return true;
    }

    public boolean canPaste() {
        return clipboard != null && !clipboard.isEmpty();
    }

    /** True once something was copied. */
    public ReadOnlyBooleanProperty canPasteProperty() {
        return canPaste.getReadOnlyProperty();
    }

    public void paste() {
        if (!canPaste()) {
            return;
        }
        pastes++;
        pasteFragment(clipboard, PASTE_OFFSET * pastes, "Paste");
    }

    /** Copies the selected layers next to themselves, one step, without touching the clipboard. */
    public void duplicateSelection() {
        if (!selection.nodes().isEmpty()) {
            pasteFragment(Fragment.of(doc, selection.nodes()), PASTE_OFFSET, "Duplicate");
        }
    }

    private void pasteFragment(Fragment fragment, double offset, String verb) {
        int before = doc.nodes().size();
        execute(edits.paste(fragment, offset, offset, verb));
        selection.selectOnly(doc.nodes().subList(before, doc.nodes().size()).stream().map(LayerNode::id).toList());
    }

    /** Moves layers to new positions as one step; does nothing when nothing moved. */
    public void move(Map<String, double[]> positions) {
        boolean moved = positions.entrySet().stream().anyMatch(e -> doc.node(e.getKey())
                .map(n -> Math.round(n.x()) != Math.round(e.getValue()[0]) || Math.round(n.y()) != Math.round(e.getValue()[1]))
                .orElse(false));
        if (moved) {
            execute(edits.move(positions));
        }
    }

    /**
     * Sets one parameter; refuses a value the catalog does not allow and returns why. Setting the
     * value it already has does nothing.
     */
    public Optional<String> setParam(String id, String param, Object value) {
        LayerNode node = doc.node(id).orElseThrow();
        ParamSpec spec = catalog.get(node.kind()).param(param);
        if (!spec.javaType().isInstance(value)) {
            return Optional.of(param + " must be a " + spec.type().name().toLowerCase() + ".");
        }
        Optional<String> problem = spec.problemWith(value);
        if (problem.isPresent()) {
            message.set(problem.get());
            return problem;
        }
        Object current = node.params().getOrDefault(param, spec.defaultValue());
        if (!current.equals(value)) {
            execute(edits.setParam(id, param, value));
        }
        return Optional.empty();
    }

    /** Freezes a layer so that training keeps its weights (transfer learning), or lets it train again. */
    public void setFrozen(String id, boolean on) {
        if (doc.node(id).orElseThrow().frozen() != on) {
            execute(edits.freeze(id, on));
        }
    }

    /** Applies a diagnostic's one-click fix, if it has one. */
    public void applyFix(Diagnostic d) {
        if (d.fix() != null && d.nodeId() != null && doc.indexOf(d.nodeId()) >= 0) {
            execute(edits.fix(d.nodeId(), d.fix()));
        }
    }

    /** Selects a layer and asks the canvas to bring it into view. */
    public void reveal(String nodeId) {
        if (doc.indexOf(nodeId) < 0) {
            return;
        }
        selection.selectOnly(nodeId);
        revealListeners.forEach(l -> l.accept(nodeId));
    }

    public void onReveal(Consumer<String> listener) {
        revealListeners.add(listener);
    }

    /**
     * Problems found when the data met the network (at Train): they stand beside the analysis's
     * diagnostics until the next edit.
     */
    /** Prepares the project's data once for the data panel and the trainer alike. */
    public DataPreparer dataPreparer() {
        return dataPreparer;
    }

    public ObservableList<Diagnostic> dataProblems() {
        return dataProblems;
    }

    /** The trained model the next run starts from, or null for fresh weights. */
    public ReadOnlyObjectProperty<StartWeights> startWeightsProperty() {
        return startWeights.getReadOnlyProperty();
    }

    public void setStartWeights(StartWeights weights) {
        startWeights.set(weights);
    }

    /** This machine's training speed (measured once, after the backend starts); null until known. */
    public ReadOnlyObjectProperty<Calibration> calibrationProperty() {
        return calibration.getReadOnlyProperty();
    }

    public void setCalibration(Calibration measured) {
        calibration.set(measured);
    }

    /** What an epoch of this project goes through: its prepared data's counts once checked, else the nominal 1,000. */
    public ReadOnlyObjectProperty<EpochExamples> epochExamplesProperty() {
        return epochExamples.getReadOnlyProperty();
    }

    public void setEpochExamples(EpochExamples examples) {
        epochExamples.set(examples);
    }

    public void setMessage(String text) {
        message.set(text);
    }

    // ------------------------------------------------------------------ properties

    public NetworkAnalysis analysis() {
        return analysis.get();
    }

    /**
     * The analysis of the current revision. Listen to {@link #revisionProperty()} to redraw: a
     * move changes the document but leaves an equal analysis, which would not notify.
     */
    public ReadOnlyObjectProperty<NetworkAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** The document revision the views should show; changes after every edit, undo, redo or load. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /** "keras-mlp.deepcanvas* — DeepCanvas": the file (or the network's name) and an asterisk if unsaved. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The latest short notice for the status bar (a refused wire, a refused value). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return undo.isDirty();
    }
}
