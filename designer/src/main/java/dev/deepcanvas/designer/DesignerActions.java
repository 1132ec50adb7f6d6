package dev.deepcanvas.designer;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.model.Selection;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.designer.ui.UiAction;
import dev.deepcanvas.runtime.export.Framework;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Separator;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/** Every command of the window as a named action, and the menu bar and toolbar made from them. */
final class DesignerActions {

    private final DesignerWindow window;
    private final Map<String, UiAction> actions = new LinkedHashMap<>();
    private final Menu recent = new Menu("Open Recent");

    DesignerActions(DesignerWindow window) {
        this.window = window;
        DesignerModel model = window.model();
        Selection sel = model.selection();
        BooleanBinding nothingSelected = Bindings.createBooleanBinding(sel::isEmpty, sel.nodes(), sel.edges());
        BooleanBinding noLayerSelected = Bindings.createBooleanBinding(() -> sel.nodes().isEmpty(), sel.nodes());
        var files = window.files();

        add(UiAction.of("new", "New", Icons.NEW, "Shortcut+N", files::newDocument));
        add(UiAction.of("template", "New from Template…", Icons.TEMPLATE, "Shortcut+Shift+N", window::chooseTemplate));
        add(UiAction.of("open", "Open…", Icons.OPEN, "Shortcut+O", files::open));
        add(UiAction.of("save", "Save", Icons.SAVE, "Shortcut+S", files::save));
        add(UiAction.of("save-as", "Save As…", Icons.SAVE_AS, "Shortcut+Shift+S", files::saveAs));
        for (Framework f : Framework.values()) {
            add(UiAction.of("export-" + f.cliName(), "Export as " + f.title() + " Code…", null, null, () -> window.codeExport().export(f)));
        }
        add(UiAction.of("quit", "Quit", null, "Shortcut+Q", window::quit));

        UiAction undo = add(UiAction.of("undo", "Undo", Icons.UNDO, "Shortcut+Z", model::undo)
                .disabledWhen(model.undoManager().canUndoProperty().not()));
        undo.textProperty().bind(Bindings.when(model.undoManager().canUndoProperty())
                .then(Bindings.concat("Undo ", model.undoManager().undoNameProperty())).otherwise("Undo"));
        UiAction redo = add(UiAction.of("redo", "Redo", Icons.REDO, "Shortcut+Y", model::redo)
                .disabledWhen(model.undoManager().canRedoProperty().not()));
        redo.textProperty().bind(Bindings.when(model.undoManager().canRedoProperty())
                .then(Bindings.concat("Redo ", model.undoManager().redoNameProperty())).otherwise("Redo"));
        add(UiAction.of("cut", "Cut", Icons.CUT, "Shortcut+X", () -> {
            if (model.copySelection()) {
                model.deleteSelection();
            }
        }).disabledWhen(noLayerSelected));
        add(UiAction.of("copy", "Copy", Icons.COPY, "Shortcut+C", model::copySelection).disabledWhen(noLayerSelected));
        add(UiAction.of("paste", "Paste", Icons.PASTE, "Shortcut+V", model::paste).disabledWhen(model.canPasteProperty().not()));
        add(UiAction.of("duplicate", "Duplicate", Icons.DUPLICATE, "Shortcut+D", model::duplicateSelection).disabledWhen(noLayerSelected));
        add(UiAction.of("delete", "Delete", Icons.DELETE, "Delete", model::deleteSelection).disabledWhen(nothingSelected));
        add(UiAction.of("select-all", "Select All", null, "Shortcut+A", model::selectAll));

        add(UiAction.of("zoom-in", "Zoom In", Icons.ZOOM_IN, "Plus", unlessTyping(window.canvas()::zoomIn)));
        add(UiAction.of("zoom-out", "Zoom Out", Icons.ZOOM_OUT, "Minus", unlessTyping(window.canvas()::zoomOut)));
        add(UiAction.of("fit", "Fit to View", Icons.FIT, "Shortcut+0", window.canvas()::fitToView));
        add(UiAction.of("layout", "Auto-layout", Icons.LAYOUT, "Shortcut+L", window::autoLayout));
        add(UiAction.toggle("dark", "Dark Theme", Icons.DARK, null, () -> {}));
        add(UiAction.toggle("presentation", "Presentation Mode", Icons.PRESENTATION, "F5", () -> {}));
        window.training().actions().forEach(this::add);
    }

    private UiAction add(UiAction action) {
        actions.put(action.id(), action);
        return action;
    }

    UiAction get(String id) {
        return actions.get(id);
    }

    /** Plain-key shortcuts must not fire while the user types a number into a field. */
    private Runnable unlessTyping(Runnable r) {
        return () -> {
            Scene scene = window.stage().getScene();
            if (scene == null || !(scene.getFocusOwner() instanceof TextInputControl)) {
                r.run();
            }
        };
    }

    MenuBar menuBar() {
        Menu file = new Menu("File", null,
                item("new"), item("template"), item("open"), recent, new SeparatorMenuItem(),
                item("save"), item("save-as"), new SeparatorMenuItem(), exportMenu(), new SeparatorMenuItem(), item("quit"));
        recent.setId("menu-recent");
        recent.setOnShowing(e -> fillRecent());
        fillRecent();
        Menu edit = new Menu("Edit", null,
                item("undo"), item("redo"), new SeparatorMenuItem(),
                item("cut"), item("copy"), item("paste"), item("duplicate"), item("delete"), new SeparatorMenuItem(),
                item("select-all"));
        Menu view = new Menu("View", null,
                item("zoom-in"), item("zoom-out"), item("fit"), new SeparatorMenuItem(),
                item("layout"), new SeparatorMenuItem(),
                item("dark"), item("presentation"));
        file.setId("menu-file");
        edit.setId("menu-edit");
        view.setId("menu-view");
        Menu train = new Menu("Train", null,
                item("train"), item("pause"), item("resume"), item("stop"), new SeparatorMenuItem(),
                item("start-from"), item("start-fresh"), new SeparatorMenuItem(),
                item("save-model"), item("export-charts"), item("export-history"));
        train.setId("menu-train");
        MenuBar bar = new MenuBar(file, edit, view, train);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** File → Export: one item per framework. */
    private Menu exportMenu() {
        Menu export = new Menu("Export");
        export.setId("menu-export");
        for (Framework f : Framework.values()) {
            export.getItems().add(item("export-" + f.cliName()));
        }
        return export;
    }

    /** Other keys for the same commands: Ctrl+Shift+Z, Backspace, =, and the keypad's + and -. */
    void addAlternativeShortcuts(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), get("redo")::fire);
        acc.put(new KeyCodeCombination(KeyCode.BACK_SPACE), unlessTyping(get("delete")::fire));
        acc.put(new KeyCodeCombination(KeyCode.EQUALS), get("zoom-in")::fire);
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHIFT_DOWN), get("zoom-in")::fire);
        acc.put(new KeyCodeCombination(KeyCode.ADD), get("zoom-in")::fire);
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT), get("zoom-out")::fire);
    }

    private MenuItem item(String id) {
        return actions.get(id).menuItem();
    }

    private void fillRecent() {
        List<Path> files = window.files().settings().recentFiles();
        recent.getItems().clear();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> window.files().openRecent(p));
            recent.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear Recent Files");
            clear.setOnAction(e -> {
                window.files().settings().clearRecent();
                fillRecent();
            });
            recent.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    ToolBar toolBar() {
        return new ToolBar(
                button("new"), button("template"), button("open"), button("save"), new Separator(),
                button("undo"), button("redo"), new Separator(),
                button("duplicate"), button("delete"), new Separator(),
                button("zoom-in"), button("zoom-out"), button("fit"), button("layout"), new Separator(),
                button("dark"), button("presentation"), new Separator(),
                button("train"), button("pause"), button("resume"), button("stop"));
    }

    private javafx.scene.Node button(String id) {
        return actions.get(id).button();
    }

    void refreshRecent() {
        fillRecent();
    }
}
