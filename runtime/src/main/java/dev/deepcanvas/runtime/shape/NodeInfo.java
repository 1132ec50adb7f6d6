package dev.deepcanvas.runtime.shape;

/** What inference found for one layer: its output shape and parameter counts. */
public record NodeInfo(Shape shape, long parameters, long trainable) {}
