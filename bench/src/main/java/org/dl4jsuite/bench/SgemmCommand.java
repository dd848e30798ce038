package org.dl4jsuite.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgemm}: this machine's float matrix-multiply rate through ND4J, the peak the workloads are measured against. */
@Command(name = "sgemm", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Measure ND4J's float gemm (N x N times N x N) and print the median GFLOP/s.")
public final class SgemmCommand implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "N", description = "Matrix size.")
    int size = 2048;

    @Option(names = "--repeats", description = "Timed multiplications after two warm-up ones.")
    int repeats = 7;

    @Option(names = "--threads", paramLabel = "N", description = "ND4J threads (0: all cores).")
    int threads;

    @Override
    public Integer call() {
        if (size <= 0 || repeats <= 0) {
            throw new SuiteException("--size and --repeats must be positive, got " + size + " and " + repeats);
        }
        ComputeBackend.initialise(threads);
        INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {size, size}, 'f');
        double[] gflops = new double[repeats];
        for (int i = -2; i < repeats; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (i >= 0) {
                gflops[i] = 2.0 * size * size * size / seconds / 1e9;
            }
        }
        Arrays.sort(gflops);
        System.out.printf("%.1f%n", gflops[repeats / 2]);
        return 0;
    }
}
