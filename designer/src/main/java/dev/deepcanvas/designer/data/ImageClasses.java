package dev.deepcanvas.designer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The class folders of an image folder: each one's name, image count and a few sample files. */
record ImageClasses(List<Folder> folders) {

    record Folder(String name, int count, List<Path> samples) {}

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    static ImageClasses scan(Path root, int samplesPerClass) throws IOException {
        List<Folder> folders = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> images = files.filter(ImageClasses::isImage).sorted().toList();
                    folders.add(new Folder(dir.getFileName().toString(), images.size(),
                            images.subList(0, Math.min(samplesPerClass, images.size()))));
                }
            }
        }
        return new ImageClasses(folders);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    int total() {
        return folders.stream().mapToInt(Folder::count).sum();
    }
}
