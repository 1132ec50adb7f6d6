package dev.deepcanvas.designer.validate;

/** Whether a wire may be made, and if not, why, in the user's words. */
public record Verdict(boolean allowed, String reason) {

    private static final Verdict OK = new Verdict(true, "");

    public static Verdict ok() {
        return OK;
    }

    public static Verdict refused(String reason) {
        return new Verdict(false, reason);
    }
}
