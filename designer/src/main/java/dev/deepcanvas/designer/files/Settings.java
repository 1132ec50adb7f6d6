package dev.deepcanvas.designer.files;

import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the designer remembers between runs (theme, recent files), in {@code settings.properties}
 * in the DeepCanvas folder of the user ({@code ~/.deepcanvas} unless told otherwise).
 */
public final class Settings {

    /** Created when first needed: starting the logging library costs time before the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(Settings.class);
    }
    static final int MAX_RECENT = 8;

    private final Path home;
    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path home) {
        this.home = home;
        this.file = home.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                log().warn("Could not read {}; starting with default settings", file, e);
            }
        }
    }

    /** The DeepCanvas folder: {@code -Ddeepcanvas.home=...} or {@code ~/.deepcanvas}. */
    public static Path defaultHome() {
        return AppHome.folder();
    }

    public Path home() {
        return home;
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(values.getProperty("theme.dark", "false"));
    }

    public void setDarkTheme(boolean dark) {
        values.setProperty("theme.dark", Boolean.toString(dark));
        store();
    }

    /** Recently opened or saved files, newest first, that still exist. */
    public List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = values.getProperty("recent." + i);
            if (p != null && Files.isRegularFile(Path.of(p))) {
                files.add(Path.of(p));
            }
        }
        return files;
    }

    public void addRecent(Path file) {
        List<Path> files = new ArrayList<>(recentFiles());
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        setRecent(files);
    }

    public void clearRecent() {
        setRecent(List.of());
    }

    private void setRecent(List<Path> files) {
        for (int i = 0; i < MAX_RECENT; i++) {
            values.remove("recent." + i);
        }
        for (int i = 0; i < Math.min(MAX_RECENT, files.size()); i++) {
            values.setProperty("recent." + i, files.get(i).toString());
        }
        store();
    }

    /** The folder the last file was opened from or saved to. */
    public Path lastFolder() {
        String p = values.getProperty("folder.last");
        return p != null && Files.isDirectory(Path.of(p)) ? Path.of(p) : Path.of(System.getProperty("user.home"));
    }

    public void setLastFolder(Path folder) {
        if (folder != null) {
            values.setProperty("folder.last", folder.toAbsolutePath().toString());
            store();
        }
    }

    private void store() {
        try {
            Files.createDirectories(home);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            values.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "DeepCanvas settings");
            AtomicFiles.write(file, out.toByteArray());
        } catch (IOException e) {
            log().warn("Could not save settings to {}", file, e);
        }
    }
}
