package dev.deepcanvas.designer.layout;

import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_HEIGHT;
import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_WIDTH;

import dev.deepcanvas.runtime.document.Edge;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Arranges a network left to right in layers with ELK's layered algorithm (Sugiyama style): inputs
 * on the left, outputs on the right, few crossings, merge inputs kept in port order. Pure
 * computation on a {@link LayoutGraph}; safe to run off the JavaFX thread.
 */
public final class AutoLayout {

    static final double LAYER_GAP = 90;
    static final double NODE_GAP = 36;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** New top-left positions for every layer, starting where the network started. */
    public Map<String, double[]> layout(LayoutGraph input) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_GAP);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 20.0);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<String, ElkPort> outPorts = new HashMap<>();
        Map<String, List<ElkPort>> inPorts = new HashMap<>();
        input.inputPorts().forEach((id, count) -> {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(id);
            n.setDimensions(NODE_WIDTH, NODE_HEIGHT);
            n.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_ORDER);
            List<ElkPort> ins = new java.util.ArrayList<>();
            for (int p = 0; p < count; p++) {
                ElkPort port = ElkGraphUtil.createPort(n);
                port.setProperty(CoreOptions.PORT_SIDE, PortSide.WEST);
                port.setProperty(CoreOptions.PORT_INDEX, p);
                port.setDimensions(1, 1);
                ins.add(port);
            }
            ElkPort out = ElkGraphUtil.createPort(n);
            out.setProperty(CoreOptions.PORT_SIDE, PortSide.EAST);
            out.setDimensions(1, 1);
            nodes.put(id, n);
            outPorts.put(id, out);
            inPorts.put(id, ins);
        });
        for (Edge e : input.edges()) {
            List<ElkPort> ins = inPorts.get(e.to());
            if (outPorts.containsKey(e.from()) && ins != null && e.toPort() < ins.size()) {
                ElkGraphUtil.createSimpleEdge(outPorts.get(e.from()), ins.get(e.toPort()));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (ElkNode n : nodes.values()) {
            minX = Math.min(minX, n.getX());
            minY = Math.min(minY, n.getY());
        }
        Map<String, double[]> positions = new LinkedHashMap<>();
        for (var entry : nodes.entrySet()) {
            ElkNode n = entry.getValue();
            positions.put(entry.getKey(), new double[] {
                Math.round(input.left() + n.getX() - minX), Math.round(input.top() + n.getY() - minY)});
        }
        return positions;
    }
}
