package dev.deepcanvas.designer.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TemplateGalleryTest {

    @Test
    void the_gallery_lists_every_template_of_the_samples_folder_starting_with_the_course_example() throws Exception {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("../samples/templates"))) {
            onDisk = files.map(p -> p.getFileName().toString().replace(".deepcanvas", "")).sorted().toList();
        }
        List<String> offered = Templates.standard().names();
        assertEquals(onDisk, offered.stream().sorted().toList());
        assertEquals(Templates.STARTER, offered.get(0));
    }

    @Test
    void every_template_loads_with_its_published_size() {
        var items = new TemplateGallery(Templates.standard()).items();
        assertEquals(Templates.standard().names().size(), items.size());
        assertEquals(6154, items.get(0).parameters());
        assertEquals(25_636_712, items.stream().filter(i -> i.name().equals("resnet50")).findFirst().orElseThrow().parameters());
    }
}
