package dev.deepcanvas.runtime.data.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The order categories and class names are shown and one-hot encoded in. */
final class Categories {

    private Categories() {}

    /** By value if every one is a number ("2" before "10"), else alphabetically; no repeats. */
    static List<String> sorted(Collection<String> values) {
        List<String> list = new ArrayList<>(values.stream().distinct().toList());
        boolean numbers = list.stream().noneMatch(v -> Double.isNaN(Cells.number(v)));
        Comparator<String> order = numbers
                ? Comparator.<String>comparingDouble(Cells::number).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        list.sort(order);
        return List.copyOf(list);
    }
}
