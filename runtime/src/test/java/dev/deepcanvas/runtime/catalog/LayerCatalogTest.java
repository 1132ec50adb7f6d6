package dev.deepcanvas.runtime.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerCatalogTest {

    private final LayerCatalog catalog = LayerCatalog.standard();
    private final LayerHelp help = LayerHelp.standard();

    /** A subset, not the list: a new kind is one class and one catalog line, and no test to edit. */
    @Test
    void the_catalog_offers_every_kind_the_course_needs_inputs_first_and_the_output_last() {
        List<String> course = List.of("VectorInput", "ImageInput", "SequenceInput", "TokenInput", "Dense", "Dropout", "Activation", "BatchNorm",
                "Flatten", "Conv2D", "MaxPool2D", "AvgPool2D", "GlobalPooling", "SimpleRNN", "LSTM", "Embedding", "SelfAttention",
                "Add", "Concatenate", "Output");
        List<String> missing = new ArrayList<>(course);
        missing.removeAll(catalog.ids());
        assertEquals(List.of(), missing);
        List<LayerKind> kinds = catalog.kinds();
        long inputs = kinds.stream().filter(LayerKind::isNetworkInput).count();
        assertTrue(kinds.subList(0, (int) inputs).stream().allMatch(LayerKind::isNetworkInput), "the palette starts with the inputs");
        assertTrue(kinds.get(kinds.size() - 1).isNetworkOutput(), "and ends with the output");
    }

    @Test
    void every_kind_and_parameter_has_help_text() {
        List<String> missing = new ArrayList<>();
        for (LayerKind kind : catalog.kinds()) {
            for (String key : List.of(".title", ".summary", ".help")) {
                if (!help.has(kind.id() + key)) {
                    missing.add(kind.id() + key);
                }
            }
            for (ParamSpec p : kind.params()) {
                if (!help.has(kind.id() + ".param." + p.name())) {
                    missing.add(kind.id() + ".param." + p.name());
                }
            }
            for (Preset preset : kind.presets()) {
                if (!help.has(kind.id() + ".preset." + preset.key())) {
                    missing.add(kind.id() + ".preset." + preset.key());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void every_default_is_allowed_and_parameter_names_are_unique() {
        for (LayerKind kind : catalog.kinds()) {
            var names = new HashSet<String>();
            for (ParamSpec p : kind.params()) {
                assertTrue(names.add(p.name()), kind.id() + " declares " + p.name() + " twice");
                assertTrue(p.javaType().isInstance(p.defaultValue()), kind.id() + "." + p.name());
                assertEquals(java.util.Optional.empty(), p.problemWith(p.defaultValue()), kind.id() + "." + p.name());
            }
            for (String key : kind.keyParams()) {
                assertTrue(kind.hasParam(key), kind.id() + " shows unknown parameter " + key);
            }
        }
    }

    @Test
    void palette_groups_are_all_used() {
        var used = new HashSet<Group>();
        catalog.kinds().forEach(k -> used.add(k.group()));
        assertEquals(new HashSet<>(List.of(Group.values())), used);
    }

    @Test
    void output_presets_are_the_three_heads_and_valid() {
        LayerKind output = catalog.get("Output");
        assertEquals(List.of("classes", "yesNo", "quantity"), output.presets().stream().map(Preset::key).toList());
        for (Preset preset : output.presets()) {
            preset.params().forEach((name, value) -> assertEquals(java.util.Optional.empty(), output.param(name).problemWith(value)));
        }
    }

    @Test
    void dropout_is_given_as_the_drop_probability() {
        assertEquals(0.5, catalog.get("Dropout").param("rate").defaultValue());
        assertTrue(help.param(catalog.get("Dropout"), "rate").startsWith("Probability of dropping"));
    }
}
