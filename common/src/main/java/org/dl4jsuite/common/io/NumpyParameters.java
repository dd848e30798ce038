package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's parameters as NumPy {@code .npy} files, one per DL4J parameter key ({@code 0_W.npy},
 * {@code 1_RW.npy}, ...), C order, in DL4J's own layout: what the PyTorch references read with
 * {@code --init-from} to start from exactly the same weights.
 */
public final class NumpyParameters {
    private NumpyParameters() {
    }

    /**
     * A training command's {@code --export-init DIR}: writes the starting weights of a new run into
     * {@code dirOrNull} (nothing when null) and says so on {@code out}; a resumed run has no starting
     * weights to write, which is a user error.
     */
    public static void exportStartingWeights(Model model, Path dirOrNull, boolean resumed, PrintStream out) {
        if (dirOrNull == null) {
            return;
        }
        if (resumed) {
            throw new SuiteException("--export-init writes the starting weights of a new run; drop it with --resume");
        }
        out.printf("starting weights: %d .npy files in %s%n", write(model, dirOrNull), dirOrNull);
    }

    /** Writes one array as a C-order .npy file, atomically (numpy.load reads it). */
    public static void writeArray(INDArray array, Path file) throws IOException {
        INDArray values = array.dup('c');
        AtomicFiles.write(file, tmp -> Nd4j.writeAsNumpy(values, tmp.toFile()));
    }

    /** Writes every parameter of {@code model} into {@code dir} (created if missing); returns how many files. */
    public static int write(Model model, Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, INDArray> table = model.paramTable();
            for (Map.Entry<String, INDArray> entry : table.entrySet()) {
                writeArray(entry.getValue(), dir.resolve(entry.getKey() + ".npy"));
            }
            return table.size();
        } catch (IOException e) {
            throw new SuiteException("cannot write the starting weights into " + dir + ": " + e.getMessage()
                    + "; choose a writable folder", e);
        }
    }
}
