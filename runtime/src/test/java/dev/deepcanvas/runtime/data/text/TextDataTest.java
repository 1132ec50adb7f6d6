package dev.deepcanvas.runtime.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.data.Encodings;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.table.TextLoader;
import dev.deepcanvas.runtime.document.DataBinding.Text.Tokens;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.DataCheck;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, the vocabulary fitted on training texts only, padding with masks, and what a bundle keeps. */
class TextDataTest {

    @TempDir
    Path dir;

    @Test
    void words_are_lower_cased_split_on_anything_but_letters_and_digits_with_numbers_whole() {
        assertEquals(List.of("win", "1000", "now", "mp", "3", "café"), new Tokenizer(Tokens.WORDS).tokens("WIN $1000 now!!! mp3 -- Café"));
    }

    @Test
    void characters_keep_one_space_between_words() {
        assertEquals(List.of("a", "n", " ", "b"), new Tokenizer(Tokens.CHARACTERS).tokens("  An \t B "));
    }

    @Test
    void case_conversion_does_not_depend_on_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals(List.of("title"), new Tokenizer(Tokens.WORDS).tokens("TITLE"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void the_vocabulary_keeps_the_most_frequent_tokens_after_two_reserved_ids() {
        Vocabulary v = Vocabulary.fit(List.of(List.of("b", "a", "a", "c"), List.of("a", "b", "d")), 4, 2);
        assertEquals(List.of("a", "b"), v.tokens());
        assertEquals(4, v.size());
        assertEquals(2, v.id("a"));
        assertEquals(3, v.id("b"));
        assertEquals(Vocabulary.UNKNOWN, v.id("c"), "seen once, below the minimum count");
        assertEquals(Vocabulary.UNKNOWN, v.id("never"));
    }

    @Test
    void texts_are_cut_or_padded_to_the_maximum_length_with_a_mask_of_the_real_steps() {
        TextEncoding e = new TextEncoding(List.of("t"), new Tokenizer(Tokens.WORDS), new Vocabulary(List.of("free", "prize")), 4);
        TextEncoding.Encoded short1 = e.encode("Free prize");
        assertArrayEquals(new float[] {2, 3, 0, 0}, short1.ids());
        assertArrayEquals(new float[] {1, 1, 0, 0}, short1.mask());
        TextEncoding.Encoded long1 = e.encode("free prize win a free prize");
        assertArrayEquals(new float[] {2, 3, 1, 1}, long1.ids());
        assertArrayEquals(new float[] {1, 1, 1, 1}, long1.mask());
        assertEquals(6, long1.tokens());
        TextEncoding.Encoded empty = e.encode("  ");
        assertArrayEquals(new float[] {1, 0, 0, 0}, empty.mask(), "an empty text is one unknown token, never all padding");
    }

    @Test
    void the_encoding_survives_a_bundle_round_trip() throws Exception {
        TextEncoding e = new TextEncoding(List.of("subject", "body"), new Tokenizer(Tokens.CHARACTERS), new Vocabulary(List.of("x", "y")), 9);
        TextEncoding back = assertInstanceOf(TextEncoding.class, Encodings.fromJson(e.toJson()));
        assertEquals(e.columns(), back.columns());
        assertEquals(e.maxLength(), back.maxLength());
        assertEquals(Tokens.CHARACTERS, back.tokenizer().kind());
        assertArrayEquals(e.encode("xyz").ids(), back.encode("xyz").ids());
    }

    @Test
    void the_vocabulary_is_fitted_on_the_training_split_only() throws Exception {
        // every row has a word of its own: only the training rows' words may get ids
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 60; i++) {
            String own = "q" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            csv.append("common ").append(own).append(' ').append(own).append(',').append(i % 2 == 0 ? "spam" : "ham").append('\n');
        }
        Path file = dir.resolve("texts.csv");
        Files.writeString(file, csv);
        DataBinding binding = DataBinding.of("texts.csv", DataBinding.Format.TEXT)
                .withText(new DataBinding.Text(List.of(), Tokens.WORDS, 1000, 1, 5));
        PreparedData data = TextLoader.prepare(file, binding, 42);
        TextEncoding encoding = (TextEncoding) data.encoding();
        Set<String> trainWords = new HashSet<>();
        List<String> lines = Files.readAllLines(file);
        for (int origin : data.train().origins()) {
            for (String t : new Tokenizer(Tokens.WORDS).tokens(lines.get(origin - 1).split(",")[0])) {
                trainWords.add(t);
            }
        }
        assertEquals(trainWords, new HashSet<>(encoding.vocabulary().tokens()));
        for (int origin : data.test().origins()) {
            String own = new Tokenizer(Tokens.WORDS).tokens(lines.get(origin - 1).split(",")[0]).get(1);
            assertFalse(encoding.vocabulary().tokens().contains(own), own + " is a test word");
        }
        assertEquals(List.of("ham", "spam"), data.target().classNames());
        assertEquals(List.of(1L, 5L), List.of(data.train().exampleShape()[0], data.train().exampleShape()[1]));
        assertTrue(data.report().text().testCoverage() < data.report().text().coverage());
        Examples train = data.train();
        assertEquals(3, train.length(0), "common, q.., q.., then padding");
    }

    @Test
    void rows_without_a_label_are_left_out_with_a_warning() throws Exception {
        Path file = dir.resolve("t.csv");
        List<String> rows = new ArrayList<>(List.of("text,label"));
        for (int i = 0; i < 20; i++) {
            rows.add("some text " + i + "," + (i == 3 ? "" : i % 2 == 0 ? "a" : "b"));
        }
        Files.write(file, rows);
        PreparedData data = TextLoader.prepare(file, DataBinding.of("t.csv", DataBinding.Format.TEXT), 1);
        assertEquals(19, data.train().size() + data.validation().size() + data.test().size());
        assertTrue(data.report().warnings().stream().anyMatch(w -> w.contains("no value in the label column")));
    }

    @Test
    void a_network_that_answers_per_step_is_refused_for_one_label_per_text() throws Exception {
        Path file = dir.resolve("t.csv");
        List<String> rows = new ArrayList<>(List.of("text,label"));
        for (int i = 0; i < 20; i++) {
            rows.add("some text " + i + "," + (i % 2 == 0 ? "a" : "b"));
        }
        Files.write(file, rows);
        DataBinding binding = DataBinding.of("t.csv", DataBinding.Format.TEXT)
                .withText(new DataBinding.Text(List.of(), Tokens.WORDS, 100, 1, 4));
        PreparedData data = TextLoader.prepare(file, binding, 1);
        var b = new DocumentBuilder("per step");
        b.add("TokenInput", "timeSteps", 4);
        b.then("Embedding", "vocabulary", 100, "dimension", 4);
        b.then("Dense", "units", 4);
        b.then("Output", "units", 2, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        List<Diagnostic> problems = DataCheck.check(doc, ShapeInference.analyse(doc), data);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("output_1", problems.get(0).nodeId());
        assertEquals("Output answers once per time step, but the text has one label per example.", problems.get(0).message());
        assertTrue(problems.get(0).hint().contains("GlobalPooling"));
    }
}
