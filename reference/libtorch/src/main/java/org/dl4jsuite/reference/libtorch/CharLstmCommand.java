package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.log_softmax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * reference/char_lstm.py on libtorch: the same text split, vocabulary, stream windows, network, Adam, global-norm
 * clipping and carried state, the same log lines and metrics.jsonl. Validation computes the same loss; the
 * teacher-forced prediction and generated samples of the Python reference are not reproduced.
 */
@Command(name = "char-lstm", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Character LSTM on Tiny Shakespeare, as reference/char_lstm.py, on libtorch.")
final class CharLstmCommand implements Callable<Integer> {
    private static final double TRAIN_FRACTION = 0.9;   // CharCorpus.TRAIN_FRACTION
    private static final int EVAL_STREAMS = 16;          // CharSamples.EVAL_STREAMS
    private static final String[] DIRECTORY_NAMES = {"tinyshakespeare", "tiny-shakespeare", "tiny_shakespeare"};

    @Option(names = "--data-dir", required = true, description = "Folder with Tiny Shakespeare's input.txt (or a tinyshakespeare/ folder).")
    Path dataDir;
    @Option(names = "--epochs") int epochs = 6;
    @Option(names = "--batch-size", description = "Parallel text streams per step.") int batchSize = 64;
    @Option(names = "--seq-length", description = "Characters per window.") int seqLength = 100;
    @Option(names = "--embedding") int embedding = 32;
    @Option(names = "--hidden") int hidden = 256;
    @Option(names = "--layers") int layers = 2;
    @Option(names = "--lr") double lr = 3e-3;
    @Option(names = "--clip", description = "Maximum global gradient norm of the mean loss.") double clip = 5.0;
    @Option(names = "--eval-every") int evalEvery = 100;
    @Option(names = "--log-every", description = "A log line and metrics record every N steps.") int logEvery = 20;
    @Mixin ReferenceOptions common = new ReferenceOptions();

    @Override
    public Integer call() {
        common.start();
        Path text = findText();
        CharCorpus corpus = CharCorpus.read(text);
        int b = batchSize;
        int t = seqLength;
        long columns = corpus.train.length / b;
        if (columns <= t) {
            throw new IllegalArgumentException(corpus.train.length + " characters are too few for " + b
                    + " streams of windows of " + t);
        }
        Tensor rows = Tensors.longs(java.util.Arrays.copyOf(corpus.train, (int) (columns * b)), b, columns);
        long batches = (columns - t + t - 1) / t;
        Path run = common.runFolder("char-lstm-pytorch");
        System.out.printf("%s: %,d characters, %d distinct; %,d train / %,d validation; %d streams × %,d, %d windows of %d per epoch%n",
                text, corpus.train.length + corpus.valid.length, corpus.vocabulary.length, corpus.train.length,
                corpus.valid.length, b, columns, batches, t);
        LstmLanguageModel model = new LstmLanguageModel(corpus.vocabulary.length, embedding, hidden, layers);
        common.initFrom().ifPresent(model::loadDl4jInit);
        TbpttStep step = new TbpttStep(model, lr, clip);
        System.out.printf("%,d parameters%n", ReferenceOptions.count(step.trained()));
        long stepTotal = 0;
        double wall = 0;
        try (MetricsFile metrics = new MetricsFile(run.resolve("metrics.jsonl"))) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                CarriedState state = new CarriedState(model.zeroState(b));
                LossWindow epochWindow = new LossWindow();
                LossWindow window = new LossWindow();
                for (long k = 0; k < batches; k++) {
                    double loss = step.fit(rows, k * t, t, state);
                    double dt = step.seconds();
                    if (!Double.isFinite(loss)) {
                        throw new IllegalStateException("training diverged: the loss became " + loss + " at step " + (stepTotal + 1));
                    }
                    wall += dt;
                    stepTotal++;
                    epochWindow.add(loss, (long) b * t, dt);
                    window.add(loss, (long) b * t, dt);
                    if (stepTotal % logEvery == 0) {
                        System.out.printf("epoch %d/%d  step %d (%d/%d)  loss %.4f  %,.0f char/s  %.1f s%n", epoch + 1,
                                epochs, stepTotal, k + 1, batches, window.meanLoss(), window.perSecond(), wall);
                        metrics.write(MetricsFile.record("step", stepTotal, epoch + 1, window, wall, "tokens_per_s"));
                        window.reset();
                    }
                    if (!common.skipEval && stepTotal % evalEvery == 0) {
                        double nats = validationLoss(model, corpus.valid);
                        System.out.printf("step %d  evaluation  val_loss %.4f  val_bpc %.4f%n", stepTotal, nats, nats / Math.log(2));
                        Map<String, Object> eval = new LinkedHashMap<>(Map.of("type", "eval"));
                        eval.put("step", stepTotal);
                        eval.put("epoch", epoch + 1);
                        eval.put("wall_s", wall);
                        eval.put("val_loss", nats);
                        eval.put("val_bpc", nats / Math.log(2));
                        metrics.write(eval);
                    }
                    if (common.maxSteps > 0 && stepTotal >= common.maxSteps) {
                        break;
                    }
                }
                if (common.maxSteps > 0 && stepTotal >= common.maxSteps) {
                    System.out.println("reached --max-steps " + common.maxSteps);
                    break;
                }
                Map<String, Object> rec = MetricsFile.record("epoch", stepTotal, epoch + 1, epochWindow, wall, "tokens_per_s");
                String val = "";
                if (!common.skipEval) {
                    double nats = validationLoss(model, corpus.valid);
                    rec.put("val_loss", nats);
                    rec.put("val_bpc", nats / Math.log(2));
                    val = String.format("  val_loss %.4f  val_bpc %.4f", nats, nats / Math.log(2));
                }
                metrics.write(rec);
                System.out.printf("epoch %d/%d done  train loss %.4f%s  %,.0f char/s  %.1f s%n", epoch + 1, epochs,
                        epochWindow.meanLoss(), val, epochWindow.perSecond(), wall);
            }
            System.out.println("metrics " + metrics.path);
        }
        return 0;
    }

    /**
     * The validation split as up to 16 streams, windows of the training length (the last one shorter), state
     * carried, every character but each stream's first predicted once; p clamped at 1e-30 as the Java side does.
     */
    private double validationLoss(LstmLanguageModel model, long[] valid) {
        int streams = Math.max(1, Math.min(EVAL_STREAMS, valid.length / (seqLength + 1)));
        long cols = valid.length / streams;
        double total = 0;
        long count = 0;
        model.eval();
        try (PointerScope outer = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor data = Tensors.longs(java.util.Arrays.copyOf(valid, (int) (cols * streams)), streams, cols);
            CarriedState state = new CarriedState(model.zeroState(streams));
            for (long i = 0; i < cols - 1; i += seqLength) {
                long n = Math.min(seqLength, cols - 1 - i);
                try (PointerScope scope = new PointerScope()) {
                    LstmLanguageModel.Output out = model.forward(data.narrow(1, i, n), state.detached());
                    Tensor targets = data.narrow(1, i + 1, n).reshape(-1, 1);
                    Tensor nll = log_softmax(out.logits(), 1).gather(1, targets).neg().clamp_max(
                            new org.bytedeco.pytorch.Scalar(-Math.log(1e-30)));
                    total += nll.sum().item_double();
                    count += streams * n;
                    state.set(out.state());
                }
            }
        }
        model.train(true);
        return total / count;
    }

    private Path findText() {
        for (Path d : candidates()) {
            if (Files.isRegularFile(d.resolve("input.txt"))) {
                return d.resolve("input.txt");
            }
        }
        throw new IllegalArgumentException("--data-dir " + dataDir + " does not contain Tiny Shakespeare (input.txt)");
    }

    private Path[] candidates() {
        Path[] all = new Path[DIRECTORY_NAMES.length + 1];
        all[0] = dataDir;
        for (int i = 0; i < DIRECTORY_NAMES.length; i++) {
            all[i + 1] = dataDir.resolve(DIRECTORY_NAMES[i]);
        }
        return all;
    }

    /** The text as CharCorpus.of: sorted distinct code points as the vocabulary, the first 90% to train on. */
    record CharCorpus(int[] vocabulary, long[] train, long[] valid) {
        static CharCorpus read(Path path) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " as UTF-8", e);
            }
            int[] codePoints = text.codePoints().toArray();
            int[] vocabulary = java.util.Arrays.stream(codePoints).distinct().sorted().toArray();
            if (vocabulary.length < 2) {
                throw new IllegalArgumentException(path + " has fewer than two distinct characters; there is nothing to predict");
            }
            long[] ids = java.util.Arrays.stream(codePoints).mapToLong(c -> java.util.Arrays.binarySearch(vocabulary, c)).toArray();
            int cut = (int) Math.round(ids.length * TRAIN_FRACTION);
            return new CharCorpus(vocabulary, java.util.Arrays.copyOf(ids, cut),
                    java.util.Arrays.copyOfRange(ids, cut, ids.length));
        }
    }
}
