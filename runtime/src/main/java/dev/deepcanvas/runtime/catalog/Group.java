package dev.deepcanvas.runtime.catalog;

/** Palette groups, in the order the palette shows them. */
public enum Group {
    INPUTS("Inputs"),
    CORE("Core"),
    CONVOLUTION("Convolution"),
    RECURRENT("Recurrent"),
    ATTENTION("Attention"),
    MERGE("Merge"),
    OUTPUTS("Outputs");

    private final String title;

    Group(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
