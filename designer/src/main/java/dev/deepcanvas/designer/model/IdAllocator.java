package dev.deepcanvas.designer.model;

import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.HashSet;
import java.util.Set;

/** Fresh layer ids for several new layers at once (a paste), none taken in the document or batch. */
public final class IdAllocator {

    private final NetworkDocument doc;
    private final Set<String> taken = new HashSet<>();

    public IdAllocator(NetworkDocument doc) {
        this.doc = doc;
    }

    /** dense_1, dense_2, ...: the document's own naming, skipping ids given out by this allocator. */
    public String fresh(String kind) {
        String base = doc.freshId(kind).replaceAll("_\\d+$", "");
        for (int i = 1; ; i++) {
            String candidate = base + "_" + i;
            if (doc.indexOf(candidate) < 0 && taken.add(candidate)) {
                return candidate;
            }
        }
    }
}
