package org.dl4jsuite.common.data;

/** Receives progress reports while a file downloads. */
public interface DownloadProgress {

    /**
     * Called once before the first byte.
     *
     * @param label      what is being downloaded (a file name or URL)
     * @param totalBytes the content length, or -1 when the server did not say
     */
    void start(String label, long totalBytes);

    /** Called repeatedly with the number of bytes received so far; implementations throttle their own output. */
    void advance(long bytesSoFar);

    /** Called once after the last byte, also when the download failed. */
    void finish();

    /** A progress bar on standard error. */
    static DownloadProgress console() {
        return new ConsoleDownloadProgress(System.err);
    }

    /** Reports nothing. */
    static DownloadProgress silent() {
        return SilentDownloadProgress.INSTANCE;
    }
}
