package dev.deepcanvas.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded train / validation / test split. For classification each class is split in the same
 * proportions (stratified), so a 3-class set with 50 examples each keeps 50/50/50 shape in every
 * split; for regression the examples are shuffled and cut. The same seed gives the same split.
 *
 * @param train indices of the training examples, in shuffled order
 */
public record StratifiedSplit(int[] train, int[] validation, int[] test) {

    /**
     * @param classes the class of each example, or null for regression
     * @param count how many examples there are
     */
    public static StratifiedSplit of(int[] classes, int count, double trainFraction, double validationFraction, long seed) {
        Random random = new Random(seed);
        List<List<Integer>> groups = new ArrayList<>();
        if (classes == null) {
            groups.add(new ArrayList<>());
            for (int i = 0; i < count; i++) {
                groups.get(0).add(i);
            }
        } else {
            int k = Arrays.stream(classes).max().orElse(-1) + 1;
            for (int c = 0; c < k; c++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < count; i++) {
                groups.get(classes[i]).add(i);
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : groups) {
            java.util.Collections.shuffle(group, random);
            int n = group.size();
            int nTrain = (int) Math.round(n * trainFraction);
            int nValidation = (int) Math.round(n * validationFraction);
            nValidation = Math.min(nValidation, n - nTrain);
            train.addAll(group.subList(0, nTrain));
            validation.addAll(group.subList(nTrain, nTrain + nValidation));
            test.addAll(group.subList(nTrain + nValidation, n));
        }
        // Interleave classes so that batches mix them.
        java.util.Collections.shuffle(train, random);
        java.util.Collections.shuffle(validation, random);
        java.util.Collections.shuffle(test, random);
        return new StratifiedSplit(ints(train), ints(validation), ints(test));
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
