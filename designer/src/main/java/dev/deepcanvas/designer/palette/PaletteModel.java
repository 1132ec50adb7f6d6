package dev.deepcanvas.designer.palette;

import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerHelp;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The palette's content: every catalog kind (a kind with presets appears once per preset), grouped
 * in palette order and filtered by the search text. Rows are group titles ({@link Group}) followed
 * by their entries.
 */
public final class PaletteModel {

    private final List<PaletteEntry> all = new ArrayList<>();
    private final ObservableList<Object> rows = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");

    public PaletteModel(LayerCatalog catalog, LayerHelp help) {
        for (LayerKind kind : catalog.kinds()) {
            if (kind.presets().isEmpty()) {
                all.add(new PaletteEntry(kind.id(), Map.of(), help.title(kind), help.summary(kind), kind.group()));
            }
            for (Preset p : kind.presets()) {
                all.add(new PaletteEntry(kind.id(), p.params(), help.preset(kind, p), help.summary(kind), kind.group()));
            }
        }
        query.addListener((o, a, b) -> filter());
        filter();
    }

    public List<PaletteEntry> entries() {
        return List.copyOf(all);
    }

    /** Group titles and matching entries, in palette order. */
    public ObservableList<Object> rows() {
        return rows;
    }

    public StringProperty queryProperty() {
        return query;
    }

    private void filter() {
        List<Object> shown = new ArrayList<>();
        for (Group g : Group.values()) {
            List<PaletteEntry> matching = all.stream().filter(e -> e.group() == g && e.matches(query.get())).toList();
            if (!matching.isEmpty()) {
                shown.add(g);
                shown.addAll(matching);
            }
        }
        rows.setAll(shown);
    }
}
