package org.nd4j.nativeblas;

/**
 * A shim, not ND4J's own class: DL4J 1.0.0-M2.1 asks for this pre-M2 class name by reflection to
 * learn whether oneDNN is in use ({@code BaseMKLDNNHelper.mklDnnEnabled()}); M2.1 moved it to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and renamed the method, so the lookup
 * fails and DL4J silently drops its oneDNN helpers for convolution, pooling and batch normalisation.
 * This class answers under the old name from the new one. Delete it when DL4J looks up the new
 * name (docs/decisions/0015-onednn-helpers.md says how to check).
 */
public final class Nd4jCpu {

    private Nd4jCpu() {}

    /** The part of the old {@code Nd4jCpu.Environment} that DL4J's helper check calls. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether ND4J's native build runs oneDNN (the old name of {@code isUseONEDNN}). */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
