package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.zoo.model.VGG16;
import org.deeplearning4j.zoo.model.VGG19;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.HttpDownloader;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J zoo route up to the download, which cannot happen where the suite is built: names, cache files,
 * the offline message (DL4J's own base-URL switch pointed at a closed local port), input conventions, class order.
 */
class ZooClassifiersTest {
    @TempDir
    static Path cache;
    private static String originalUrl;

    @BeforeAll
    static void isolate() {
        ComputeBackend.initialise(0);
        originalUrl = DL4JResources.getBaseDownloadURL();
        DL4JResources.setBaseDirectory(cache.toFile());
    }

    @AfterAll
    static void restore() {
        DL4JResources.setBaseDownloadURL(originalUrl);
        DL4JResources.resetBaseDirectoryLocation();
    }

    @Test
    void namesAndCacheFilesAreTheZoos() {
        assertThat(ZooClassifiers.fromOption("ResNet50")).isEqualTo(ZooClassifiers.RESNET50);
        assertThatThrownBy(() -> ZooClassifiers.fromOption("alexnet")).isInstanceOf(SuiteException.class)
                .hasMessageContaining("squeezenet").hasMessageContaining("nasnet");
        ZooClassifiers.Weights w = ZooClassifiers.SQUEEZENET.weights();
        assertThat(w.url().toString()).endsWith("/models/squeezenet_dl4j_inference.v2.zip");
        assertThat(w.file()).isEqualTo(cache.resolve("models/squeezenet/squeezenet_dl4j_inference.v2.zip"));
        assertThat(w.adler32()).isEqualTo(3711411239L);
        assertThat(ZooClassifiers.SQUEEZENET.inputShape()).containsExactly(3, 227, 227);
        assertThat(ZooClassifiers.XCEPTION.inputShape()).containsExactly(3, 299, 299);
    }

    @Test
    void offlineTheMessageSaysWhereToPutTheWeights(@TempDir Path imagenet) throws IOException {
        // The class list comes before the download; made-up names do here (a folder given is not checksummed).
        Files.write(imagenet.resolve("imagenet_classes.txt"), IntStream.range(0, 1000).mapToObj(i -> "class " + i).toList());
        DL4JResources.setBaseDownloadURL("http://127.0.0.1:9/");
        try {
            assertThatThrownBy(() -> ZooClassifiers.VGG16.load(imagenet, new HttpDownloader()))
                    .isInstanceOf(SuiteException.class)
                    .hasMessageContaining("http://127.0.0.1:9/models/vgg16_dl4j_inference.zip")
                    .hasMessageContaining("put it in " + cache.resolve("models/vgg16"))
                    .hasMessageContaining("vgg16_dl4j_inference.zip");
            assertThat(cache.resolve("models/vgg16/vgg16_dl4j_inference.zip")).doesNotExist();
        } finally {
            DL4JResources.setBaseDownloadURL(originalUrl);
        }
    }

    @Test
    void caffeInputIsDl4jsVggPreprocessorOnBgr() {
        // One RGB pixel (r, g, b) = (1, 0.5, 0): BGR 0..255 less VGG16ImagePreProcessor's BGR means.
        var pixel = Nd4j.create(new float[] {1f, 0.5f, 0f}, new long[] {1, 3, 1, 1});
        var input = ZooClassifiers.VGG16.scaling().apply(pixel);
        assertThat(input.getDouble(0, 0, 0, 0)).isCloseTo(0 - 103.939, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(input.getDouble(0, 1, 0, 0)).isCloseTo(127.5 - 116.779, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(input.getDouble(0, 2, 0, 0)).isCloseTo(255 - 123.68, org.assertj.core.data.Offset.offset(1e-3));
        // The gradient goes back through the same channel reversal.
        var back = ZooClassifiers.VGG16.scaling().backpropagate(Nd4j.create(new float[] {1f, 2f, 3f}, new long[] {1, 3, 1, 1}));
        assertThat(back.reshape(3).toFloatVector()).containsExactly(3 * 255f, 2 * 255f, 1 * 255f);
        assertThat(ZooClassifiers.XCEPTION.scaling().apply(pixel).reshape(3).toFloatVector()).containsExactly(1f, 0f, -1f);
    }

    @Test
    void theThousandOutputsAreTheImageNetClassesInOrder() {
        List<String> names = TargetModel.imageNetClasses(SharedData.dir().resolve("imagenet"));
        assertThat(names).hasSize(1000);
        assertThat(names.get(0)).startsWith("tench");
        assertThat(names.get(999)).startsWith("toilet tissue");
        for (ComputationGraphConfiguration conf : List.of(VGG16.builder().numClasses(1000).build().conf(),
                VGG19.builder().numClasses(1000).build().conf())) {
            var output = (LayerVertex) conf.getVertices().get(conf.getNetworkOutputs().get(0));
            assertThat(((FeedForwardLayer) output.getLayerConf().getLayer()).getNOut()).isEqualTo(names.size());
        }
    }
}
