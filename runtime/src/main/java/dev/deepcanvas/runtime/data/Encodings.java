package dev.deepcanvas.runtime.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepcanvas.runtime.data.images.ImageEncoding;
import dev.deepcanvas.runtime.data.table.SequenceEncoding;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.data.text.TextEncoding;

/** Reads back a fitted encoding saved with {@link FittedEncoding#toJson()}. */
public final class Encodings {

    private Encodings() {}

    public static FittedEncoding fromJson(JsonNode json) throws DataException {
        String type = json.path("type").asText();
        return switch (type) {
            case TabularEncoding.TYPE -> TabularEncoding.fromJson(json);
            case ImageEncoding.TYPE -> ImageEncoding.fromJson(json);
            case TextEncoding.TYPE -> TextEncoding.fromJson(json);
            case SeriesEncoding.TYPE -> SeriesEncoding.fromJson(json);
            case SequenceEncoding.TYPE -> SequenceEncoding.fromJson(json);
            default -> throw new DataException(null, "unknown encoding type '" + type + "'");
        };
    }
}
