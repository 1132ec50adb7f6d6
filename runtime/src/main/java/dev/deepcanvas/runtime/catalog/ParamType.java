package dev.deepcanvas.runtime.catalog;

/** The value types a layer parameter can have; each maps to one JSON type. */
public enum ParamType {
    /** A whole number, stored as {@link Long}. */
    INTEGER,
    /** A real number, stored as {@link Double}. */
    DECIMAL,
    /** On or off, stored as {@link Boolean}. */
    BOOLEAN,
    /** One of a fixed list of names, stored as {@link String}. */
    CHOICE
}
