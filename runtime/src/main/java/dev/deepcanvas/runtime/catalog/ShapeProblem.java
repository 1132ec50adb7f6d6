package dev.deepcanvas.runtime.catalog;

/** A shape rule's refusal: what is wrong, in the user's words, and how to fix it. */
public final class ShapeProblem extends Exception {

    private final String hint;

    public ShapeProblem(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
