package dev.deepcanvas.designer.model;

import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.List;

/** Copies of documents, for trying an edit without touching the real one. */
public final class Documents {

    private Documents() {}

    public static NetworkDocument copy(NetworkDocument source) {
        NetworkDocument copy = new NetworkDocument(source.name());
        copyInto(source, copy);
        return copy;
    }

    /** Makes {@code target} hold what {@code source} holds (the window keeps one document object). */
    public static void copyInto(NetworkDocument source, NetworkDocument target) {
        for (Edge e : List.copyOf(target.edges())) {
            target.disconnect(e);
        }
        for (LayerNode n : List.copyOf(target.nodes())) {
            target.remove(n.id());
        }
        target.setName(source.name());
        source.nodes().forEach(target::add);
        source.edges().forEach(target::connect);
        target.setTraining(source.training());
        target.setData(source.data().orElse(null));
    }
}
