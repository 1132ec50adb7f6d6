package dev.deepcanvas.runtime.data.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A categorical column as one input per category seen in training (one-hot). A category training
 * never saw gives all zeros: the network has learnt nothing about it, and zeros say so without
 * pretending it is one of the known ones.
 */
final class CategoricalEncoding implements ColumnEncoding {

    static final String TYPE = "categorical";

    private final String name;
    private final List<String> categories;
    private final String fill;
    private final Map<String, Integer> index = new HashMap<>();

    /** @param fill the category used where a cell is missing (the training mode), or null */
    CategoricalEncoding(String name, List<String> categories, String fill) {
        this.name = name;
        this.categories = List.copyOf(categories);
        this.fill = fill;
        for (int i = 0; i < this.categories.size(); i++) {
            index.put(this.categories.get(i), i);
        }
    }

    @Override
    public String name() {
        return name;
    }

    List<String> categories() {
        return categories;
    }

    /** The category for missing cells, or null when missing values are not filled. */
    String fill() {
        return fill;
    }

    @Override
    public int width() {
        return categories.size();
    }

    /** Sets the one-hot inputs of {@code value} in {@code out} from {@code offset}; zeros if unknown. */
    void encode(String value, float[] out, int offset) {
        Integer i = value == null ? null : index.get(value);
        if (i != null) {
            out[offset + i] = 1f;
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.put("type", TYPE);
        categories.forEach(o.putArray("categories")::add);
        if (fill != null) {
            o.put("fill", fill);
        } else {
            o.putNull("fill");
        }
        return o;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoricalEncoding c && name.equals(c.name) && categories.equals(c.categories)
                && Objects.equals(fill, c.fill);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, categories, fill);
    }
}
