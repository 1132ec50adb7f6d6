package dev.deepcanvas.runtime.catalog;

import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.List;

/**
 * Everything DeepCanvas knows about one kind of layer, declared once: parameters, how many inputs
 * it takes, its shape and parameter-count rule, and how it becomes a DL4J vertex. Its texts (title,
 * one-line summary, help, parameter help) live in the resources module's help bundle under the
 * kind's id. Adding a kind means one class here, one line in {@link LayerCatalog}, one help entry.
 */
public interface LayerKind {

    /** Stable name used in files, e.g. {@code Dense}. */
    String id();

    Group group();

    List<ParamSpec> params();

    /** Fewest input wires; 0 for network inputs. */
    default int minInputs() {
        return 1;
    }

    /** Most input wires. */
    default int maxInputs() {
        return 1;
    }

    /** True for the kinds that start the network (they become DL4J network inputs). */
    default boolean isNetworkInput() {
        return maxInputs() == 0;
    }

    /** True for the kinds that end the network and carry a loss. */
    default boolean isNetworkOutput() {
        return false;
    }

    /** Names of the parameters worth showing on the node's face, most important first. */
    default List<String> keyParams() {
        return params().stream().limit(2).map(ParamSpec::name).toList();
    }

    /** Ready-made settings offered as separate palette entries (e.g. the three output heads). */
    default List<Preset> presets() {
        return List.of();
    }

    /**
     * The output shape and parameter count for these input shapes (in port order).
     *
     * @throws ShapeProblem when the inputs or parameters do not fit, with a fix hint
     */
    LayerShape infer(ShapeContext context) throws ShapeProblem;

    /**
     * Floating-point operations of the forward pass for one example, counted as DesignCost says: a
     * multiply-accumulate is 2, any other arithmetic on a value is 1, lookups and copies are free.
     * The default suits layers that apply every parameter once per position (Dense, convolutions,
     * recurrent cells: 2 × parameters × positions) and parameter-free layers that touch each output
     * value once (activations, dropout). Variable-length sequences count one time step.
     */
    default long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        return parameters > 0 ? 2 * parameters * Shapes.positions(output) : Shapes.values(output);
    }

    /** Where this kind's FLOPs run, for the time estimate; by default its palette group's family. */
    default CostFamily costFamily() {
        return switch (group()) {
            case CONVOLUTION -> CostFamily.CONVOLUTION;
            case RECURRENT -> CostFamily.RECURRENT;
            case ATTENTION -> CostFamily.GRAPH;
            default -> CostFamily.DENSE;
        };
    }

    /**
     * How many loops over the time steps this kind runs per example (a recurrent cell 1,
     * Bidirectional 2): DL4J dispatches each step of each loop on its own, a fixed cost per step
     * that outweighs the arithmetic of small cells.
     */
    default int timeLoops() {
        return 0;
    }

    /** The DL4J layer or vertex for a node that passed validation. */
    Dl4jVertex compile(CompileContext context);

    /**
     * Mends the DL4J layer after the graph configuration was built, for DL4J quirks that input-type
     * inference would otherwise introduce. Most kinds need nothing.
     */
    default void afterBuild(org.deeplearning4j.nn.conf.layers.Layer built, Params params) {}

    default ParamSpec param(String name) {
        for (ParamSpec p : params()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(id() + " has no parameter " + name);
    }

    default boolean hasParam(String name) {
        return params().stream().anyMatch(p -> p.name().equals(name));
    }

    /** What one rule needs: the input shapes in port order and the parameter values. */
    record ShapeContext(List<Shape> inputs, Params params, List<String> warnings) {
        public Shape input() {
            return inputs.get(0);
        }

        /** Records a warning that does not stop compilation. */
        public void warn(String message) {
            warnings.add(message);
        }
    }
}
