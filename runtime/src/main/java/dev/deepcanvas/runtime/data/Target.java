package dev.deepcanvas.runtime.data;

import java.util.List;

/**
 * What is predicted and how labels are encoded: class names for classification (label i is
 * one-hot position i), or for regression the target's training mean and standard deviation
 * (labels are standardised for training; predictions are mapped back).
 *
 * @param relative for a forecast of the change since the last step (differencing): labels and
 *     outputs are changes, and {@link Examples#reference()} holds the level they are added to
 */
public record Target(Task task, String name, List<String> classNames, double mean, double std, boolean relative) {

    public Target {
        classNames = List.copyOf(classNames);
    }

    public Target(Task task, String name, List<String> classNames, double mean, double std) {
        this(task, name, classNames, mean, std, false);
    }

    public static Target classes(String name, List<String> classNames) {
        return new Target(Task.CLASSIFICATION, name, classNames, 0, 1);
    }

    public static Target quantity(String name, double mean, double std) {
        return new Target(Task.REGRESSION, name, List.of(), mean, std);
    }

    /** A forecast of the change of {@code name} since the last step; mean and spread are the changes'. */
    public static Target change(String name, double mean, double std) {
        return new Target(Task.REGRESSION, name, List.of(), mean, std, true);
    }

    public int width() {
        return task == Task.CLASSIFICATION ? classNames.size() : 1;
    }

    /** A standardised network output back in the target's own units. */
    public double toUnits(double standardised) {
        return standardised * std + mean;
    }
}
