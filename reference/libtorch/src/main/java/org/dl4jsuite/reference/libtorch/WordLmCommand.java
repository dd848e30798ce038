package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.cross_entropy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * reference/word_lm.py on libtorch: yunjey's pytorch-tutorial language model on Penn Treebank (words in order of first
 * appearance, rows of the id stream, windows of 30, Adam 0.002, clip 0.5, state carried and detached), its notebook
 * line every 100 steps, validation and test perplexity after each epoch, and the suite's metrics.jsonl.
 */
@Command(name = "word-lm", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Word-level LSTM language model on Penn Treebank, as reference/word_lm.py, on libtorch.")
final class WordLmCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Folder with ptb.train.txt, ptb.valid.txt, ptb.test.txt.")
    Path dataDir;
    @Option(names = "--epochs") int epochs = 5;
    @Option(names = "--batch-size") int batchSize = 20;
    @Option(names = "--seq-length") int seqLength = 30;
    @Option(names = "--embed-size") int embedSize = 128;
    @Option(names = "--hidden-size") int hiddenSize = 1024;
    @Option(names = "--num-layers") int numLayers = 1;
    @Option(names = "--lr") double lr = 0.002;
    @Option(names = "--clip") double clip = 0.5;
    @Option(names = "--log-every", description = "A metrics record (mean loss and tokens/s of the window) every N steps.")
    int logEvery = 100;
    @Mixin ReferenceOptions common = new ReferenceOptions();

    @Override
    public Integer call() {
        common.start();
        Map<String, Integer> dictionary = new HashMap<>();
        Tensor ids = rows(dataDir.resolve("ptb.train.txt"), dictionary, true);
        Tensor valid = rows(dataDir.resolve("ptb.valid.txt"), dictionary, false);
        Tensor test = rows(dataDir.resolve("ptb.test.txt"), dictionary, false);
        long columns = ids.size(1);
        long numBatches = columns / seqLength;
        Path run = common.runFolder("word-lm-pytorch");
        System.out.printf("vocabulary %d, %d steps per epoch%n", dictionary.size(), numBatches);
        LstmLanguageModel model = new LstmLanguageModel(dictionary.size(), embedSize, hiddenSize, numLayers);
        common.initFrom().ifPresent(model::loadDl4jInit);
        TbpttStep trainer = new TbpttStep(model, lr, clip);
        long stepTotal = 0;
        double wall = 0;
        LossWindow window = new LossWindow();
        try (MetricsFile metrics = new MetricsFile(run.resolve("metrics.jsonl"))) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                CarriedState state = new CarriedState(model.zeroState(batchSize));
                LossWindow epochWindow = new LossWindow();
                for (long i = 0; i < columns - seqLength; i += seqLength) {
                    double loss = trainer.fit(ids, i, seqLength, state);
                    double dt = trainer.seconds();
                    wall += dt;
                    stepTotal++;
                    long tokens = (long) batchSize * seqLength;
                    epochWindow.add(loss, tokens, dt);
                    window.add(loss, tokens, dt);
                    long step = (i + 1) / seqLength;
                    if (step % 100 == 0) {   // the notebook's line
                        System.out.printf("Epoch [%d/%d], Step[%d/%d], Loss: %.4f, Perplexity: %5.2f%n", epoch + 1, epochs,
                                step, numBatches, loss, Math.exp(loss));
                    }
                    if (stepTotal % logEvery == 0) {
                        Map<String, Object> rec = MetricsFile.record("step", stepTotal, epoch + 1, window, wall, "tokens_per_s");
                        rec.put("perplexity", Math.exp(window.meanLoss()));
                        metrics.write(rec);
                        window.reset();
                    }
                    if (common.maxSteps > 0 && stepTotal >= common.maxSteps) {
                        break;
                    }
                }
                Map<String, Object> rec = MetricsFile.record("epoch", stepTotal, epoch + 1, epochWindow, wall, "tokens_per_s");
                String ppl = "";
                if (!common.skipEval) {
                    double validPpl = perplexity(model, valid);
                    double testPpl = perplexity(model, test);
                    rec.put("valid_perplexity", validPpl);
                    rec.put("test_perplexity", testPpl);
                    ppl = String.format("  valid ppl %.2f  test ppl %.2f", validPpl, testPpl);
                }
                metrics.write(rec);
                System.out.printf("epoch %d/%d done  train loss %.4f%s  %,.0f tokens/s  %.1f s%n", epoch + 1, epochs,
                        epochWindow.meanLoss(), ppl, epochWindow.perSecond(), wall);
                if (common.maxSteps > 0 && stepTotal >= common.maxSteps) {
                    break;
                }
            }
        }
        return 0;
    }

    /** exp of the mean cross-entropy over {@code data}'s windows, the state carried through the whole split. */
    private double perplexity(LstmLanguageModel model, Tensor data) {
        model.eval();
        double total = 0;
        long count = 0;
        try (NoGradGuard noGrad = new NoGradGuard()) {
            CarriedState state = new CarriedState(model.zeroState(batchSize));
            for (long i = 0; i < data.size(1) - seqLength; i += seqLength) {
                try (PointerScope scope = new PointerScope()) {
                    LstmLanguageModel.Output out = model.forward(data.narrow(1, i, seqLength), state.detached());
                    Tensor targets = data.narrow(1, i + 1, seqLength).reshape(-1);
                    total += cross_entropy(out.logits(), targets).item_double() * targets.numel();
                    count += targets.numel();
                    state.set(out.state());
                }
            }
        }
        model.train(true);
        return Math.exp(total / count);
    }

    /** {@code file}'s words, each line's plus {@code <eos>}, as ids laid out in {@code batchSize} rows (Corpus.get_data). */
    private Tensor rows(Path file, Map<String, Integer> dictionary, boolean grow) {
        List<Long> ids = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> words = new ArrayList<>(List.of(line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+")));
                words.add("<eos>");
                for (String word : words) {
                    Integer id = dictionary.get(word);
                    if (id == null) {
                        if (!grow) {
                            throw new IllegalArgumentException(file + " has the word '" + word + "', which ptb.train.txt lacks");
                        }
                        id = dictionary.size();
                        dictionary.put(word, id);
                    }
                    ids.add((long) id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (give --data-dir the Penn Treebank folder)", e);
        }
        long perRow = ids.size() / batchSize;
        long[] kept = new long[(int) (perRow * batchSize)];
        for (int k = 0; k < kept.length; k++) {
            kept[k] = ids.get(k);
        }
        return Tensors.longs(kept, batchSize, perRow);
    }
}
