package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import java.util.List;

/** Holds the declaration fields every kind has. */
abstract class AbstractKind implements LayerKind {

    private final String id;
    private final Group group;
    private final List<ParamSpec> params;

    AbstractKind(String id, Group group, ParamSpec... params) {
        this.id = id;
        this.group = group;
        this.params = List.of(params);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Group group() {
        return group;
    }

    @Override
    public final List<ParamSpec> params() {
        return params;
    }

    @Override
    public String toString() {
        return id;
    }
}
