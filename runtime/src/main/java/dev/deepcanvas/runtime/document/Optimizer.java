package dev.deepcanvas.runtime.document;

/** The optimisers the trainer offers, by their file-format names. */
public enum Optimizer {
    SGD("sgd"),
    NESTEROV("nesterov"),
    ADAM("adam"),
    RMSPROP("rmsprop"),
    ADAGRAD("adagrad");

    private final String fileName;

    Optimizer(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static Optimizer fromFileName(String name) {
        for (Optimizer o : values()) {
            if (o.fileName.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
