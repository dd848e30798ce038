package org.dl4jsuite.common.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.VertxUIServer;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.RunListener;
import org.dl4jsuite.common.train.TrainingLoop;
import org.dl4jsuite.common.train.TrainingState;

/**
 * DL4J's own training UI for a run: a {@link StatsListener} whose storage is a file in the run folder, served by
 * DL4J's Vert.x {@code UIServer} on localhost (score, update ratios, activations, parameters), so the same file
 * can be served again after the run ({@code ui RUN_DIR}).
 */
public final class TrainingUi implements AutoCloseable {
    /** The stats file in a run folder. */
    public static final String STATS_FILE = "ui-stats.bin";
    /** DL4J's default UI port. */
    public static final int DEFAULT_PORT = 9000;

    private final StatsStorage storage;
    private final VertxUIServer server;

    private TrainingUi(StatsStorage storage, VertxUIServer server) {
        this.storage = storage;
        this.server = server;
    }

    /** Serves the stats in {@code statsFile} (created when missing) on {@code port}. */
    public static TrainingUi serve(Path statsFile, int port) {
        if (port <= 0 || port > 65535) {
            throw new SuiteException("--ui port must be 1..65535, got " + port);
        }
        StatsStorage storage;
        try {
            Files.createDirectories(statsFile.toAbsolutePath().getParent());
            storage = new FileStatsStorage(statsFile.toFile());
        } catch (Exception e) {
            throw new SuiteException("cannot open the UI stats file " + statsFile + ": " + e.getMessage(), e);
        }
        VertxUIServer server;
        try {
            server = VertxUIServer.getInstance(port, false, null);
        } catch (Exception e) {
            closeQuietly(storage);
            throw new SuiteException("cannot start DL4J's UI server on port " + port + " (" + e.getMessage()
                    + "); is the port in use? pick another with --ui PORT", e);
        }
        server.attach(storage);
        return new TrainingUi(storage, server);
    }

    /** Serves an existing run's stats (the run must have trained with {@code --ui}). */
    public static TrainingUi replay(Path runDir, int port) {
        Path file = runDir.resolve(STATS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new SuiteException(runDir + " has no " + STATS_FILE + "; train with --ui to record one");
        }
        return serve(file, port);
    }

    /** The listener that records training into this UI's storage. */
    public TrainingListener listener() {
        return new StatsListener(storage);
    }

    /**
     * The run listener that records {@code network}'s training here: DL4J's stats listener on the network while it
     * trains (the network reports its activations to it, the suite's steps their gradients and iterations).
     */
    public RunListener recording(MultiLayerNetwork network) {
        TrainingListener stats = listener();
        return new RunListener() {
            @Override
            public void onTrainingBegin(TrainingState start) {
                network.addListeners(stats);
            }

            @Override
            public void onTrainingEnd(TrainingLoop.Result result) {
                network.getListeners().remove(stats);
            }
        };
    }

    /** The overview page. */
    public String url() {
        return "http://localhost:" + server.getPort() + "/train/overview";
    }

    private static void closeQuietly(StatsStorage storage) {
        try {
            storage.close();
        } catch (java.io.IOException e) {
            // the stats written so far are on disk; nothing more to save
        }
    }

    /** Detaches and closes the storage and stops the server. */
    @Override
    public void close() {
        server.detach(storage);
        closeQuietly(storage);
        try {
            VertxUIServer.stopInstance();
        } catch (Exception e) {
            // the server's own shutdown failing leaves nothing of the run's behind
        }
    }
}
