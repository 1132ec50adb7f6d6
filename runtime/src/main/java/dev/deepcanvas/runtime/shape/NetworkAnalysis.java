package dev.deepcanvas.runtime.shape;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public long totalParameters() {
        return infos.values().stream().mapToLong(NodeInfo::parameters).sum();
    }

    public long trainableParameters() {
        return infos.values().stream().mapToLong(NodeInfo::trainable).sum();
    }
}
