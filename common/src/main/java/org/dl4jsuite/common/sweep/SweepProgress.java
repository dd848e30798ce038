package org.dl4jsuite.common.sweep;

import java.time.Duration;

/**
 * The sweep's progress as one line before each point: a bar of the points done, the time this sweep has run and,
 * once a point has been trained here, the time left at that pace ({@code [######------] 6/12 points, 14 min,
 * about 14 min left}). On a terminal each run's own epoch bar then carries the point's label.
 */
final class SweepProgress {
    private static final int WIDTH = 24;

    private final int total;
    private final long startNanos;
    private int trainedHere;

    SweepProgress(int total, long startNanos) {
        this.total = total;
        this.startNanos = startNanos;
    }

    /** A point was trained (not skipped as finished) in this invocation. */
    void trained() {
        trainedHere++;
    }

    /** The line shown when {@code done} points are finished, at {@code nowNanos}. */
    String line(int done, long nowNanos) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
        StringBuilder out = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(WIDTH - filled))
                .append("] ").append(done).append('/').append(total).append(" points, ").append(minutes(elapsed));
        if (trainedHere > 0 && done < total) {
            out.append(", about ").append(minutes(elapsed.dividedBy(trainedHere).multipliedBy(total - done)))
                    .append(" left");
        }
        return out.toString();
    }

    private static String minutes(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 120 ? seconds + " s" : (seconds + 30) / 60 + " min";
    }
}
