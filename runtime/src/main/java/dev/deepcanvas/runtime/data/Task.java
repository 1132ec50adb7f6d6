package dev.deepcanvas.runtime.data;

/** What the data asks the network to predict. */
public enum Task {
    /** One of several named classes (two classes is a yes/no decision). */
    CLASSIFICATION,
    /** A quantity. */
    REGRESSION
}
