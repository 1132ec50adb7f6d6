package dev.deepcanvas.runtime.evaluate;

/**
 * The model's answer for one held-out example, for listing what it got right and wrong.
 *
 * @param origin where the example came from: a CSV line number or an index into the image files
 * @param actual the true class index (classification) or -1
 * @param predicted the predicted class index (classification) or -1
 * @param confidence the probability of the predicted class (classification) or NaN
 * @param actualValue the true quantity in the target's units (regression) or NaN
 * @param predictedValue the predicted quantity (regression) or NaN
 */
public record ExamplePrediction(int origin, int actual, int predicted, double confidence, double actualValue, double predictedValue) {

    public boolean correct() {
        return actual == predicted;
    }
}
