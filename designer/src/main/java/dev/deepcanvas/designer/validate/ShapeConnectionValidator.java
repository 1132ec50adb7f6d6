package dev.deepcanvas.designer.validate;

import dev.deepcanvas.designer.model.Documents;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a wire that would close a loop, fill an occupied input port, enter a network input, or
 * make the target layer's shape rule fail. The last is decided by the engine itself: the wire is
 * tried on a copy of the document and shape inference looks for new errors on the target.
 */
public final class ShapeConnectionValidator implements ConnectionValidator {

    private final LayerCatalog catalog;
    private final ShapeInference inference;

    public ShapeConnectionValidator(LayerCatalog catalog) {
        this.catalog = catalog;
        this.inference = new ShapeInference(catalog);
    }

    @Override
    public Verdict check(NetworkDocument doc, Edge e) {
        if (e.from().equals(e.to())) {
            return Verdict.refused("A layer cannot feed itself.");
        }
        LayerKind target = catalog.find(doc.node(e.to()).map(n -> n.kind()).orElse("")).orElse(null);
        if (target == null || doc.indexOf(e.from()) < 0) {
            return Verdict.refused("That layer is unknown.");
        }
        if (target.maxInputs() == 0) {
            return Verdict.refused(target.id() + " is a network input: it takes no incoming wires.");
        }
        if (e.toPort() < 0 || e.toPort() >= target.maxInputs()) {
            return Verdict.refused(target.id() + " has no input port " + (e.toPort() + 1) + ".");
        }
        for (Edge existing : doc.edges()) {
            if (existing.to().equals(e.to()) && existing.toPort() == e.toPort()) {
                return Verdict.refused(target.maxInputs() == 1
                        ? e.to() + " already has an input (from " + existing.from() + "). Delete that wire first, or merge both with Add or Concatenate."
                        : "Input " + (e.toPort() + 1) + " of " + e.to() + " is taken (from " + existing.from() + ").");
            }
        }
        if (reaches(doc, e.to(), e.from())) {
            return Verdict.refused("This wire would make a loop: " + e.to() + " already feeds " + e.from() + ". Data must flow one way.");
        }
        return shapeVerdict(doc, e);
    }

    private Verdict shapeVerdict(NetworkDocument doc, Edge e) {
        Set<String> before = new HashSet<>();
        for (Diagnostic d : inference.run(doc).diagnosticsFor(e.to())) {
            if (d.isError()) {
                before.add(d.message());
            }
        }
        NetworkDocument trial = Documents.copy(doc);
        trial.connect(e);
        List<Diagnostic> after = inference.run(trial).diagnosticsFor(e.to());
        for (Diagnostic d : after) {
            if (d.isError() && !before.contains(d.message())) {
                return Verdict.refused(d.message() + " " + d.hint());
            }
        }
        return Verdict.ok();
    }

    /** True when data already flows from {@code start} to {@code goal}. */
    private static boolean reaches(NetworkDocument doc, String start, String goal) {
        Map<String, List<String>> consumers = new HashMap<>();
        for (Edge out : doc.edges()) {
            consumers.computeIfAbsent(out.from(), k -> new ArrayList<>()).add(out.to());
        }
        Deque<String> stack = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!stack.isEmpty()) {
            String id = stack.pop();
            if (id.equals(goal)) {
                return true;
            }
            if (seen.add(id)) {
                stack.addAll(consumers.getOrDefault(id, List.of()));
            }
        }
        return false;
    }
}
