package dev.deepcanvas.runtime.shape;

/** How bad a diagnostic is: errors keep the network from compiling, warnings do not. */
public enum Severity {
    ERROR,
    WARNING
}
