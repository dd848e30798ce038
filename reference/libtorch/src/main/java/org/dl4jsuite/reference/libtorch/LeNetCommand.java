package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.cross_entropy;
import static org.bytedeco.pytorch.global.torch.max_pool2d;
import static org.bytedeco.pytorch.global.torch.randperm;
import static org.bytedeco.pytorch.global.torch.relu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * reference/lenet_mnist.py's default run on libtorch: LeNet-5 (conv 5×5×6, ReLU, max-pool 2, conv 5×5×16, ReLU,
 * max-pool 2, 120, 84, 10), pixels / 255, Adam 1e-3, batches of 64 in a fresh random order each epoch, a record every
 * 100 steps and the test accuracy after each epoch. The Python reference's augmentation, schedules, EMA and
 * standardisation options are not reproduced.
 */
@Command(name = "lenet", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "LeNet-5 on MNIST or Fashion-MNIST, as reference/lenet_mnist.py's defaults, on libtorch.")
final class LeNetCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Folder with the four idx files (gzipped or not).")
    Path dataDir;
    @Option(names = "--dataset", description = "mnist or fashion (for the log line; the files decide).") String dataset = "mnist";
    @Option(names = "--epochs") int epochs = 10;
    @Option(names = "--batch-size") int batchSize = 64;
    @Option(names = "--lr") double lr = 1e-3;
    @Option(names = "--log-every") int logEvery = 100;
    @Mixin ReferenceOptions common = new ReferenceOptions();

    /** LeNet-5 as the Python reference's LeNet5. */
    static final class LeNet5 extends Module {
        private final Conv2dImpl conv1 = register_module("conv1", new Conv2dImpl(1, 6, new LongPointer(5, 5)));
        private final Conv2dImpl conv2 = register_module("conv2", new Conv2dImpl(6, 16, new LongPointer(5, 5)));
        private final LinearImpl fc1 = register_module("fc1", new LinearImpl(256, 120));
        private final LinearImpl fc2 = register_module("fc2", new LinearImpl(120, 84));
        private final LinearImpl fc3 = register_module("fc3", new LinearImpl(84, 10));

        Tensor forward(Tensor x) {
            Tensor h = max_pool2d(relu(conv1.forward(x)), 2);
            h = max_pool2d(relu(conv2.forward(h)), 2).flatten(1, -1);
            return fc3.forward(relu(fc2.forward(relu(fc1.forward(h)))));
        }
    }

    @Override
    public Integer call() {
        common.start();
        Tensor xtr = images(dataDir, "train");
        Tensor ytr = labels(dataDir, "train");
        Tensor xte = images(dataDir, "t10k");
        Tensor yte = labels(dataDir, "t10k");
        Path run = common.runFolder("lenet-mnist-pytorch");
        LeNet5 net = new LeNet5();
        Adam optimizer = new Adam(net.parameters(), new AdamOptions(lr));
        long n = xtr.size(0);
        long step = 0;
        double wall = 0;
        double accuracy = Double.NaN;
        try (MetricsFile metrics = new MetricsFile(run.resolve("metrics.jsonl"))) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                net.train(true);
                Tensor order = randperm(n);
                LossWindow window = new LossWindow();
                LossWindow epochWindow = new LossWindow();
                for (long start = 0; start < n; start += batchSize) {
                    long size = Math.min(batchSize, n - start);
                    double loss;
                    double dt;
                    try (PointerScope scope = new PointerScope()) {
                        Tensor idx = order.narrow(0, start, size);
                        long t0 = System.nanoTime();
                        Tensor xb = xtr.index_select(0, idx);
                        optimizer.zero_grad();
                        Tensor lossTensor = cross_entropy(net.forward(xb), ytr.index_select(0, idx));
                        lossTensor.backward();
                        optimizer.step();
                        dt = (System.nanoTime() - t0) / 1e9;
                        loss = lossTensor.item_double();
                    }
                    step++;
                    wall += dt;
                    window.add(loss, size, dt);
                    epochWindow.add(loss, size, dt);
                    if (step % logEvery == 0) {
                        Map<String, Object> rec = MetricsFile.record("step", step, epoch, window, wall, "examples_per_s");
                        metrics.write(rec);
                        System.out.printf("epoch %d/%d  step %d  loss %.4f  %,.0f ex/s  %.1f s%n", epoch, epochs, step,
                                window.meanLoss(), window.perSecond(), wall);
                        window.reset();
                    }
                    if (common.maxSteps > 0 && step >= common.maxSteps) {
                        break;
                    }
                }
                net.eval();
                try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                    accuracy = net.forward(xte).argmax(new org.bytedeco.pytorch.LongOptional(1), false).eq(yte)
                            .sum().item_double() / yte.size(0);
                }
                Map<String, Object> rec = MetricsFile.record("epoch", step, epoch, epochWindow, wall, "examples_per_s");
                rec.put("test_accuracy", accuracy);
                metrics.write(rec);
                System.out.printf("epoch %d/%d done  train loss %.4f  test_accuracy %.4f  %,.0f ex/s  %.1f s%n", epoch,
                        epochs, epochWindow.meanLoss(), accuracy, epochWindow.perSecond(), wall);
                if (common.maxSteps > 0 && step >= common.maxSteps) {
                    break;
                }
            }
        }
        System.out.printf("test accuracy %.2f%% (%s)%n", 100 * accuracy, dataset);
        return 0;
    }

    /** {@code prefix}-images-idx3-ubyte(.gz) as floats in [0, 1], [N, 1, 28, 28], converted by libtorch. */
    private static Tensor images(Path dir, String prefix) {
        Idx idx = Idx.read(dir, prefix + "-images-idx3-ubyte");
        try (PointerScope scope = new PointerScope()) {
            Tensor pixels = Tensors.unsignedBytes(idx.values, idx.dims[0], 1, idx.dims[1], idx.dims[2])
                    .toType(org.bytedeco.pytorch.global.torch.ScalarType.Float).div(new org.bytedeco.pytorch.Scalar(255.0));
            pixels.retainReference();
            return pixels;
        }
    }

    /** {@code prefix}-labels-idx1-ubyte(.gz) as longs. */
    private static Tensor labels(Path dir, String prefix) {
        Idx idx = Idx.read(dir, prefix + "-labels-idx1-ubyte");
        long[] labels = new long[idx.values.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = idx.values[i] & 0xff;
        }
        return Tensors.longs(labels, labels.length);
    }

    /** An unsigned-byte idx file, gzipped or not, as its dimensions and bytes. */
    record Idx(long[] dims, byte[] values) {
        static Idx read(Path dir, String name) {
            Path file = Files.exists(dir.resolve(name + ".gz")) ? dir.resolve(name + ".gz") : dir.resolve(name);
            byte[] data;
            try (InputStream raw = Files.newInputStream(file)) {
                byte[] all = raw.readAllBytes();
                boolean gzipped = all.length > 1 && (all[0] & 0xff) == 0x1f && (all[1] & 0xff) == 0x8b;
                data = gzipped ? gunzip(all) : all;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (give --data-dir the folder of the idx files)", e);
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            if (data.length < 4 || in.getShort() != 0 || in.get() != 8) {
                throw new IllegalArgumentException(file + ": not an unsigned-byte idx file");
            }
            long[] dims = new long[in.get()];
            long count = 1;
            for (int d = 0; d < dims.length; d++) {
                dims[d] = Integer.toUnsignedLong(in.getInt());
                count *= dims[d];
            }
            if (in.remaining() != count) {
                throw new IllegalArgumentException(file + ": " + in.remaining() + " bytes of data, the header says " + count);
            }
            byte[] values = new byte[(int) count];
            in.get(values);
            return new Idx(dims, values);
        }

        private static byte[] gunzip(byte[] gz) throws IOException {
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz));
                 ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        }
    }
}
