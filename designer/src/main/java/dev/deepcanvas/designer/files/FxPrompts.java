package dev.deepcanvas.designer.files;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Dialogs owned by the designer window. */
public final class FxPrompts implements Prompts {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
    public static final ButtonType RECOVER = new ButtonType("Recover", ButtonBar.ButtonData.YES);
    public static final ButtonType THROW_AWAY = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    public static final ButtonType REPLACE = new ButtonType("Replace", ButtonBar.ButtonData.YES);

    private final Window owner;

    public FxPrompts(Window owner) {
        this.owner = owner;
    }

    private Alert alert(Alert.AlertType type, String header, String text, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.initOwner(owner);
        a.setTitle("DeepCanvas");
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(520);
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return a;
    }

    @Override
    public SaveChoice askSave(String documentName, String beforeWhat) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Save changes to " + documentName + "?",
                "Your changes will be lost " + beforeWhat + " if you don't save them.", SAVE, DISCARD, ButtonType.CANCEL);
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
            return SaveChoice.CANCEL;
        }
        return r.get() == SAVE ? SaveChoice.SAVE : SaveChoice.DISCARD;
    }

    @Override
    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public boolean askRecover(String description) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Recover unsaved work?",
                "DeepCanvas did not close normally last time. " + description, RECOVER, THROW_AWAY);
        return a.showAndWait().filter(b -> b == RECOVER).isPresent();
    }

    @Override
    public boolean confirm(String question, String detail) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, question, detail, REPLACE, ButtonType.CANCEL);
        return a.showAndWait().filter(b -> b == REPLACE).isPresent();
    }
}
