package dev.deepcanvas.runtime.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.FittedEncoding;
import dev.deepcanvas.runtime.document.DataBinding.Text.Tokens;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How raw text becomes the network's input: the text columns joined, cut into tokens, each token
 * its id in the vocabulary fitted on the training split, cut or padded to {@code maxLength}
 * steps. The mask marks the real steps, so padding never counts in recurrent states, pooling or
 * attention. Kept in a model bundle, so {@code predict} takes raw text.
 *
 * @param columns the text columns, joined with a space
 */
public record TextEncoding(List<String> columns, Tokenizer tokenizer, Vocabulary vocabulary, int maxLength) implements FittedEncoding {

    public static final String TYPE = "text";

    private static final Set<String> FIELDS = Set.of("type", "columns", "tokens", "maxLength", "vocabulary");

    /** One encoded text: token ids as floats (DL4J's input type) and the mask, both {@code maxLength} long. */
    public record Encoded(float[] ids, float[] mask, int tokens) {}

    public TextEncoding {
        columns = List.copyOf(columns);
    }

    @Override
    public long[] exampleShape() {
        return new long[] {1, maxLength};
    }

    /** The text of a row: its text columns joined with a space (a missing one counts as empty). */
    public String textOf(Map<String, String> row) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            String v = row.get(c);
            if (v != null && !v.isBlank()) {
                parts.add(v.strip());
            }
        }
        return String.join(" ", parts);
    }

    /**
     * An empty text becomes one unknown token: a sequence needs at least one real step (DL4J's
     * last-step and pooling layers have nothing to return for an all-padding row).
     */
    public Encoded encode(String text) {
        return encode(tokenizer.tokens(text));
    }

    public Encoded encode(List<String> tokens) {
        float[] ids = new float[maxLength];
        float[] mask = new float[maxLength];
        int n = Math.min(tokens.size(), maxLength);
        for (int i = 0; i < n; i++) {
            ids[i] = vocabulary.id(tokens.get(i));
            mask[i] = 1;
        }
        if (n == 0) {
            ids[0] = Vocabulary.UNKNOWN;
            mask[0] = 1;
        }
        return new Encoded(ids, mask, tokens.size());
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", TYPE);
        ArrayNode c = o.putArray("columns");
        columns.forEach(c::add);
        o.put("tokens", tokenizer.kind().name().toLowerCase(Locale.ROOT));
        o.put("maxLength", maxLength);
        ArrayNode v = o.putArray("vocabulary");
        vocabulary.tokens().forEach(v::add);
        return o;
    }

    /** Reads what {@link #toJson()} wrote; strict, so a damaged model bundle is caught, not half-used. */
    public static TextEncoding fromJson(JsonNode json) throws DataException {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new DataException(null, "text encoding: unknown field '" + name + "'");
            }
        }
        List<String> columns = strings(json.get("columns"), "columns");
        List<String> tokens = strings(json.get("vocabulary"), "vocabulary");
        String kind = json.path("tokens").asText("");
        Tokens tokenKind = switch (kind) {
            case "words" -> Tokens.WORDS;
            case "characters" -> Tokens.CHARACTERS;
            default -> throw new DataException(null, "text encoding: tokens must be 'words' or 'characters', not '" + kind + "'");
        };
        int maxLength = json.path("maxLength").asInt(-1);
        if (maxLength < 1 || maxLength > 100_000 || columns.isEmpty()) {
            throw new DataException(null, "text encoding: needs text columns and a maxLength from 1 to 100,000");
        }
        try {
            return new TextEncoding(columns, new Tokenizer(tokenKind), new Vocabulary(tokens), maxLength);
        } catch (IllegalArgumentException e) {
            throw new DataException(null, "text encoding: " + e.getMessage());
        }
    }

    private static List<String> strings(JsonNode array, String field) throws DataException {
        if (array == null || !array.isArray()) {
            throw new DataException(null, "text encoding: " + field + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new DataException(null, "text encoding: " + field + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
