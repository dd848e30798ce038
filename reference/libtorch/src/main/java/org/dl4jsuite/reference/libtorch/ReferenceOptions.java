package org.dl4jsuite.reference.libtorch;

import static org.bytedeco.pytorch.global.torch.TORCH_VERSION_MAJOR;
import static org.bytedeco.pytorch.global.torch.TORCH_VERSION_MINOR;
import static org.bytedeco.pytorch.global.torch.TORCH_VERSION_PATCH;
import static org.bytedeco.pytorch.global.torch.get_num_threads;
import static org.bytedeco.pytorch.global.torch.globalContext;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.bytedeco.pytorch.TensorVector;
import picocli.CommandLine.Option;

/** The options every reference shares with its Python twin: seed, threads, steps, starting weights, output. */
final class ReferenceOptions {
    @Option(names = "--init-from", paramLabel = "DIR",
            description = "Start from DL4J's weights (`train --export-init DIR`): the same model step for step.")
    Path initFrom;
    @Option(names = "--max-steps", description = "Stop after N steps (0: run every epoch).") long maxSteps;
    @Option(names = "--threads", description = "libtorch's intra-op threads (at::set_num_threads).") int threads = 2;
    @Option(names = "--seed") long seed = 42;
    @Option(names = "--out", description = "Runs folder: metrics.jsonl goes to OUT/<workload>-pytorch/<time>/.") Path out = Path.of("runs");
    @Option(names = "--skip-eval", description = "No validation or test figures (speed runs).") boolean skipEval;
    @Option(names = "--onednn", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Let libtorch run oneDNN kernels (its LSTM among them) where it would: PyTorch's default, "
                    + "torch.backends.mkldnn.enabled. --no-onednn: its own ATen kernels instead.")
    boolean onednn = true;

    /** Seeds and sizes libtorch as the Python references do (torch.manual_seed, torch.set_num_threads). */
    void start() {
        manual_seed(seed);
        set_num_threads(threads);
        globalContext().setUserEnabledMkldnn(onednn);
    }

    Optional<Path> initFrom() {
        return Optional.ofNullable(initFrom);
    }

    /** A fresh run folder OUT/{@code name}/yyyyMMdd-HHmmss, announced with libtorch's version and threads. */
    Path runFolder(String name) {
        Path run = out.resolve(name).resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + run, e);
        }
        System.out.printf("torch %d.%d.%d (libtorch, JavaCPP presets) on cpu, %d threads, oneDNN %s; run folder %s%n",
                TORCH_VERSION_MAJOR, TORCH_VERSION_MINOR, TORCH_VERSION_PATCH, get_num_threads(),
                globalContext().userEnabledMkldnn() ? "on" : "off", run);
        return run;
    }

    /** The number of values in {@code tensors}. */
    static long count(TensorVector tensors) {
        long n = 0;
        for (long i = 0; i < tensors.size(); i++) {
            n += tensors.get(i).numel();
        }
        return n;
    }
}
