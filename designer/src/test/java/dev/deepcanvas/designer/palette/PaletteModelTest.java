package dev.deepcanvas.designer.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerHelp;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaletteModelTest {

    private final PaletteModel palette = new PaletteModel(LayerCatalog.standard(), LayerHelp.standard());

    @Test
    void every_catalog_kind_is_offered_with_a_title_and_one_line_of_help() {
        Set<String> offered = palette.entries().stream().map(PaletteEntry::kindId).collect(Collectors.toSet());
        assertEquals(Set.copyOf(LayerCatalog.standard().ids()), offered);
        for (PaletteEntry e : palette.entries()) {
            assertTrue(!e.title().contains(".title") && !e.summary().contains(".summary"), e.toString());
        }
    }

    @Test
    void groups_come_in_palette_order_each_followed_by_its_entries() {
        List<Group> groups = palette.rows().stream().filter(r -> r instanceof Group).map(r -> (Group) r).toList();
        assertEquals(List.of(Group.values()), groups);
        Group current = null;
        for (Object row : palette.rows()) {
            if (row instanceof Group g) {
                current = g;
            } else {
                assertEquals(current, ((PaletteEntry) row).group());
            }
        }
    }

    @Test
    void search_keeps_matching_entries_and_their_groups() {
        palette.queryProperty().set("pool");
        List<String> kinds = palette.rows().stream().filter(r -> r instanceof PaletteEntry)
                .map(r -> ((PaletteEntry) r).kindId()).toList();
        assertTrue(kinds.containsAll(List.of("MaxPool2D", "AvgPool2D", "GlobalPooling")), kinds.toString());
        assertTrue(!kinds.contains("Dense"));
        palette.queryProperty().set("no such layer");
        assertTrue(palette.rows().isEmpty());
        palette.queryProperty().set("");
        assertEquals(palette.entries().size() + Group.values().length, palette.rows().size());
    }

    @Test
    void output_heads_are_offered_as_presets() {
        List<PaletteEntry> outputs = palette.entries().stream().filter(e -> e.kindId().equals("Output")).toList();
        assertEquals(3, outputs.size());
        assertEquals("sigmoid", outputs.get(1).params().get("activation"));
    }
}
