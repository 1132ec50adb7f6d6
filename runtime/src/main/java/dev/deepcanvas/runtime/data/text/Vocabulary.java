package dev.deepcanvas.runtime.data.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids: 0 is padding, 1 an unknown token, then the kept tokens from the most frequent down
 * (ties alphabetically, so the same training texts always give the same ids). Fitted on the
 * training split only, so validation and test texts meet unknown words as new texts will.
 */
public final class Vocabulary {

    public static final int PADDING = 0;
    public static final int UNKNOWN = 1;
    public static final int RESERVED = 2;

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    /** @param tokens the kept tokens in id order, starting at id {@link #RESERVED} */
    public Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.put(this.tokens.get(i), i + RESERVED) != null) {
                throw new IllegalArgumentException("token listed twice: '" + this.tokens.get(i) + "'");
            }
        }
    }

    /**
     * @param size the most ids, the two reserved ones included
     * @param minCount tokens seen fewer times are left out
     */
    public static Vocabulary fit(Collection<List<String>> texts, int size, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> text : texts) {
            for (String t : text) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getValue() < minCount);
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < entries.size() && kept.size() < size - RESERVED; i++) {
            kept.add(entries.get(i).getKey());
        }
        return new Vocabulary(kept);
    }

    public int id(String token) {
        return ids.getOrDefault(token, UNKNOWN);
    }

    /** Ids in use, the reserved ones included: what an Embedding's vocabulary must be at least. */
    public int size() {
        return tokens.size() + RESERVED;
    }

    public List<String> tokens() {
        return tokens;
    }
}
