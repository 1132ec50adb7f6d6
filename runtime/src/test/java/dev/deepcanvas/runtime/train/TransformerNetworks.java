package dev.deepcanvas.runtime.train;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.List;

/** Small Transformer encoder classifiers, drawn as the course draws the block. */
final class TransformerNetworks {

    private TransformerNetworks() {}

    /**
     * Tokens → embedding + positions → self-attention, add &amp; norm → feed-forward, add &amp; norm →
     * average over the steps → classes.
     */
    static NetworkDocument classifier(int length, int vocabulary, int dimension, int classes) {
        return classifier(length, vocabulary, dimension, classes, true);
    }

    /** The same, optionally without the position embedding (attention alone is blind to order). */
    static NetworkDocument classifier(int length, int vocabulary, int dimension, int classes, boolean positions) {
        var b = new DocumentBuilder("transformer");
        b.add("TokenInput", "timeSteps", length);
        String embedded = b.then("Embedding", "vocabulary", vocabulary, "dimension", dimension);
        if (positions) {
            embedded = b.then("PositionEmbedding");
        }
        String attention = b.then("SelfAttention", "heads", 2, "headSize", 3, "units", dimension);
        b.merge("Add", List.of(embedded, attention));
        String norm = b.then("LayerNormalization");
        b.then("Dense", "units", 2 * dimension, "activation", "relu");
        String feedForward = b.then("Dense", "units", dimension, "activation", "identity");
        b.merge("Add", List.of(norm, feedForward));
        b.then("LayerNormalization");
        b.then("GlobalPooling", "type", "avg");
        b.then("Output", "units", classes, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }
}
