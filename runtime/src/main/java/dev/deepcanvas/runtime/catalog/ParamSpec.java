package dev.deepcanvas.runtime.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a layer kind: its name, type, default and allowed range. The palette, the
 * inspector, the file reader, validation and the compiler all read this one declaration.
 *
 * @param min smallest allowed value (inclusive) for numbers, else null
 * @param max largest allowed value (inclusive) for numbers, else null
 * @param choices allowed names for {@link ParamType#CHOICE}, else empty
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, Number min, Number max, List<String> choices) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
    }

    public static ParamSpec integer(String name, long defaultValue, long min, long max) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, min, max, List.of());
    }

    public static ParamSpec decimal(String name, double defaultValue, double min, double max) {
        return new ParamSpec(name, ParamType.DECIMAL, defaultValue, min, max, List.of());
    }

    public static ParamSpec bool(String name, boolean defaultValue) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, null, null, List.of());
    }

    public static ParamSpec choice(String name, String defaultValue, List<String> choices) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException(defaultValue + " is not one of " + choices);
        }
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, null, null, choices);
    }

    /**
     * Why {@code value} is not allowed, in the user's words, or empty when it is. The value must
     * already have this parameter's Java type.
     */
    public Optional<String> problemWith(Object value) {
        switch (type) {
            case INTEGER, DECIMAL -> {
                double v = ((Number) value).doubleValue();
                if (Double.isNaN(v) || v < min.doubleValue() || v > max.doubleValue()) {
                    return Optional.of(name + " must be between " + format(min) + " and " + format(max)
                            + ", not " + format((Number) value));
                }
            }
            case CHOICE -> {
                if (!choices.contains(value)) {
                    return Optional.of(name + " must be one of " + String.join(", ", choices) + ", not '" + value + "'");
                }
            }
            case BOOLEAN -> {
                // both values are allowed
            }
        }
        return Optional.empty();
    }

    /** The Java type values of this parameter have. */
    public Class<?> javaType() {
        return switch (type) {
            case INTEGER -> Long.class;
            case DECIMAL -> Double.class;
            case BOOLEAN -> Boolean.class;
            case CHOICE -> String.class;
        };
    }

    static String format(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format("%.1f", d) : Double.toString(d);
        }
        return String.format("%,d", n.longValue());
    }
}
