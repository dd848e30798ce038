package org.dl4jsuite.common.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;

/**
 * A user's text file (a training corpus), read as strict UTF-8 after checking that it fits the heap: a corpus is
 * held as its bytes, its characters and one int id per character, about {@value #HEAP_BYTES_PER_FILE_BYTE} bytes
 * of heap per byte of file.
 */
public final class TextFile {
    /** Heap bytes a corpus needs per byte of its file (bytes, UTF-16 text, int ids, with slack). */
    static final int HEAP_BYTES_PER_FILE_BYTE = 8;

    private TextFile() {
    }

    /** The content of {@code file}; a missing, too large, unreadable or non-UTF-8 file is a user error ({@code need} says what is expected). */
    public static String read(Path file, String need) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("text file not found: " + file.toAbsolutePath() + "; " + need);
        }
        try {
            long size = Files.size(file);
            long heap = Runtime.getRuntime().maxMemory();
            if (size > Integer.MAX_VALUE - 8 || size * HEAP_BYTES_PER_FILE_BYTE > heap) {
                throw new SuiteException(String.format("%s is %,d MB; reading it as a corpus takes about %,d MB of "
                                + "heap and this JVM has %,d MB: raise -Xmx (in JAVA_OPTS) or use a smaller text", file,
                        size >> 20, (size * HEAP_BYTES_PER_FILE_BYTE) >> 20, heap >> 20));
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new SuiteException(file + " is not UTF-8 text (" + e.getMessage() + "); convert it to UTF-8");
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); " + need);
        }
    }
}
