package dev.deepcanvas.runtime.data.images;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.StratifiedSplit;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.images.ClassFolders.ImageFile;
import dev.deepcanvas.runtime.document.DataBinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares an image-folder data set (one sub-folder per class) for training: every usable image
 * is encoded with one {@link ImageEncoding}, then split per class with {@link StratifiedSplit}.
 * Files that cannot be read are skipped and reported, never fatal: one bad download among
 * thousands of photos should not stop a run.
 */
public final class ImageFolderLoader {

    /** Below this the validation accuracy jumps by 10 points or more with a single image. */
    static final int SMALL_VALIDATION = 10;

    private ImageFolderLoader() {}

    /**
     * @param folder the data folder, with one sub-folder per class
     * @param seed the training seed; the same seed gives the same split
     */
    public static PreparedData prepare(Path folder, DataBinding binding, long seed, int height, int width, int channels)
            throws DataException, IOException {
        ImageEncoding encoding = new ImageEncoding(height, width, channels);
        ClassFolders dataSet = ClassFolders.scan(folder);
        List<ImageFile> files = dataSet.files();
        List<String> classNames = dataSet.classNames();
        if ((long) files.size() * encoding.featureWidth() > Integer.MAX_VALUE - 8) {
            throw new DataException(folder.toString(), String.format(java.util.Locale.ROOT,
                    "%,d images of %d×%d×%d are too many values to hold in memory; choose a smaller image size",
                    files.size(), height, width, channels));
        }
        ParallelEncoding.Result encoded = ParallelEncoding.encode(files, encoding);

        List<String> skipped = new ArrayList<>();
        List<String> usableFiles = new ArrayList<>();
        List<float[]> usableFeatures = new ArrayList<>();
        List<Integer> usableClasses = new ArrayList<>();
        int[] perClass = new int[classNames.size()];
        for (int i = 0; i < files.size(); i++) {
            ImageFile file = files.get(i);
            if (encoded.features()[i] == null) {
                skipped.add(file.relativePath() + ": " + encoded.problems()[i]);
            } else {
                usableFiles.add(file.relativePath());
                usableFeatures.add(encoded.features()[i]);
                usableClasses.add(file.classIndex());
                perClass[file.classIndex()]++;
            }
        }
        for (int c = 0; c < classNames.size(); c++) {
            if (perClass[c] == 0) {
                throw new DataException(folder.toString(), "class folder '" + classNames.get(c) + "' has no readable images");
            }
        }

        int[] classes = usableClasses.stream().mapToInt(Integer::intValue).toArray();
        StratifiedSplit split = StratifiedSplit.of(classes, classes.length,
                binding.trainFraction(), binding.validationFraction(), seed);
        Examples train = examples(split.train(), usableFeatures, classes, encoding, classNames.size());
        Examples validation = examples(split.validation(), usableFeatures, classes, encoding, classNames.size());
        Examples test = examples(split.test(), usableFeatures, classes, encoding, classNames.size());

        Map<String, Map<String, Integer>> classCounts = new LinkedHashMap<>();
        classCounts.put("train", train.classCounts(classNames));
        classCounts.put("validation", validation.classCounts(classNames));
        classCounts.put("test", test.classCounts(classNames));
        List<String> warnings = new ArrayList<>(imbalanceWarnings(perClass, classNames));
        if (binding.validationFraction() > 0 && validation.size() < SMALL_VALIDATION) {
            warnings.add("the validation split has only " + validation.size()
                    + " images, so its accuracy will be noisy; add images or raise the validation fraction");
        }
        DataReport report = new DataReport(files.size(), 0, Map.of(), classCounts, skipped, warnings);
        return new PreparedData(Target.classes("class", classNames), train, validation, test, encoding, report, usableFiles);
    }

    /**
     * Copies the chosen examples into one array. Each image belongs to exactly one split, so its
     * own array is released once copied and memory peaks near one copy of the data set, not two.
     */
    private static Examples examples(int[] chosen, List<float[]> features, int[] classes, ImageEncoding encoding, int classCount) {
        int fw = encoding.featureWidth();
        float[] values = new float[chosen.length * fw];
        float[] labels = new float[chosen.length * classCount];
        for (int k = 0; k < chosen.length; k++) {
            int i = chosen[k];
            System.arraycopy(features.get(i), 0, values, k * fw, fw);
            features.set(i, null);
            labels[k * classCount + classes[i]] = 1f;
        }
        return new Examples(encoding.exampleShape(), values, classCount, labels, chosen.clone());
    }


    /** A class with less than half the images of the largest tends to be ignored by the network. */
    private static List<String> imbalanceWarnings(int[] perClass, List<String> classNames) {
        int largest = 0;
        for (int c = 1; c < perClass.length; c++) {
            if (perClass[c] > perClass[largest]) {
                largest = c;
            }
        }
        List<String> warnings = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] * 2 < perClass[largest]) {
                warnings.add(String.format("class '%s' has %d images, less than half of the %d in '%s'; the network may learn to ignore it",
                        classNames.get(c), perClass[c], perClass[largest], classNames.get(largest)));
            }
        }
        return warnings;
    }
}
