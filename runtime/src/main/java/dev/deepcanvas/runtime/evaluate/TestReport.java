package dev.deepcanvas.runtime.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How well a trained model does on held-out examples. */
public sealed interface TestReport permits ClassificationReport, RegressionReport {

    /** How many examples were scored. */
    int total();

    /** Plain-text report for the command line. */
    String toText();

    ObjectNode toJson();
}
