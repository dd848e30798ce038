package org.nd4j.nativeblas;

/**
 * Compatibility shim for a bug in DL4J 1.0.0-M2.1: {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()} by reflection, but M2.1 renamed the
 * class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method to
 * {@code isUseONEDNN()}. The failed lookup silently disables every oneDNN layer helper (convolution,
 * pooling, batch norm, LRN). This class answers at the old name and forwards to the new one.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old name of ND4J's native environment, forwarding to the M2.1 class. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** Called reflectively by {@code BaseMKLDNNHelper}. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether libnd4j was built with oneDNN and has it switched on. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
