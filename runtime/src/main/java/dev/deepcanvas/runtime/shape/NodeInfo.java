package dev.deepcanvas.runtime.shape;

/**
 * What inference found for one layer: its output shape and parameter counts.
 *
 * @param frozen true when the user froze the layer and it has weights to keep; then none of its
 *     parameters is trainable
 */
public record NodeInfo(Shape shape, long parameters, long trainable, boolean frozen) {}
