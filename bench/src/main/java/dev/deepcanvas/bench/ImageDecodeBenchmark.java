package dev.deepcanvas.bench;

import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.images.ImageFolderLoader;
import dev.deepcanvas.runtime.document.DataBinding;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Image-folder loading speed: decode, resize/convert and store, on all cores (goal ≥ 5,000 images/s
 * for 28×28 grey PNGs). Without arguments it writes 10,000 random 28×28 grey PNGs in 10 class
 * folders to a temporary folder (deleted afterwards); {@code FOLDER [HEIGHT WIDTH CHANNELS]} times
 * a folder of your own instead. Run with bench/run-images.sh; prints the median of 5 timed runs.
 */
public final class ImageDecodeBenchmark {

    private ImageDecodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 28;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 28;
        int channels = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path generated = args.length == 0 ? Files.createTempDirectory("deepcanvas-image-bench") : null;
        try {
            Path folder = generated != null ? writeRandomPngs(generated, 10, 1_000) : Path.of(args[0]);
            DataBinding binding = DataBinding.images(folder.toString());
            System.out.printf("folder: %s, encoded as %d×%d×%d, %d processors%n",
                    folder, height, width, channels, Runtime.getRuntime().availableProcessors());
            int rounds = 5;
            double[] perSecond = new double[rounds];
            for (int round = -2; round < rounds; round++) { // two warm-up rounds
                long t0 = System.nanoTime();
                PreparedData data = ImageFolderLoader.prepare(folder, binding, 1, height, width, channels);
                double seconds = (System.nanoTime() - t0) / 1e9;
                int images = data.imageFiles().size();
                if (round >= 0) {
                    perSecond[round] = images / seconds;
                }
                System.out.printf("%s %,d images (%d skipped) in %.3f s: %,.0f images/s%n", round < 0 ? "warm-up" : "run    ",
                        images, data.report().skipped().size(), seconds, images / seconds);
            }
            Arrays.sort(perSecond);
            System.out.printf("median: %,.0f images/s (goal for 28×28 grey PNGs: 5,000)%n", perSecond[rounds / 2]);
        } finally {
            if (generated != null) {
                deleteTree(generated);
            }
        }
    }

    /** Random grey noise, which PNG cannot compress, so each file is a worst case for decoding. */
    static Path writeRandomPngs(Path root, int classes, int perClass) throws IOException {
        Random random = new Random(1);
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[28 * 28];
        for (int c = 0; c < classes; c++) {
            Path folder = Files.createDirectories(root.resolve(String.valueOf(c)));
            for (int i = 0; i < perClass; i++) {
                random.nextBytes(pixels);
                image.getRaster().setDataElements(0, 0, 28, 28, pixels);
                ImageIO.write(image, "png", folder.resolve(String.format("%05d.png", i)).toFile());
            }
        }
        return root;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
