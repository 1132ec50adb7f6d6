package dev.deepcanvas.runtime.data;

/**
 * Data that cannot be used, with the place it was found: {@code iris.csv, line 17, column
 * 'sepal_width': 'abc' is not a number}. Fields are null where they do not apply.
 */
public final class DataException extends Exception {

    private final String file;
    private final Integer line;
    private final String column;
    private final String value;

    public DataException(String file, Integer line, String column, String value, String problem) {
        super(format(file, line, column, value, problem), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    public DataException(String file, String problem) {
        this(file, null, null, null, problem);
    }

    private static String format(String file, Integer line, String column, String value, String problem) {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
        }
        if (line != null) {
            s.append(s.isEmpty() ? "" : ", ").append("line ").append(line);
        }
        if (column != null) {
            s.append(s.isEmpty() ? "" : ", ").append("column '").append(column).append("'");
        }
        if (value != null) {
            s.append(s.isEmpty() ? "" : ", ").append("value '").append(value).append("'");
        }
        return s.isEmpty() ? problem : s + ": " + problem;
    }

    public String file() {
        return file;
    }

    public Integer line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }
}
