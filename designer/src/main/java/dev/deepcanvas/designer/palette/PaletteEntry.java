package dev.deepcanvas.designer.palette;

import dev.deepcanvas.runtime.catalog.Group;
import java.util.Locale;
import java.util.Map;

/** One thing the palette offers: a layer kind, perhaps with preset parameters (the output heads). */
public record PaletteEntry(String kindId, Map<String, Object> params, String title, String summary, Group group) {

    public PaletteEntry {
        params = Map.copyOf(params);
    }

    boolean matches(String query) {
        if (query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return title.toLowerCase(Locale.ROOT).contains(q)
                || kindId.toLowerCase(Locale.ROOT).contains(q)
                || summary.toLowerCase(Locale.ROOT).contains(q)
                || group.title().toLowerCase(Locale.ROOT).contains(q);
    }
}
