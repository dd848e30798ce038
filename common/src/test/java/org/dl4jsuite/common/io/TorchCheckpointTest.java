package org.dl4jsuite.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.TestResources;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The .pth reader on checkpoints PyTorch 1.13 wrote, and on hostile ones (reference/make_pth_fixtures.py). */
class TorchCheckpointTest {
    /** What the hostile pickles would create if anything in them ran. */
    static final Path PWNED = Path.of("/tmp/dl4j-suite-pth-pwned");

    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    static Path fixture(String name) {
        return TestResources.path(TorchCheckpointTest.class, "torch/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dtypes.pth", "dtypes-legacy.pth"})
    void readsEveryTypeViewAndNestedDictPyTorchWrote(String name) {
        Map<String, INDArray> read = TorchCheckpoint.read(fixture(name));
        Map<String, INDArray> expected = NpzFile.read(fixture("expected.npz"));
        assertThat(read.keySet()).containsAll(expected.keySet()).hasSize(expected.size() + 1).contains("empty");
        expected.forEach((key, want) -> {
            INDArray got = read.get(key);
            assertThat(got.shape()).as(key).containsExactly(want.shape());
            assertThat(got.ordering()).as(key).isEqualTo('c');
            if (got.length() > 0) {
                assertThat(got.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector()).as(key)
                        .containsExactly(want.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector());
            }
        });
        assertThat(read.get("float16").dataType()).isEqualTo(DataType.HALF);
        assertThat(read.get("bfloat16").dataType()).isEqualTo(DataType.BFLOAT16);
        assertThat(read.get("float64").dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(read.get("int64").getLong(0, 1)).isEqualTo(1L << 40);
        assertThat(read.get("int8").dataType()).isEqualTo(DataType.BYTE);
        assertThat(read.get("uint8").dataType()).isEqualTo(DataType.UBYTE);
        assertThat(read.get("bool").dataType()).isEqualTo(DataType.BOOL);
        assertThat(read.get("scalar").rank()).isZero();
        assertThat(read.get("empty").isEmpty()).isTrue();
        assertThat(read.get("empty").shape()).containsExactly(0, 4);
        // size (3, 2) with strides (1, 3) in the file: [[0, 3], [1, 4], [2, 5]] in C order here.
        assertThat(read.get("transposed").toFloatMatrix()).isEqualTo(new float[][] {{0, 3}, {1, 4}, {2, 5}});
        assertThat(read.get("shared_tail").getFloat(0, 0)).isEqualTo(2.0f);
    }

    @Test
    void givesShapesWithoutReadingData() {
        Map<String, long[]> shapes = TorchCheckpoint.shapes(fixture("dtypes.pth"));
        assertThat(shapes.get("float32")).containsExactly(2, 3);
        assertThat(shapes.get("transposed")).containsExactly(3, 2);
        assertThat(shapes.get("nested.inner.weight")).containsExactly(2, 2);
        assertThat(shapes).doesNotContainKey("nested.epoch");
    }

    @Test
    void forEachFreesEachArrayWhenItsConsumerReturns() {
        List<INDArray> seen = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        TorchCheckpoint.forEach(fixture("dtypes.pth"), (key, array) -> {
            keys.add(key);
            seen.add(array);
        });
        assertThat(keys).startsWith("float32", "float16").contains("nested.inner.weight");
        assertThat(seen.get(0).wasClosed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hand-made-ok.pth", "hand-made-v1.pth"})
    void aHandMadeArchiveInTorchSavesLayoutReadsWithEitherTensorBuilder(String name) {
        assertThat(TorchCheckpoint.read(fixture(name)).get("w").toFloatVector()).containsExactly(0f, 1f, 2f, 3f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hostile-os-system.pth|names the global 'os.system'",
        "hostile-builtins-eval.pth|names the global 'builtins.eval'",
        "hostile-call-storage.pth|calls a StorageType",
        "hostile-huge-storage.pth|claims a storage of 1099511627776 items",
        "hostile-view-past-end.pth|reaches item 5 of a storage of 4 items",
        "hostile-truncated.pth|not a readable zip archive",
        "hostile-wrong-magic.pth|does not start with torch.save's magic number"})
    void hostileFilesAreRefusedWithOneMessageAndNothingRuns(String name, String message) throws Exception {
        Files.deleteIfExists(PWNED);
        assertThatThrownBy(() -> TorchCheckpoint.read(fixture(name)))
                .isInstanceOf(SuiteException.class).hasMessageContaining(message).hasMessageContaining(name);
        assertThat(PWNED).doesNotExist();
    }

    @Test
    void otherFilesAreRefusedWithTheWayToSaveAStateDict() throws Exception {
        Path text = tmp.resolve("notes.pth");
        Files.writeString(text, "not a checkpoint");
        assertThatThrownBy(() -> TorchCheckpoint.read(text)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("neither a zip archive").hasMessageContaining("torch.save(model.state_dict()");
        assertThatThrownBy(() -> TorchCheckpoint.read(tmp.resolve("missing.pth"))).isInstanceOf(SuiteException.class)
                .hasMessageContaining("not found");
    }
}
