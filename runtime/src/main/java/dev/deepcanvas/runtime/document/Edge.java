package dev.deepcanvas.runtime.document;

import java.util.Objects;

/**
 * A wire from a node's output port to another node's input port. Every layer has one output port
 * (0); merge layers have several input ports, whose order is the order of their inputs.
 */
public record Edge(String from, int fromPort, String to, int toPort) {

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static Edge of(String from, String to) {
        return new Edge(from, 0, to, 0);
    }

    public static Edge of(String from, String to, int toPort) {
        return new Edge(from, 0, to, toPort);
    }

    public boolean touches(String nodeId) {
        return from.equals(nodeId) || to.equals(nodeId);
    }
}
