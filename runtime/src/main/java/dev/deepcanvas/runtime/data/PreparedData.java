package dev.deepcanvas.runtime.data;

import java.util.List;

/**
 * A data set ready for training: split, encoded and normalised with statistics fitted on the
 * training split only, plus everything needed to encode new raw inputs the same way.
 *
 * @param imageFiles for image data, the files examples came from (relative to the data folder),
 *     indexed by {@link Examples#origins()}; empty for tables
 */
public record PreparedData(
        Target target,
        Examples train,
        Examples validation,
        Examples test,
        FittedEncoding encoding,
        DataReport report,
        List<String> imageFiles) {

    public PreparedData {
        imageFiles = List.copyOf(imageFiles);
    }

    /** Where example {@code origin} of a split came from, for people: "line 17" or "7/0042.png". */
    public String describeOrigin(int origin) {
        return imageFiles.isEmpty() ? "line " + origin : imageFiles.get(origin);
    }
}
