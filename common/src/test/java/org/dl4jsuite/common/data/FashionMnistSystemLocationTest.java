package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.dl4jsuite.common.Prerequisite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST from the Debian package, found only through the catalogue's system location. Without the package the
 * test is skipped, except under CI, which installs it (.ci/run) and so fails without it.
 */
class FashionMnistSystemLocationTest {

    private static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path emptyCache;

    @Test
    void resolvesFromTheSystemLocationAndReadsBothSplits() {
        Prerequisite.require(Files.isDirectory(DEBIAN_DIR), "Debian's Fashion-MNIST is not in " + DEBIAN_DIR
                + ": install the package dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
        DatasetResolver resolver = new DatasetResolver(null,
                Map.of(DatasetResolver.CACHE_ENV, emptyCache.toString(), DatasetResolver.OFFLINE_ENV, "1"),
                new HttpDownloader());

        ResolvedDataset fashion = resolver.resolve(Datasets.FASHION_MNIST);
        LabelledImages train = MnistSplits.train(fashion);
        LabelledImages test = MnistSplits.test(fashion);

        assertThat(fashion.source()).isEqualTo("system location " + DEBIAN_DIR);
        assertThat(fashion.file(MnistSplits.TRAIN_IMAGES)).isEqualTo(DEBIAN_DIR.resolve(MnistSplits.TRAIN_IMAGES));
        assertThat(train.count()).isEqualTo(60000);
        assertThat(train.rows()).isEqualTo(28);
        assertThat(test.count()).isEqualTo(10000);
        // Fashion-MNIST's first training item is an ankle boot (9), its first test item too.
        assertThat(train.label(0)).isEqualTo(9);
        assertThat(test.label(0)).isEqualTo(9);
    }
}
