package dev.deepcanvas.runtime.project;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.images.ImageFolderLoader;
import dev.deepcanvas.runtime.data.table.SequenceFolderLoader;
import dev.deepcanvas.runtime.data.table.SeriesLoader;
import dev.deepcanvas.runtime.data.table.TableLoader;
import dev.deepcanvas.runtime.data.table.TextLoader;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads and prepares the data a project is bound to, the same way for the window and the command line. */
public final class ProjectData {

    private ProjectData() {}

    /**
     * @param projectFile the project's file; the binding's path is relative to its folder
     */
    public static PreparedData prepare(NetworkDocument doc, Path projectFile, NetworkAnalysis analysis) throws ProjectException, IOException {
        DataBinding binding = doc.data().orElseThrow(() -> new ProjectException("The project has no data.",
                "Choose a CSV file, a text or time-series CSV, or a folder of images or sequences for it (deepcanvas train --data PATH)."));
        Path path = DocumentFiles.resolveData(binding, projectFile);
        if (!Files.exists(path)) {
            throw new ProjectException("The data " + binding.path() + " does not exist (looked for " + path + ").",
                    "Move the data back, or bind the project to its new place.");
        }
        long seed = doc.training().seed();
        try {
            return switch (binding.format()) {
                case CSV -> TableLoader.prepare(path, binding, seed);
                case TEXT -> TextLoader.prepare(path, binding, seed);
                case TIMESERIES -> SeriesLoader.prepare(path, binding, seed);
                case SEQUENCES -> SequenceFolderLoader.prepare(path, binding, seed);
                case IMAGES -> {
                    Shape.Image image = imageInput(analysis);
                    yield ImageFolderLoader.prepare(path, binding, seed, image.height(), image.width(), image.channels());
                }
            };
        } catch (DataException e) {
            throw new ProjectException(e.getMessage(), "Fix the data file, or change how the project reads it.");
        }
    }

    private static Shape.Image imageInput(NetworkAnalysis analysis) throws ProjectException {
        for (String id : analysis.order()) {
            if (analysis.inputsOf().getOrDefault(id, List.of()).isEmpty()
                    && analysis.shapeOf(id).orElse(null) instanceof Shape.Image image) {
                return image;
            }
        }
        throw new ProjectException("The data is a folder of images, but the network has no image Input.",
                "Start the network with an image Input (ImageInput) of the size the images should have.");
    }
}
