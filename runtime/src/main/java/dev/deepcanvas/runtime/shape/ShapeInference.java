package dev.deepcanvas.runtime.shape;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Works out every layer's output shape and parameter count and finds everything that would stop
 * the network from compiling, each reported once, on the layer where the user can fix it. Errors do
 * not cascade: a layer downstream of a broken one is simply left without a shape.
 *
 * <p>Runs in time linear in layers and wires; the designer calls it after every edit.
 */
public final class ShapeInference {

    /** More values than this in one example's activation cannot be held by DL4J's int indexing. */
    static final long MAX_ACTIVATION = Integer.MAX_VALUE;
    /** More parameters than this do not fit in one DL4J parameter vector. */
    static final long MAX_PARAMETERS = Integer.MAX_VALUE;

    private final LayerCatalog catalog;

    public ShapeInference(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public static NetworkAnalysis analyse(NetworkDocument document) {
        return new ShapeInference(LayerCatalog.standard()).run(document);
    }

    public NetworkAnalysis run(NetworkDocument document) {
        return new Run(document).analyse();
    }

    /** State of one analysis. */
    private final class Run {
        private final NetworkDocument doc;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<String, LayerNode> nodes = new LinkedHashMap<>();
        private final Map<String, LayerKind> kinds = new HashMap<>();
        private final Map<String, TreeMap<Integer, String>> portsOf = new HashMap<>();
        private final Map<String, List<String>> consumers = new HashMap<>();
        private final Map<String, NodeInfo> infos = new LinkedHashMap<>();
        private final Map<String, String> feedingInput = new HashMap<>();
        private final Set<String> broken = new HashSet<>();

        Run(NetworkDocument doc) {
            this.doc = doc;
        }

        NetworkAnalysis analyse() {
            collectNodes();
            collectEdges();
            List<String> topological = sortTopologically();
            checkPorts();
            for (String id : topological) {
                infer(id);
            }
            List<String> live = reachingOutputs(topological);
            checkEnds();
            long total = infos.values().stream().mapToLong(NodeInfo::parameters).sum();
            if (total > MAX_PARAMETERS) {
                error(null, String.format("The network has %,d parameters, more than DL4J can hold (%,d).", total, MAX_PARAMETERS),
                        "Use fewer or smaller layers: pooling before Dense layers shrinks them most.");
            }
            Map<String, List<String>> inputsOf = new HashMap<>();
            portsOf.forEach((id, ports) -> inputsOf.put(id, List.copyOf(ports.values())));
            return new NetworkAnalysis(infos, diagnostics, live, inputsOf, feedingInput);
        }

        private void error(String id, String message, String hint) {
            diagnostics.add(Diagnostic.error(id, message, hint));
            if (id != null) {
                broken.add(id);
            }
        }

        private void collectNodes() {
            for (LayerNode n : doc.nodes()) {
                if (nodes.containsKey(n.id())) {
                    error(n.id(), "Two layers share the id '" + n.id() + "'.", "Rename one of them; ids must be unique.");
                    continue;
                }
                nodes.put(n.id(), n);
                LayerKind kind = catalog.find(n.kind()).orElse(null);
                if (kind == null) {
                    error(n.id(), "'" + n.kind() + "' is not a known layer kind.", "Replace it with a layer from the palette.");
                    continue;
                }
                kinds.put(n.id(), kind);
                checkParams(n, kind);
            }
        }

        private void checkParams(LayerNode n, LayerKind kind) {
            n.params().forEach((name, value) -> {
                if (!kind.hasParam(name)) {
                    error(n.id(), kind.id() + " has no parameter '" + name + "'.", "Remove it; " + kind.id() + " takes "
                            + String.join(", ", kind.params().stream().map(ParamSpec::name).toList()) + ".");
                    return;
                }
                ParamSpec spec = kind.param(name);
                if (!spec.javaType().isInstance(value)) {
                    error(n.id(), name + " must be a " + spec.type().name().toLowerCase() + ", not '" + value + "'.",
                            "Set " + name + " to a valid value (default " + spec.defaultValue() + ").");
                    return;
                }
                spec.problemWith(value).ifPresent(problem -> error(n.id(), problem + ".", "Set " + name + " within the allowed range."));
            });
        }

        private void collectEdges() {
            for (Edge e : doc.edges()) {
                if (!nodes.containsKey(e.from()) || !nodes.containsKey(e.to())) {
                    String missing = nodes.containsKey(e.from()) ? e.to() : e.from();
                    error(null, "A wire refers to a layer that does not exist ('" + missing + "').", "Delete the wire.");
                    continue;
                }
                LayerKind target = kinds.get(e.to());
                if (e.fromPort() != 0) {
                    error(e.from(), "A wire leaves output port " + e.fromPort() + ", but layers have one output (port 0).", "Reconnect the wire from the layer's output.");
                    continue;
                }
                if (target == null) {
                    continue;
                }
                if (e.toPort() < 0 || e.toPort() >= target.maxInputs()) {
                    String takes = target.maxInputs() == 0 ? "takes no incoming wires" : "has " + target.maxInputs() + " input port(s)";
                    error(e.to(), target.id() + " " + takes + ", but a wire from '" + e.from() + "' goes to port " + e.toPort() + ".",
                            "Remove the wire from '" + e.from() + "'.");
                    continue;
                }
                String previous = portsOf.computeIfAbsent(e.to(), k -> new TreeMap<>()).putIfAbsent(e.toPort(), e.from());
                if (previous != null) {
                    error(e.to(), "Input port " + e.toPort() + " has two wires, from '" + previous + "' and '" + e.from() + "'.",
                            "Remove one of them, or use Add or Concatenate to merge them.");
                    continue;
                }
                consumers.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            }
        }

        /** Kahn's algorithm; whatever cannot be ordered lies on a cycle. */
        private List<String> sortTopologically() {
            Map<String, Integer> pending = new HashMap<>();
            for (String id : nodes.keySet()) {
                pending.put(id, portsOf.getOrDefault(id, new TreeMap<>()).size());
            }
            Deque<String> ready = new ArrayDeque<>();
            nodes.keySet().stream().filter(id -> pending.get(id) == 0).forEach(ready::add);
            List<String> order = new ArrayList<>();
            while (!ready.isEmpty()) {
                String id = ready.poll();
                order.add(id);
                for (String next : consumers.getOrDefault(id, List.of())) {
                    if (pending.merge(next, -1, Integer::sum) == 0) {
                        ready.add(next);
                    }
                }
            }
            if (order.size() < nodes.size()) {
                for (String id : nodes.keySet()) {
                    if (pending.get(id) > 0 && onCycle(id, pending)) {
                        error(id, "This layer is part of a loop: its output flows back into its own input.",
                                "Remove one of the wires that loops back; data must flow one way, from inputs to outputs.");
                    } else if (pending.get(id) > 0) {
                        broken.add(id);
                    }
                }
            }
            return order;
        }

        /** True when the node can reach itself through unsorted nodes. */
        private boolean onCycle(String start, Map<String, Integer> pending) {
            Deque<String> stack = new ArrayDeque<>(consumers.getOrDefault(start, List.of()));
            Set<String> seen = new HashSet<>();
            while (!stack.isEmpty()) {
                String id = stack.pop();
                if (id.equals(start)) {
                    return true;
                }
                if (pending.get(id) > 0 && seen.add(id)) {
                    stack.addAll(consumers.getOrDefault(id, List.of()));
                }
            }
            return false;
        }

        private void checkPorts() {
            for (var entry : kinds.entrySet()) {
                String id = entry.getKey();
                LayerKind kind = entry.getValue();
                TreeMap<Integer, String> ports = portsOf.getOrDefault(id, new TreeMap<>());
                int required = Math.max(kind.minInputs(), ports.isEmpty() ? 0 : ports.lastKey() + 1);
                for (int p = 0; p < required; p++) {
                    if (ports.containsKey(p)) {
                        continue;
                    }
                    if (kind.maxInputs() == 1) {
                        error(id, kind.id() + " has no input.", "Drag a wire from another layer's output to its input.");
                    } else {
                        error(id, kind.id() + " input " + (p + 1) + " of " + required + " is not connected.",
                                kind.id() + " needs at least " + kind.minInputs() + " inputs: drag wires to its free ports.");
                    }
                }
            }
        }

        private void infer(String id) {
            LayerKind kind = kinds.get(id);
            if (kind == null || broken.contains(id)) {
                return;
            }
            List<String> sources = List.copyOf(portsOf.getOrDefault(id, new TreeMap<>()).values());
            List<Shape> inputs = new ArrayList<>();
            for (String source : sources) {
                NodeInfo info = infos.get(source);
                if (info == null) {
                    return; // the problem is upstream and already reported there
                }
                inputs.add(info.shape());
            }
            feedingInput.put(id, sources.isEmpty() ? id : feedingInput.get(sources.get(0)));
            List<String> warnings = new ArrayList<>();
            try {
                LayerShape result = kind.infer(new LayerKind.ShapeContext(inputs, Params.of(kind, nodes.get(id)), warnings));
                if (result.output().size() > MAX_ACTIVATION) {
                    error(id, String.format("Its output %s holds %,d values per example, too many for memory.", result.output().display(), result.output().size()),
                            "Downsample earlier (pooling or larger strides) or use fewer units or filters.");
                    return;
                }
                // a frozen layer keeps its weights: none of them is trained
                boolean frozen = nodes.get(id).frozen() && result.parameters() > 0;
                infos.put(id, new NodeInfo(result.output(), result.parameters(), frozen ? 0 : result.trainable(), frozen));
                warnings.forEach(w -> diagnostics.add(Diagnostic.warning(id, w, "Check the output's activation and loss.")));
            } catch (ShapeProblem problem) {
                error(id, problem.getMessage(), problem.hint());
            }
        }

        /** Layers from which some output can be reached, in evaluation order; warns about the rest. */
        private List<String> reachingOutputs(List<String> topological) {
            Set<String> live = new HashSet<>();
            Deque<String> stack = new ArrayDeque<>();
            kinds.forEach((id, kind) -> {
                if (kind.isNetworkOutput()) {
                    stack.push(id);
                }
            });
            while (!stack.isEmpty()) {
                String id = stack.pop();
                if (live.add(id)) {
                    stack.addAll(portsOf.getOrDefault(id, new TreeMap<>()).values());
                }
            }
            boolean anyOutput = kinds.values().stream().anyMatch(LayerKind::isNetworkOutput);
            if (anyOutput) {
                for (String id : nodes.keySet()) {
                    if (!live.contains(id) && kinds.containsKey(id)) {
                        diagnostics.add(Diagnostic.warning(id, "This layer's result is not used by any output.",
                                "Connect it towards an Output, or delete it."));
                    }
                }
            }
            return topological.stream().filter(live::contains).toList();
        }

        private void checkEnds() {
            if (kinds.values().stream().noneMatch(LayerKind::isNetworkInput)) {
                error(null, "The network has no input.", "Add an Input from the Inputs group and wire it to the first layer.");
            }
            if (kinds.values().stream().noneMatch(LayerKind::isNetworkOutput)) {
                error(null, "The network has no output.", "Add an Output from the Outputs group and wire the last layer to it.");
            }
        }
    }
}
