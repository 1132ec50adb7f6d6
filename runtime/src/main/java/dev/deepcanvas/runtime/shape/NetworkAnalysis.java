package dev.deepcanvas.runtime.shape;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The result of analysing one document revision: per-layer shapes and parameter counts, every
 * diagnostic, and the facts the compiler needs (evaluation order, port-ordered inputs).
 *
 * @param order layers that reach an output, inputs first, each after all of its inputs
 * @param inputsOf for each layer, the ids wired to its input ports, in port order
 * @param feedingInput for each layer, the network input its first input port descends from
 */
public record NetworkAnalysis(
        Map<String, NodeInfo> infos,
        List<Diagnostic> diagnostics,
        List<String> order,
        Map<String, List<String>> inputsOf,
        Map<String, String> feedingInput) {

    public NetworkAnalysis {
        infos = Collections.unmodifiableMap(infos);
        diagnostics = List.copyOf(diagnostics);
        order = List.copyOf(order);
        inputsOf = Collections.unmodifiableMap(inputsOf);
        feedingInput = Collections.unmodifiableMap(feedingInput);
    }

    /** True when nothing keeps the network from compiling. */
    public boolean isValid() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> diagnosticsFor(String nodeId) {
        return diagnostics.stream().filter(d -> nodeId.equals(d.nodeId())).toList();
    }

    public Optional<NodeInfo> info(String nodeId) {
        return Optional.ofNullable(infos.get(nodeId));
    }

    public Optional<Shape> shapeOf(String nodeId) {
        return info(nodeId).map(NodeInfo::shape);
    }

    /**
     * Parameters of the network that is compiled: the layers that reach an output (a layer left
     * unconnected is not part of DL4J's graph, nor of a Keras model). Before any output exists,
     * every layer counts, so a network being built shows its size as it grows.
     */
    public long totalParameters() {
        return counted().mapToLong(NodeInfo::parameters).sum();
    }

    public long trainableParameters() {
        return counted().mapToLong(NodeInfo::trainable).sum();
    }

    private Stream<NodeInfo> counted() {
        return order.isEmpty() ? infos.values().stream() : order.stream().map(infos::get).filter(Objects::nonNull);
    }
}
