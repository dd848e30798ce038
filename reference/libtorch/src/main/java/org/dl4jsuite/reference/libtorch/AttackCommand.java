package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.adaptive_avg_pool2d;
import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.linear;
import static org.bytedeco.pytorch.global.torch.log_softmax;
import static org.bytedeco.pytorch.global.torch.max_pool2d;
import static org.bytedeco.pytorch.global.torch.relu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * reference/alexnet_attack.py on libtorch: torchvision's AlexNet (weights from an .npz of its state_dict) in inference
 * mode, and the notebook's targeted attack on the pixels: forward on the normalised pixels, each example's
 * cross-entropy to its target, backward, Adam (lr 0.005) on the pixels, clamp to [0, 1]; no early stop.
 */
@Command(name = "attack", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "The AlexNet attack loop, as reference/alexnet_attack.py, on libtorch.")
final class AttackCommand implements Callable<Integer> {
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    @Option(names = "--weights", required = true, paramLabel = "NPZ", description = "AlexNet's state_dict as .npz.")
    Path weights;
    @Option(names = "--pixels", required = true, paramLabel = "NPY", description = "[n, 3, 224, 224] RGB in [0, 1].")
    Path pixels;
    @Option(names = "--targets", required = true, paramLabel = "NPY", description = "[n] target classes.")
    Path targets;
    @Option(names = "--iterations") int iterations = 20;
    @Option(names = "--lr") double lr = 0.005;
    @Mixin ReferenceOptions common = new ReferenceOptions();

    @Override
    public Integer call() {
        common.start();
        Map<String, Tensor> w = readNpz(weights);
        NpyFloats p = NpyFloats.read(pixels);
        Tensor x = Tensors.floats(p.values, p.shape);
        x.set_requires_grad(true);
        NpyFloats t = NpyFloats.read(targets);
        long[] classes = new long[t.values.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (long) t.values[i];
        }
        Tensor target = Tensors.longs(classes, classes.length);
        Tensor mean = Tensors.floats(MEAN, 1, 3, 1, 1);
        Tensor std = Tensors.floats(STD, 1, 3, 1, 1);
        Adam optimizer = new Adam(new TensorVector(x), new AdamOptions(lr));
        Path run = common.runFolder("alexnet-attack-pytorch");
        System.out.printf("%d examples%n", classes.length);
        double wall = 0;
        try (MetricsFile metrics = new MetricsFile(run.resolve("metrics.jsonl"))) {
            for (int it = 1; it <= iterations; it++) {
                double loss;
                double atTarget;
                double dt;
                try (PointerScope scope = new PointerScope()) {
                    long t0 = System.nanoTime();
                    optimizer.zero_grad();
                    Tensor logits = forward(w, x.sub(mean).div(std));
                    Tensor losses = log_softmax(logits, 1).gather(1, target.reshape(-1, 1)).neg();
                    atTarget = logits.argmax(new LongOptional(1), false).eq(target).sum().item_double() / classes.length;
                    losses.sum().backward();   // each example's own cross-entropy, as DL4J's input gradient
                    optimizer.step();
                    try (NoGradGuard noGrad = new NoGradGuard()) {
                        x.clamp_(new ScalarOptional(new Scalar(0.0)), new ScalarOptional(new Scalar(1.0)));
                    }
                    dt = (System.nanoTime() - t0) / 1e9;
                    loss = losses.mean().item_double();
                }
                wall += dt;
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("type", "step");
                rec.put("step", it);
                rec.put("epoch", 1);
                rec.put("loss", loss);
                rec.put("target_rate", atTarget);
                rec.put("examples_per_s", classes.length / dt);
                rec.put("wall_s", wall);
                metrics.write(rec);
                System.out.printf("iteration %d/%d  loss %.4f  at target %.0f%%  %.2f examples/s  %.1f s%n", it,
                        iterations, loss, 100 * atTarget, classes.length / dt, wall);
            }
        }
        return 0;
    }

    /** torchvision's AlexNet in inference mode (no dropout) on the state_dict's tensors. */
    private static Tensor forward(Map<String, Tensor> w, Tensor x) {
        Tensor h = relu(conv(w, "features.0", x, 4, 2));
        h = max_pool2d(h, new long[] {3, 3}, new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, false);
        h = relu(conv(w, "features.3", h, 1, 2));
        h = max_pool2d(h, new long[] {3, 3}, new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, false);
        h = relu(conv(w, "features.6", h, 1, 1));
        h = relu(conv(w, "features.8", h, 1, 1));
        h = relu(conv(w, "features.10", h, 1, 1));
        h = max_pool2d(h, new long[] {3, 3}, new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, false);
        h = adaptive_avg_pool2d(h, 6, 6).flatten(1, -1);
        h = relu(linear(h, w.get("classifier.1.weight"), new TensorOptional(w.get("classifier.1.bias"))));
        h = relu(linear(h, w.get("classifier.4.weight"), new TensorOptional(w.get("classifier.4.bias"))));
        return linear(h, w.get("classifier.6.weight"), new TensorOptional(w.get("classifier.6.bias")));
    }

    private static Tensor conv(Map<String, Tensor> w, String layer, Tensor x, long stride, long padding) {
        return conv2d(x, w.get(layer + ".weight"), new TensorOptional(w.get(layer + ".bias")),
                new long[] {stride, stride}, new long[] {padding, padding}, new long[] {1, 1}, 1);
    }

    /** Every array of an .npz (numpy.savez) by its key. */
    private static Map<String, Tensor> readNpz(Path file) {
        Map<String, Tensor> arrays = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String key = entry.getName().replaceFirst("\\.npy$", "");
                try (InputStream in = zip.getInputStream(entry)) {
                    NpyFloats array = NpyFloats.read(in, file + ":" + entry.getName());
                    arrays.put(key, Tensors.floats(array.values, array.shape));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as an .npz", e);
        }
        for (String layer : new String[] {"features.0", "features.3", "features.6", "features.8", "features.10",
                "classifier.1", "classifier.4", "classifier.6"}) {
            if (!arrays.containsKey(layer + ".weight") || !arrays.containsKey(layer + ".bias")) {
                throw new IllegalArgumentException(file + " lacks " + layer + ".weight or .bias: not torchvision's AlexNet");
            }
        }
        return arrays;
    }
}
