package dev.deepcanvas.runtime.export;

import java.util.Locale;

/** The frameworks a network exports to, by the name the command line takes, with the file the code starts in. */
public enum Framework {
    PYTORCH("PyTorch", "model.py"),
    KERAS("Keras", "keras_model.py"),
    JAVA("DL4J Java", "src/main/java/Main.java");

    private final String title;
    private final String mainFile;

    Framework(String title, String mainFile) {
        this.title = title;
        this.mainFile = mainFile;
    }

    public String title() {
        return title;
    }

    /** The file an export writes the network into (an existing one is replaced). */
    public String mainFile() {
        return mainFile;
    }

    /** "pytorch": the name {@code deepcanvas export --to} takes. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Framework fromCliName(String name) {
        for (Framework f : values()) {
            if (f.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown framework '" + name + "'");
    }
}
