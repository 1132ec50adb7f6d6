package dev.deepcanvas.runtime.bundle;

/** A model bundle that cannot be read, with the reason in plain words. */
public final class BundleFormatException extends Exception {

    public BundleFormatException(String message) {
        super(message, null, false, false);
    }
}
