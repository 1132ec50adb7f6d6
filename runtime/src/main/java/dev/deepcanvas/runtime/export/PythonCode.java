package dev.deepcanvas.runtime.export;

import java.util.List;
import java.util.Locale;

/** Python source text: literals written so that Python reads back exactly the Java value. */
final class PythonCode {

    private final StringBuilder out = new StringBuilder();

    private PythonCode() {}

    static PythonCode create() {
        return new PythonCode();
    }

    /** Appends one line at {@code indent} levels of four spaces. */
    PythonCode line(int indent, String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent)).append(text);
        }
        out.append('\n');
        return this;
    }

    PythonCode blank() {
        out.append('\n');
        return this;
    }

    /** Appends {@code code} and its comment, the comment after two spaces as PEP 8 asks. */
    PythonCode commented(int indent, String code, String comment) {
        return line(indent, comment.isEmpty() ? code : code + "  # " + comment);
    }

    /** The standard library modules {@code code} uses, one import each, then a blank line. */
    PythonCode standardImports(String code) {
        for (String module : List.of("csv", "json", "math", "os")) {
            if (code.contains(module + ".")) {
                line(0, "import " + module);
            }
        }
        return blank();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Text for a docstring: backslashes doubled (a name with a backslash escape would not compile) and no closing quotes. */
    static String docstring(String s) {
        return s.replace("\\", "\\\\").replace("\"\"\"", "\"\" \"");
    }

    /** A Python string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A float literal that reads back as the same double ({@code repr} style). */
    static String num(double d) {
        if (Double.isNaN(d)) {
            return "float(\"nan\")";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return Double.toString(d).replace("E", "e");
    }

    static String strings(List<String> values) {
        return "[" + String.join(", ", values.stream().map(PythonCode::str).toList()) + "]";
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
