package dev.deepcanvas.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.compile.RandomNetworks;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J Java export compiled against DeepCanvas's own classpath (the same DL4J, no download):
 * for every template and sample it can express, and for random networks over the catalog, the
 * graph its {@code configuration()} builds is DeepCanvas's own, JSON for JSON; the iris sample
 * trains an epoch through its {@code train}.
 */
class JavaExportTest {

    static final Path SAMPLES = PyTorchExportTest.SAMPLES;
    static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    @TempDir
    Path dir;

    /** Compiles the exported Main.java in {@code folder} and loads its class. */
    static Class<?> compile(Path folder) throws Exception {
        Path classes = Files.createDirectories(folder.resolve("target/classes"));
        StringWriter errors = new StringWriter();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none", "-Xlint:none");
        try (var files = JAVAC.getStandardFileManager(null, null, null)) {
            boolean ok = JAVAC.getTask(errors, files, null, options, null, files.getJavaFileObjects(folder.resolve(JavaExporter.MAIN))).call();
            assertTrue(ok, folder + " does not compile:\n" + errors);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaExportTest.class.getClassLoader());
        return loader.loadClass("Main");
    }

    static ComputationGraphConfiguration configuration(Class<?> main) throws Exception {
        return (ComputationGraphConfiguration) main.getMethod("configuration").invoke(null);
    }

    static String deepCanvas(NetworkDocument doc) throws Exception {
        return new NetworkCompiler().configure(doc, ShapeInference.analyse(doc)).toJson();
    }

    /** The one documented refusal: DeepCanvas's own DL4J layers are not carried over. */
    static boolean ownLayer(ExportException e) {
        return e.getMessage().contains("DeepCanvas adds as its own layer; the Java export cannot carry it over yet.");
    }

    @Test
    void every_template_and_sample_it_can_express_builds_deepcanvas_s_own_graph() throws Exception {
        List<String> exported = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path project : PyTorchExportTest.projects()) {
            NetworkDocument doc = new DocumentFiles().load(project);
            String name = project.getFileName().toString();
            Path folder = dir.resolve(name);
            try {
                new JavaExporter().export(doc, folder);
            } catch (ExportException e) {
                assertTrue(ownLayer(e), name + ": " + e.getMessage());
                refused.add(name);
                continue;
            }
            assertEquals(deepCanvas(doc), configuration(compile(folder)).toJson(), name + ": the exported configuration");
            exported.add(name);
        }
        assertTrue(exported.size() >= 13, "exported " + exported + ", refused " + refused);
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(exported.get(0)).resolve(JavaExporter.POM).toFile());
        assertEquals(JavaExporter.DL4J_VERSION, pom.getElementsByTagName("dl4j.version").item(0).getTextContent(), "pinned DL4J");
    }

    @Test
    void random_networks_over_the_catalog_build_deepcanvas_s_own_graph_or_name_the_layer() throws Exception {
        RandomNetworks random = new RandomNetworks(Long.getLong("export.seed", 11));
        Map<String, Integer> refused = new TreeMap<>();
        int networks = Integer.getInteger("export.networks", 24);
        int exported = 0;
        for (int i = 0; i < networks; i++) {
            NetworkDocument doc = random.next(i);
            Path folder = dir.resolve("random-" + i);
            try {
                new JavaExporter().export(doc, folder);
            } catch (ExportException e) {
                assertTrue(ownLayer(e) && doc.nodes().stream().anyMatch(n -> e.getMessage().contains("'" + n.id() + "'")), e.getMessage());
                refused.merge(e.getMessage().replaceAll("'[^']*'", "…"), 1, Integer::sum);
                continue;
            }
            assertEquals(deepCanvas(doc), configuration(compile(folder)).toJson(),
                    doc.name() + " " + doc.nodes().stream().map(n -> n.kind()).toList());
            exported++;
        }
        assertTrue(exported >= networks / 2, exported + " of " + networks + "; refused " + refused);
    }

    @Test
    void a_frozen_embedding_keeps_deepcanvas_s_repair_of_its_vocabulary() throws Exception {
        NetworkDocument doc = new DocumentFiles().load(SAMPLES.resolve("names/names.deepcanvas"));
        doc.replace(doc.node("embedding_1").orElseThrow().withFrozen(true));
        Path folder = dir.resolve("frozen-embedding");
        new JavaExporter().export(doc, folder);
        assertEquals(deepCanvas(doc), configuration(compile(folder)).toJson());
    }

    @Test
    void a_frozen_layer_is_wrapped_as_deepcanvas_wraps_it() throws Exception {
        NetworkDocument doc = new DocumentFiles().load(SAMPLES.resolve("templates/keras-mlp.deepcanvas"));
        doc.replace(doc.node("dense_1").orElseThrow().withFrozen(true));
        Path folder = dir.resolve("frozen");
        new JavaExporter().export(doc, folder);
        assertTrue(Files.readString(folder.resolve(JavaExporter.MAIN)).contains("new FrozenLayerWithBackprop(new DenseLayer.Builder()"));
        assertEquals(deepCanvas(doc), configuration(compile(folder)).toJson());
    }

    @Test
    void the_exported_iris_network_trains_an_epoch() throws Exception {
        Path project = SAMPLES.resolve("iris/iris.deepcanvas").toAbsolutePath();
        NetworkDocument doc = new DocumentFiles().load(project);
        PreparedData data = DataPreparer.check(doc, project).data();
        Path folder = dir.resolve("iris");
        ExportResult result = new JavaExporter().export(doc, folder);
        assertEquals(List.of(folder.resolve(JavaExporter.POM), folder.resolve(JavaExporter.MAIN)), result.files());
        Class<?> main = compile(folder);
        ComputationGraph graph = new ComputationGraph(configuration(main));
        graph.init();
        Method train = main.getMethod("train", ComputationGraph.class, DataSetIterator.class, DataSetIterator.class, int.class);
        train.invoke(null, graph, iterator(data.train()), iterator(data.validation()), 1);
        assertEquals(1, graph.getConfiguration().getEpochCount(), "one epoch, counted for the schedule");
        double score = graph.score(dataSet(data.validation()));
        assertTrue(Double.isFinite(score) && score > 0, "validation loss " + score);
    }

    private static DataSet dataSet(Examples e) {
        long[] shape = new long[e.exampleShape().length + 1];
        shape[0] = e.size();
        System.arraycopy(e.exampleShape(), 0, shape, 1, e.exampleShape().length);
        return new DataSet(Nd4j.create(e.features(), shape, 'c'), Nd4j.create(e.labels(), new long[] {e.size(), e.labelWidth()}, 'c'));
    }

    private static DataSetIterator iterator(Examples e) {
        return new SingletonDataSetIterator(dataSet(e));
    }
}
