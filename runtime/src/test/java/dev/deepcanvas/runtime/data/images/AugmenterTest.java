package dev.deepcanvas.runtime.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DataBinding.Augmentation;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static float[] randomBatch(int values, long seed) {
        Random random = new Random(seed);
        float[] batch = new float[values];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = random.nextFloat();
        }
        return batch;
    }

    @Test
    void with_nothing_enabled_it_is_inactive_and_changes_nothing() {
        Augmenter none = new Augmenter(Augmentation.NONE, 3, 5, 4);
        assertFalse(none.isActive());
        float[] batch = randomBatch(2 * 60, 1);
        none.augment(batch, 2, new Random(1));
        assertArrayEquals(randomBatch(2 * 60, 1), batch);
        assertTrue(new Augmenter(new Augmentation(true, 0, 0), 1, 2, 2).isActive());
        assertTrue(new Augmenter(new Augmentation(false, 10, 0), 1, 2, 2).isActive());
        assertTrue(new Augmenter(new Augmentation(false, 0, 2), 1, 2, 2).isActive());
    }

    @Test
    void a_rotation_too_small_to_move_a_pixel_and_no_shift_leave_the_batch_unchanged() {
        float[] batch = randomBatch(4 * 3 * 9 * 9, 2);
        new Augmenter(new Augmentation(false, 0.001, 0), 3, 9, 9).augment(batch, 4, new Random(2));
        assertArrayEquals(randomBatch(4 * 3 * 9 * 9, 2), batch);
    }

    @Test
    void a_flip_mirrors_every_row_of_every_channel_and_a_second_flip_gives_back_the_image() {
        long seed = 3;
        assertTrue(new Random(seed).nextBoolean(), "this seed's first draw is a flip");
        Augmenter flip = new Augmenter(new Augmentation(true, 0, 0), 2, 2, 3);
        float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

        float[] once = image.clone();
        flip.augment(once, 1, new Random(seed));
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10}, once);

        float[] twice = once.clone();
        flip.augment(twice, 1, new Random(seed));
        assertArrayEquals(image, twice);
    }

    @Test
    void flips_happen_to_about_half_of_the_images() {
        int n = 1000;
        float[] batch = new float[n * 2];
        for (int e = 0; e < n; e++) {
            batch[e * 2] = 1;
        }
        new Augmenter(new Augmentation(true, 0, 0), 1, 1, 2).augment(batch, n, new Random(4));
        int flipped = 0;
        for (int e = 0; e < n; e++) {
            flipped += (int) batch[e * 2 + 1];
        }
        assertTrue(flipped > 440 && flipped < 560, flipped + " of 1000 flipped");
    }

    @Test
    void a_shift_moves_a_single_bright_pixel_by_whole_pixels_within_the_limit_in_x_and_y() {
        int size = 11;
        int n = 300;
        float[] batch = new float[n * size * size];
        for (int e = 0; e < n; e++) {
            batch[e * size * size + 5 * size + 5] = 1;
        }
        new Augmenter(new Augmentation(false, 0, 3), 1, size, size).augment(batch, n, new Random(5));
        Set<Integer> xs = new HashSet<>();
        Set<Integer> ys = new HashSet<>();
        for (int e = 0; e < n; e++) {
            int bright = -1;
            for (int p = 0; p < size * size; p++) {
                float v = batch[e * size * size + p];
                if (v == 1) {
                    assertEquals(-1, bright, "one bright pixel in image " + e);
                    bright = p;
                } else {
                    assertEquals(0f, v);
                }
            }
            xs.add(bright % size - 5);
            ys.add(bright / size - 5);
        }
        assertEquals(Set.of(-3, -2, -1, 0, 1, 2, 3), xs);
        assertEquals(Set.of(-3, -2, -1, 0, 1, 2, 3), ys);
    }

    @Test
    void a_pixel_shifted_out_of_the_image_leaves_an_empty_image() {
        float[] batch = new float[1000 * 4];
        for (int e = 0; e < 1000; e++) {
            batch[e * 4] = 1;
        }
        new Augmenter(new Augmentation(false, 0, 1), 1, 2, 2).augment(batch, 1000, new Random(6));
        int empty = 0;
        for (int e = 0; e < 1000; e++) {
            float sum = batch[e * 4] + batch[e * 4 + 1] + batch[e * 4 + 2] + batch[e * 4 + 3];
            assertTrue(sum == 0 || sum == 1, "the pixel is moved, not copied");
            empty += sum == 0 ? 1 : 0;
        }
        // Shifted by -1 in x or y (5 of the 9 equally likely shifts) pushes the top-left pixel out.
        assertTrue(empty > 500 && empty < 610, empty + " empty");
    }

    @Test
    void a_rotation_turns_pixels_about_the_centre() {
        int size = 11;
        int n = 200;
        float[] batch = new float[n * size * size];
        for (int e = 0; e < n; e++) {
            batch[e * size * size + 5 * size + 5] = 1;   // the centre
            batch[e * size * size + 5 * size + 9] = 0.5f; // 4 pixels right of it
        }
        new Augmenter(new Augmentation(false, 30, 0), 1, size, size).augment(batch, n, new Random(7));
        Set<Integer> places = new HashSet<>();
        for (int e = 0; e < n; e++) {
            assertEquals(1f, batch[e * size * size + 5 * size + 5], "the centre stays");
            for (int p = 0; p < size * size; p++) {
                if (batch[e * size * size + p] == 0.5f) {
                    int dx = p % size - 5;
                    int dy = p / size - 5;
                    double angle = Math.toDegrees(Math.atan2(dy, dx));
                    assertTrue(Math.abs(Math.hypot(dx, dy) - 4) <= 0.75, "same distance from the centre: " + dx + "," + dy);
                    assertTrue(Math.abs(angle) <= 30 + 15, "within the angle: " + angle);
                    places.add(p);
                }
            }
        }
        assertTrue(places.size() >= 3, "rotations vary: " + places);
    }

    @Test
    void values_stay_between_0_and_1() {
        float[] batch = randomBatch(16 * 3 * 8 * 8, 8);
        new Augmenter(new Augmentation(true, 45, 2), 3, 8, 8).augment(batch, 16, new Random(8));
        for (float v : batch) {
            assertTrue(v >= 0 && v <= 1, "value " + v);
        }
    }

    @Test
    void the_same_seed_gives_the_same_changes_and_another_seed_others() {
        Augmenter all = new Augmenter(new Augmentation(true, 20, 2), 3, 8, 8);
        float[] a = randomBatch(16 * 192, 9);
        float[] b = randomBatch(16 * 192, 9);
        float[] c = randomBatch(16 * 192, 9);
        all.augment(a, 16, new Random(10));
        all.augment(b, 16, new Random(10));
        all.augment(c, 16, new Random(11));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        assertFalse(java.util.Arrays.equals(a, randomBatch(16 * 192, 9)));
    }

    @Test
    void only_the_given_number_of_images_is_changed() {
        float[] batch = randomBatch(3 * 4, 12);
        new Augmenter(new Augmentation(true, 90, 1), 1, 2, 2).augment(batch, 2, new Random(12));
        float[] original = randomBatch(3 * 4, 12);
        assertArrayEquals(java.util.Arrays.copyOfRange(original, 8, 12), java.util.Arrays.copyOfRange(batch, 8, 12));
    }

    @Test
    void a_batch_too_small_for_the_images_is_refused() {
        Augmenter flip = new Augmenter(new Augmentation(true, 0, 0), 1, 2, 2);
        assertEquals("3 images of 4 values do not fit in a batch of 8",
                assertThrows(IllegalArgumentException.class, () -> flip.augment(new float[8], 3, new Random())).getMessage());
    }

    @Test
    void impossible_settings_are_refused() {
        assertEquals("rotation must be 0 to 180 degrees, not -5.0",
                assertThrows(IllegalArgumentException.class, () -> new Augmenter(new Augmentation(false, -5, 0), 1, 2, 2)).getMessage());
        assertEquals("shift must be 0 or more pixels, not -1",
                assertThrows(IllegalArgumentException.class, () -> new Augmenter(new Augmentation(false, 0, -1), 1, 2, 2)).getMessage());
    }
}
