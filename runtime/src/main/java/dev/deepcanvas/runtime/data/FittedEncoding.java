package dev.deepcanvas.runtime.data;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How raw inputs become the network's input values, with everything fitted on the training split
 * (category lists, means, standard deviations, fill values, image size). Saved in a model bundle
 * as JSON so that predictions on new raw inputs match training exactly.
 */
public interface FittedEncoding {

    /** Shape of one encoded example, as in {@link Examples#exampleShape()}. */
    long[] exampleShape();

    /** A JSON object with a "type" field ("table" or "images") and the fitted values. */
    ObjectNode toJson();
}
