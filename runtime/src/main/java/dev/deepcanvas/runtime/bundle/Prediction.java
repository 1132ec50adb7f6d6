package dev.deepcanvas.runtime.bundle;

import java.util.List;

/**
 * The model's answer for one example: the most likely class and every class's probability, or a
 * quantity in the target's units (then {@code classes} is empty and {@code label} is the value).
 */
public record Prediction(String label, double value, List<String> classes, double[] probabilities) {

    public static Prediction quantity(double value) {
        return new Prediction(Double.toString(value), value, List.of(), new double[0]);
    }

    public boolean isClassification() {
        return !classes.isEmpty();
    }

    /** The probability of the predicted class. */
    public double confidence() {
        return isClassification() ? probabilities[classes.indexOf(label)] : Double.NaN;
    }
}
