package dev.deepcanvas.runtime.compute;

import java.lang.reflect.Field;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DL4J's oneDNN helpers for convolution, pooling and batch normalisation, on where ND4J's native
 * build has oneDNN. DL4J M2.1 creates layer helpers only when the system property {@code
 * org.eclipse.deeplearning4j.helpers.disable} is {@code false} (its default is true), and keeps a
 * oneDNN helper only when its oneDNN check passes (see {@code org.nd4j.nativeblas.Nd4jCpu}, the
 * shim that makes it pass). {@code -Ddeepcanvas.onednn=false} keeps DL4J's own layer code.
 */
public final class OneDnn {

    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);
    private static final Field HELPER = helperField();

    /** Set to false to train without the helpers (to compare, or should a helper misbehave). */
    public static final String SWITCH = "deepcanvas.onednn";

    private OneDnn() {}

    /** Lets DL4J create its layer helpers; call before any layer is built. Leaves an explicit choice alone. */
    public static void enable() {
        if (System.getProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY) == null && !"false".equals(System.getProperty(SWITCH))) {
            System.setProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY, "false");
        }
    }

    /**
     * Keeps oneDNN away from what it gets wrong in ND4J M2.1: dilated convolutions. ND4J's oneDNN
     * kernels for conv1d and conv2d refuse any dilation above 1 ("could not create a descriptor for
     * a dilated convolution"), and DL4J's Conv1D always calls that op. So a graph with a dilated
     * convolution turns ND4J's oneDNN kernels off for the rest of the process (every op then takes
     * ND4J's generic code: slower, never wrong), and its dilated 2-D layers lose their DL4J helper
     * so they run DL4J's own code from the first step.
     */
    public static void keepSupported(ComputationGraph graph) {
        boolean anyDilated = false;
        for (Layer layer : graph.getLayers()) {
            if (layer instanceof ConvolutionLayer conv && dilated(conv)) {
                anyDilated = true;
                if (conv.getHelper() != null) {
                    try {
                        HELPER.set(conv, null);
                    } catch (IllegalAccessException e) {
                        LOG.warn("cannot take the oneDNN helper off {}; DL4J falls back after its first failure",
                                conv.conf().getLayer().getLayerName(), e);
                    }
                }
            }
        }
        if (anyDilated && Nd4j.getEnvironment().helpersAllowed()) {
            LOG.info("a dilated convolution: ND4J's oneDNN kernels are off for the rest of this run (they refuse dilation)");
            Nd4j.getEnvironment().allowHelpers(false);
        }
    }

    private static boolean dilated(ConvolutionLayer conv) {
        // DL4J names the configuration class like the layer class, hence the full name
        if (conv.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer c) {
            for (int d : c.getDilation()) {
                if (d > 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Field helperField() {
        try {
            Field f = ConvolutionLayer.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("DL4J's ConvolutionLayer has no helper field any more: revisit OneDnn", e);
        }
    }

    /** True when layers built now get oneDNN helpers: helpers allowed and ND4J's build runs oneDNN. */
    public static boolean active() {
        return "false".equals(System.getProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY)) && BaseMKLDNNHelper.mklDnnEnabled();
    }
}
