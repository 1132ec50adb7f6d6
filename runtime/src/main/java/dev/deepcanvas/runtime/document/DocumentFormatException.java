package dev.deepcanvas.runtime.document;

/** A project file that cannot be read, with one message naming the problem and where it is. */
public final class DocumentFormatException extends Exception {

    public DocumentFormatException(String message) {
        super(message, null, false, false);
    }
}
