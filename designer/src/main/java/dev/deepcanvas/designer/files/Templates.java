package dev.deepcanvas.designer.files;

import dev.deepcanvas.runtime.document.DocumentFormatException;
import dev.deepcanvas.runtime.document.DocumentJson;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture templates shipped in the samples module (resources under {@link #FOLDER}). Every
 * {@code .deepcanvas} file there is offered, so a new template needs no code.
 */
public final class Templates {

    static final String FOLDER = "dev/deepcanvas/samples/templates/";
    /** The course's example network, opened when the designer starts. */
    public static final String STARTER = "keras-mlp";
    /** The order of the gallery; templates not named here follow alphabetically. */
    static final List<String> ORDER = List.of("keras-mlp", "keras-mnist-convnet", "dl4j-lenet", "dl4j-alexnet", "keras-embedding-lstm", "keras-transformer", "vgg16", "resnet50");

    private final ClassLoader loader;

    public Templates(ClassLoader loader) {
        this.loader = loader;
    }

    public static Templates standard() {
        return new Templates(Templates.class.getClassLoader());
    }

    /** The names of every template (file names without ending), in gallery order. */
    public List<String> names() {
        URL marker = loader.getResource(FOLDER + STARTER + ".deepcanvas");
        if (marker == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("jar".equals(marker.getProtocol())) {
                try (FileSystem fs = openJar(marker.toURI())) {
                    collect(fs.getPath("/" + FOLDER), names);
                }
            } else {
                collect(Path.of(marker.toURI()).getParent(), names);
            }
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot list templates", e));
        }
        names.sort((a, b) -> {
            int ia = ORDER.indexOf(a);
            int ib = ORDER.indexOf(b);
            if (ia >= 0 && ib >= 0) {
                return Integer.compare(ia, ib);
            }
            return ia >= 0 ? -1 : ib >= 0 ? 1 : a.compareTo(b);
        });
        return names;
    }

    private static FileSystem openJar(URI inJar) throws IOException {
        String s = inJar.getRawSchemeSpecificPart();
        return FileSystems.newFileSystem(Path.of(URI.create(s.substring(0, s.indexOf("!/")))), (ClassLoader) null);
    }

    private static void collect(Path folder, List<String> names) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".deepcanvas"))
                    .map(n -> n.substring(0, n.length() - ".deepcanvas".length()))
                    .forEach(names::add);
        }
    }

    public NetworkDocument load(String name) throws IOException, DocumentFormatException {
        try (InputStream in = loader.getResourceAsStream(FOLDER + name + ".deepcanvas")) {
            if (in == null) {
                throw new IOException("There is no template called " + name + ".");
            }
            return new DocumentJson().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
