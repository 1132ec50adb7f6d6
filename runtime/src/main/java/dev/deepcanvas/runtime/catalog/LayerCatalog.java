package dev.deepcanvas.runtime.catalog;

import dev.deepcanvas.runtime.catalog.kinds.ActivationKind;
import dev.deepcanvas.runtime.catalog.kinds.AddKind;
import dev.deepcanvas.runtime.catalog.kinds.BatchNormKind;
import dev.deepcanvas.runtime.catalog.kinds.BidirectionalKind;
import dev.deepcanvas.runtime.catalog.kinds.ConcatenateKind;
import dev.deepcanvas.runtime.catalog.kinds.Conv1DKind;
import dev.deepcanvas.runtime.catalog.kinds.Conv2DKind;
import dev.deepcanvas.runtime.catalog.kinds.DenseKind;
import dev.deepcanvas.runtime.catalog.kinds.DropoutKind;
import dev.deepcanvas.runtime.catalog.kinds.EmbeddingKind;
import dev.deepcanvas.runtime.catalog.kinds.FlattenKind;
import dev.deepcanvas.runtime.catalog.kinds.GlobalPoolingKind;
import dev.deepcanvas.runtime.catalog.kinds.Inputs;
import dev.deepcanvas.runtime.catalog.kinds.LastTimeStepKind;
import dev.deepcanvas.runtime.catalog.kinds.LayerNormalizationKind;
import dev.deepcanvas.runtime.catalog.kinds.LocalResponseNormalizationKind;
import dev.deepcanvas.runtime.catalog.kinds.OutputKind;
import dev.deepcanvas.runtime.catalog.kinds.Pool2DKind;
import dev.deepcanvas.runtime.catalog.kinds.PositionEmbeddingKind;
import dev.deepcanvas.runtime.catalog.kinds.RecurrentKind;
import dev.deepcanvas.runtime.catalog.kinds.SelfAttentionKind;
import dev.deepcanvas.runtime.catalog.kinds.ZeroPadding2DKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every layer kind DeepCanvas offers, in palette order. */
public final class LayerCatalog {

    private static final LayerCatalog STANDARD = new LayerCatalog(List.of(
            Inputs.VECTOR,
            Inputs.IMAGE,
            Inputs.SEQUENCE,
            Inputs.TOKENS,
            new DenseKind(),
            new DropoutKind(),
            new ActivationKind(),
            new BatchNormKind(),
            new LayerNormalizationKind(),
            new FlattenKind(),
            new ZeroPadding2DKind(),
            new Conv2DKind(),
            Pool2DKind.max(),
            Pool2DKind.average(),
            new GlobalPoolingKind(),
            new LocalResponseNormalizationKind(),
            new Conv1DKind(),
            RecurrentKind.simpleRnn(),
            RecurrentKind.lstm(),
            new BidirectionalKind(),
            new LastTimeStepKind(),
            new EmbeddingKind(),
            new PositionEmbeddingKind(),
            new SelfAttentionKind(),
            new AddKind(),
            new ConcatenateKind(),
            new OutputKind()));

    private final Map<String, LayerKind> byId = new LinkedHashMap<>();

    public LayerCatalog(List<LayerKind> kinds) {
        for (LayerKind k : kinds) {
            if (byId.put(k.id(), k) != null) {
                throw new IllegalArgumentException("kind declared twice: " + k.id());
            }
        }
    }

    public static LayerCatalog standard() {
        return STANDARD;
    }

    public List<LayerKind> kinds() {
        return List.copyOf(byId.values());
    }

    public Optional<LayerKind> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public LayerKind get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown layer kind " + id));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
