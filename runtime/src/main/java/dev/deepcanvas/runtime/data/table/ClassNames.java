package dev.deepcanvas.runtime.data.table;

/** Names a raw label value the way training named its class ("1.0" and "1" are both class "1"). */
public final class ClassNames {

    private ClassNames() {}

    public static String of(String raw) {
        String value = Cells.trim(raw);
        double number = Cells.number(value);
        return Double.isNaN(number) ? value : Cells.name(number);
    }

    public static boolean isMissing(String raw) {
        return Cells.isMissing(raw);
    }
}
