package dev.deepcanvas.runtime.data.table;

/** The byte-order mark some editors (Excel) put before UTF-8 text. */
final class Utf8 {

    private Utf8() {}

    static int bomLength(byte[] data) {
        return data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
    }
}
