package dev.deepcanvas.runtime.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.activations.Activation;

/** The activation functions offered, by their file-format names (Keras-like), and their DL4J twins. */
public final class Activations {

    private static final Map<String, Activation> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("relu", Activation.RELU);
        BY_NAME.put("leaky_relu", Activation.LEAKYRELU);
        BY_NAME.put("randomized_relu", Activation.RRELU);
        BY_NAME.put("thresholded_relu", Activation.THRESHOLDEDRELU);
        BY_NAME.put("elu", Activation.ELU);
        BY_NAME.put("selu", Activation.SELU);
        BY_NAME.put("gelu", Activation.GELU);
        BY_NAME.put("swish", Activation.SWISH);
        BY_NAME.put("mish", Activation.MISH);
        BY_NAME.put("relu6", Activation.RELU6);
        BY_NAME.put("sigmoid", Activation.SIGMOID);
        BY_NAME.put("hard_sigmoid", Activation.HARDSIGMOID);
        BY_NAME.put("tanh", Activation.TANH);
        BY_NAME.put("hard_tanh", Activation.HARDTANH);
        BY_NAME.put("rational_tanh", Activation.RATIONALTANH);
        BY_NAME.put("rectified_tanh", Activation.RECTIFIEDTANH);
        BY_NAME.put("softmax", Activation.SOFTMAX);
        BY_NAME.put("softplus", Activation.SOFTPLUS);
        BY_NAME.put("softsign", Activation.SOFTSIGN);
        BY_NAME.put("cube", Activation.CUBE);
        BY_NAME.put("identity", Activation.IDENTITY);
    }

    /** Every name, in the order menus show them. */
    public static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    private Activations() {}

    public static Activation toDl4j(String name) {
        Activation a = BY_NAME.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown activation " + name);
        }
        return a;
    }
}
