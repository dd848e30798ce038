package org.dl4jsuite.common.data;

/** A {@link DownloadProgress} that reports nothing. */
public enum SilentDownloadProgress implements DownloadProgress {
    INSTANCE;

    @Override
    public void start(String label, long totalBytes) {
    }

    @Override
    public void advance(long bytesSoFar) {
    }

    @Override
    public void finish() {
    }
}
