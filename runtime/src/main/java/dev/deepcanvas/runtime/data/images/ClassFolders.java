package dev.deepcanvas.runtime.data.images;

import dev.deepcanvas.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The layout of an image data set: one sub-folder per class, named after the class, holding PNG,
 * JPEG or BMP files. Classes and files are sorted by name so that the class indices and the split
 * are the same on every machine. Hidden entries (a leading '.', such as macOS's {@code ._x.png}
 * copies or {@code .git}) and other files are ignored; sub-folders of a class folder too.
 */
record ClassFolders(List<String> classNames, List<ImageFile> files) {

    /** One image file of the data set. */
    record ImageFile(Path path, String relativePath, int classIndex) {}

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp");

    static ClassFolders scan(Path folder) throws DataException, IOException {
        String where = folder.toString();
        if (!Files.exists(folder)) {
            throw new DataException(where, "the folder does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new DataException(where, "not a folder; image data is a folder with one sub-folder per class");
        }
        List<Path> classFolders = sortedEntries(folder, Files::isDirectory);
        if (classFolders.isEmpty()) {
            throw new DataException(where, "no class sub-folders; put the images of each class in a sub-folder named after the class");
        }
        List<String> classNames = new ArrayList<>();
        List<ImageFile> files = new ArrayList<>();
        for (Path classFolder : classFolders) {
            String className = classFolder.getFileName().toString();
            List<Path> images = sortedEntries(classFolder, p -> Files.isRegularFile(p) && isImageName(p));
            if (images.isEmpty()) {
                throw new DataException(where, "class folder '" + className + "' has no images (.png, .jpg, .jpeg or .bmp)");
            }
            for (Path image : images) {
                files.add(new ImageFile(image, className + "/" + image.getFileName(), classNames.size()));
            }
            classNames.add(className);
        }
        if (classNames.size() < 2) {
            throw new DataException(where, "only one class sub-folder ('" + classNames.get(0) + "'); a classifier needs at least 2 classes");
        }
        return new ClassFolders(List.copyOf(classNames), List.copyOf(files));
    }

    private static List<Path> sortedEntries(Path folder, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(keep)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
