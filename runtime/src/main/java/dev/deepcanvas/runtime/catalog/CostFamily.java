package dev.deepcanvas.runtime.catalog;

/**
 * The kind of native code a layer's work runs in, each calibrated at its own speed
 * ({@code Calibration}): matrix products, oneDNN's convolutions, DL4J's recurrent loops, and
 * SameDiff graphs (attention, layer normalisation), whose many small operations run far below the
 * others' FLOP rate.
 */
public enum CostFamily {
    DENSE,
    CONVOLUTION,
    RECURRENT,
    GRAPH
}
