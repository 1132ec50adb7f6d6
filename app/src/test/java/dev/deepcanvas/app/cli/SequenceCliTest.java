package dev.deepcanvas.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate and predict on text and on a time series, as a user types them. */
class SequenceCliTest {

    @TempDir
    Path dir;

    @Test
    void a_text_model_predicts_a_typed_sentence_and_a_csv_of_texts() throws Exception {
        List<String> rows = new ArrayList<>(List.of("message,label"));
        for (int i = 0; i < 80; i++) {
            rows.add(i % 2 == 0 ? "win a free prize now " + i + ",spam" : "meeting notes for tuesday " + i + ",ham");
        }
        Files.write(dir.resolve("texts.csv"), rows);
        var b = new DocumentBuilder("texts");
        b.add("TokenInput", "timeSteps", 8);
        b.then("Embedding", "vocabulary", 20, "dimension", 8);
        b.then("LSTM", "units", 8);
        b.then("LastTimeStep");
        b.then("Output", "units", 2, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.of("texts.csv", DataBinding.Format.TEXT)
                .withText(new DataBinding.Text(List.of(), DataBinding.Text.Tokens.WORDS, 20, 1, 8)));
        doc.setTraining(TrainingSetup.defaults().toBuilder().epochs(30).batchSize(16).build());
        Path project = dir.resolve("texts.deepcanvas");
        new DocumentFiles().save(doc, project);

        CliTest.Result train = CliTest.run("train", project.toString(), "--out", dir.resolve("t.dcmodel").toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Test accuracy: 1.0000"), train.out());
        CliTest.Result typed = CliTest.run("predict", dir.resolve("t.dcmodel").toString(), "--text", "Win a FREE prize");
        assertEquals(0, typed.code(), typed.err());
        assertTrue(typed.out().lines().skip(1).findFirst().orElseThrow().contains(",spam,"), typed.out());
        CliTest.Result file = CliTest.run("predict", dir.resolve("t.dcmodel").toString(), dir.resolve("texts.csv").toString());
        assertEquals(81, file.out().lines().count(), "a header and one line per text");
        CliTest.Result neither = CliTest.run("predict", dir.resolve("t.dcmodel").toString());
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("either an INPUT file or --text"), neither.err());
    }

    @Test
    void a_forecast_is_scored_beside_the_naive_forecast_and_written_with_its_time_index() throws Exception {
        List<String> rows = new ArrayList<>(List.of("day,value"));
        for (int t = 0; t < 120; t++) {
            rows.add(t + "," + String.format(Locale.ROOT, "%.3f", 50 + 10 * Math.sin(t / 3.0)));
        }
        Files.write(dir.resolve("wave.csv"), rows);
        var b = new DocumentBuilder("wave");
        b.add("SequenceInput", "features", 1, "timeSteps", 6);
        b.then("LSTM", "units", 8);
        b.then("LastTimeStep");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.of("wave.csv", DataBinding.Format.TIMESERIES).withLabel("value").withColumns(List.of("day"), List.of())
                .withSeries(new DataBinding.Series(6, 1, false)));
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.01).epochs(40).batchSize(16).build());
        Path project = dir.resolve("wave.deepcanvas");
        new DocumentFiles().save(doc, project);

        CliTest.Result train = CliTest.run("train", project.toString(), "--out", dir.resolve("w.dcmodel").toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Naive forecast (same as the last step)"), train.out());
        CliTest.Result evaluate = CliTest.run("evaluate", dir.resolve("w.dcmodel").toString(), dir.resolve("wave.csv").toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().contains("Naive forecast"), evaluate.out());
        Path out = dir.resolve("forecast.csv");
        CliTest.Result predict = CliTest.run("predict", dir.resolve("w.dcmodel").toString(), dir.resolve("wave.csv").toString(), "-o",
                out.toString());
        assertEquals(0, predict.code(), predict.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("day,value,forecast_value_1_ahead", lines.get(0));
        assertEquals(1 + 120 - 6 + 1, lines.size(), "one forecast per complete window, the last one beyond the data");
        assertTrue(lines.get(lines.size() - 1).startsWith("119,"), lines.get(lines.size() - 1));
    }
}
