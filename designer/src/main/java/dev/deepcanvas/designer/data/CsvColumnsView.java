package dev.deepcanvas.designer.data;

import dev.deepcanvas.runtime.data.table.ColumnType;
import dev.deepcanvas.runtime.data.table.CsvPreview;
import dev.deepcanvas.runtime.data.table.TextLoader;
import dev.deepcanvas.runtime.document.DataBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * One row per CSV column: its name, the type read from every value, how many values are missing,
 * and its role, which the user can change: a feature (numbers), a categorical feature (one-hot
 * encoded), the label to predict, or ignored; for a CSV read as text, the text columns (joined),
 * the label, or ignored.
 */
final class CsvColumnsView extends GridPane {

    enum Role {
        FEATURE("feature"), CATEGORICAL("categorical feature"), TEXT("text"), LABEL("label"), IGNORED("ignored");

        private final String text;

        Role(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** What the binding becomes: the label column, the ignored and categorical ones, and the text columns (for text). */
    interface RolesListener {
        void changed(String label, List<String> ignored, List<String> categorical, List<String> text);
    }

    /** Names the runtime takes for the label when none is chosen (else the last column). */
    private static final List<String> LABEL_NAMES = List.of("label", "target", "class", "species", "diagnosis", "y", "outcome", "category");

    private final CsvPreview preview;
    private final boolean text;
    private final List<ComboBox<Role>> roles = new ArrayList<>();
    private boolean updating;

    /** @param text true when the CSV is read as text: its roles are text, label and ignored */
    CsvColumnsView(CsvPreview preview, boolean text, RolesListener listener) {
        this.preview = preview;
        this.text = text;
        setId("data-columns");
        setHgap(14);
        setVgap(4);
        String[] heads = {"column", "type", "missing", "role"};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add("cm-head");
            add(h, i, 0);
        }
        for (int c = 0; c < preview.columns().size(); c++) {
            ComboBox<Role> role = new ComboBox<>();
            role.getItems().setAll(text ? List.of(Role.TEXT, Role.LABEL, Role.IGNORED)
                    : List.of(Role.FEATURE, Role.CATEGORICAL, Role.LABEL, Role.IGNORED));
            role.setId("data-role-" + preview.columns().get(c));
            int col = c;
            role.setOnAction(e -> {
                if (!updating) {
                    changed(col, listener);
                }
            });
            roles.add(role);
            ColumnType type = preview.types().get(c);
            add(new Label(preview.columns().get(c)), 0, c + 1);
            add(new Label(type.name().toLowerCase(Locale.ROOT)), 1, c + 1);
            int missing = preview.missing().get(c);
            add(new Label(missing == 0 ? "none" : String.format("%,d", missing)), 2, c + 1);
            add(role, 3, c + 1);
        }
    }

    /** Shows the binding's roles. */
    void roles(DataBinding b) {
        updating = true;
        String label = b.label() != null ? b.label() : guessLabel(b.ignore());
        List<String> texts = text ? textColumns(b, label) : List.of();
        for (int c = 0; c < roles.size(); c++) {
            String name = preview.columns().get(c);
            Role r;
            if (name.equals(label)) {
                r = Role.LABEL;
            } else if (text) {
                r = texts.contains(name) ? Role.TEXT : Role.IGNORED;
            } else if (b.ignore().contains(name)) {
                r = Role.IGNORED;
            } else if (b.categorical().contains(name) || preview.types().get(c) == ColumnType.CATEGORICAL) {
                r = Role.CATEGORICAL;
            } else {
                r = Role.FEATURE;
            }
            roles.get(c).setValue(r);
        }
        updating = false;
    }

    /** The chosen text columns, or the one the runtime takes when none is chosen (the longest texts). */
    private List<String> textColumns(DataBinding b, String label) {
        if (!b.text().columns().isEmpty()) {
            return b.text().columns();
        }
        List<String> candidates = new ArrayList<>();
        for (String c : preview.columns()) {
            if (!c.equals(label) && !b.ignore().contains(c)) {
                candidates.add(c);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> row : preview.rows()) {
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < preview.columns().size() && c < row.size(); c++) {
                values.put(preview.columns().get(c), row.get(c));
            }
            rows.add(values);
        }
        String longest = TextLoader.longestText(candidates, rows);
        return longest == null ? List.of() : List.of(longest);
    }

    private String guessLabel(List<String> ignored) {
        for (String c : preview.columns()) {
            if (!ignored.contains(c) && LABEL_NAMES.contains(c.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        for (int j = preview.columns().size() - 1; j >= 0; j--) {
            if (!ignored.contains(preview.columns().get(j))) {
                return preview.columns().get(j);
            }
        }
        return null;
    }

    private void changed(int column, RolesListener listener) {
        String label = null;
        if (roles.get(column).getValue() == Role.LABEL) {
            label = preview.columns().get(column);
        }
        List<String> ignored = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < roles.size(); c++) {
            String name = preview.columns().get(c);
            Role r = roles.get(c).getValue();
            if (r == Role.LABEL && label == null) {
                label = name;
            } else if (r == Role.LABEL && c != column) {
                r = text ? Role.IGNORED : Role.FEATURE; // one label: the newly chosen one wins
            }
            if (r == Role.TEXT) {
                texts.add(name);
            } else if (r == Role.IGNORED) {
                ignored.add(name);
            } else if (r == Role.CATEGORICAL && preview.types().get(c) == ColumnType.NUMERIC) {
                categorical.add(name);
            }
        }
        listener.changed(label, ignored, categorical, texts);
    }
}
