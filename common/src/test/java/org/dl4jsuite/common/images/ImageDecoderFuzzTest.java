package org.dl4jsuite.common.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.dl4jsuite.common.ReadOrRefuse;
import org.dl4jsuite.common.TestResources;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Any bytes given as an image (what {@code lenet-mnist predict} and the attacks read) are either decoded into
 * pixels in [0,1] or refused with the suite's one user error; OpenCV never sees a header that claims more
 * than {@link ImageDecoder#MAX_PIXELS}. Replays ImageDecoderFuzzTestInputs/ (a real photo and MNIST digit as
 * JPEG, PNG and BMP, and every finding) under {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class ImageDecoderFuzzTest {
    private static GrayscaleImageReader reader;

    @BeforeAll
    static void backend() throws Exception {
        ComputeBackend.initialise(0);
        reader = new GrayscaleImageReader(28, 28);
        // OpenCV's libraries load on the first decode: not inside the fuzzer's one-second limit per input.
        reader.read(TestResources.path(ImageDecoderFuzzTest.class,
                "ImageDecoderFuzzTestInputs/readsOrRefuses/mnist-test-0.png"));
    }

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] bytes) throws Exception {
        ReadOrRefuse.check(bytes, ".img", file -> {
            INDArray pixels = reader.read(file);
            assertThat(pixels.shape()).containsExactly(1, 28 * 28);
            assertThat(pixels.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
            assertThat(pixels.maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
        });
    }
}
