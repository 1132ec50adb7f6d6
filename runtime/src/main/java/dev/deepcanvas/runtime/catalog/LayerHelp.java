package dev.deepcanvas.runtime.catalog;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-facing texts of the catalog, from the resources module's help bundle. */
public final class LayerHelp {

    static final String BUNDLE = "dev.deepcanvas.help.layers";

    private final ResourceBundle bundle;

    public LayerHelp(Locale locale) {
        bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public static LayerHelp standard() {
        return new LayerHelp(Locale.getDefault());
    }

    public String title(LayerKind kind) {
        return text(kind.id() + ".title");
    }

    /** One line for the palette. */
    public String summary(LayerKind kind) {
        return text(kind.id() + ".summary");
    }

    /** A paragraph for the inspector. */
    public String help(LayerKind kind) {
        return text(kind.id() + ".help");
    }

    public String param(LayerKind kind, String param) {
        return text(kind.id() + ".param." + param);
    }

    public String preset(LayerKind kind, Preset preset) {
        return text(kind.id() + ".preset." + preset.key());
    }

    /** The text for a key; a missing one shows the key itself, which a test forbids. */
    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
