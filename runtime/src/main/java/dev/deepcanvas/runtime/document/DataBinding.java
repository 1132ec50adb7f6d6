package dev.deepcanvas.runtime.document;

import java.util.Objects;

/**
 * Where the project's data lives. The path is kept relative to the project file (with '/'
 * separators) so a project folder can be moved or shared as a whole.
 */
public record DataBinding(String path) {

    public DataBinding {
        Objects.requireNonNull(path, "path");
    }
}
