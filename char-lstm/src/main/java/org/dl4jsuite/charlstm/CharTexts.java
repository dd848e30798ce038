package org.dl4jsuite.charlstm;

import java.nio.file.Path;
import org.dl4jsuite.common.data.DatasetResolver;
import org.dl4jsuite.common.data.Datasets;
import org.dl4jsuite.common.data.ResolvedDataset;

/** Where a char-lstm text comes from: a file given with {@code --text}, or Tiny Shakespeare through the dataset resolver. */
public final class CharTexts {
    /** How a model records that it was trained on Tiny Shakespeare. */
    public static final String TINY_SHAKESPEARE = Datasets.TINY_SHAKESPEARE.id();

    private CharTexts() {
    }

    /** A text and where it was found. */
    public record Text(String content, String source, String recordedAs) {
    }

    /** The file {@code textOrNull} (recorded as its absolute path), or Tiny Shakespeare found under {@code dataDir}. */
    public static Text read(String textOrNull, Path dataDir) {
        if (textOrNull == null || textOrNull.equals(TINY_SHAKESPEARE)) {
            ResolvedDataset resolved = DatasetResolver.standard(dataDir).resolve(Datasets.TINY_SHAKESPEARE);
            Path file = resolved.file("input.txt");
            return new Text(CharCorpus.readText(file), "Tiny Shakespeare (" + resolved.source() + ")", TINY_SHAKESPEARE);
        }
        Path file = Path.of(textOrNull).toAbsolutePath();
        return new Text(CharCorpus.readText(file), file.toString(), file.toString());
    }
}
