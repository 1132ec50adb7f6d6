package dev.deepcanvas.runtime.export;

import java.util.Locale;

/** The frameworks a network exports to, by the name the command line takes. */
public enum Framework {
    PYTORCH("PyTorch");

    private final String title;

    Framework(String title) {
        this.title = title;
    }

    public String title() {
        return title;
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
