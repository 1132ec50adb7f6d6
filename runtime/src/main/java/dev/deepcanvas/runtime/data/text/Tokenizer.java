package dev.deepcanvas.runtime.data.text;

import dev.deepcanvas.runtime.document.DataBinding.Text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a text into tokens. Words: lower-cased, split on everything that is neither a letter nor a
 * digit, a run of digits kept as one token ("win 1000 now" → win, 1000, now; "mp3" → mp, 3).
 * Characters: every character, lower-cased, spaces included (they separate words in a name or a
 * sentence); runs of white space count once.
 */
public final class Tokenizer {

    private final Tokens kind;

    public Tokenizer(Tokens kind) {
        this.kind = kind;
    }

    public Tokens kind() {
        return kind;
    }

    public List<String> tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return kind == Tokens.WORDS ? words(lower) : characters(lower);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c) || Character.isDigit(c)) {
                boolean letters = Character.isLetter(c);
                int j = i;
                while (j < n) {
                    int d = text.codePointAt(j);
                    if (letters ? !Character.isLetter(d) : !Character.isDigit(d)) {
                        break;
                    }
                    j += Character.charCount(d);
                }
                out.add(text.substring(i, j));
                i = j;
            } else {
                i += Character.charCount(c);
            }
        }
        return out;
    }

    private static List<String> characters(String text) {
        List<String> out = new ArrayList<>();
        String trimmed = text.strip();
        boolean space = false;
        for (int i = 0; i < trimmed.length(); ) {
            int c = trimmed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.add(" ");
                }
                space = true;
            } else {
                out.add(new String(Character.toChars(c)));
                space = false;
            }
        }
        return out;
    }
}
