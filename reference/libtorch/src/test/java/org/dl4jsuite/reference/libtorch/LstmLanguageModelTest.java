package org.dl4jsuite.reference.libtorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL4J's exported starting weights land in libtorch's layout as reference/dl4j_weights.py puts them. */
class LstmLanguageModelTest {
    private static final int VOCABULARY = 5;
    private static final int EMBEDDING = 3;
    private static final int HIDDEN = 2;

    @TempDir
    Path dir;

    @Test
    void dl4jGateBlocksGFOIBecomeTorchRowBlocksIFGOAndBiasHhIsZeroAndFrozen() throws IOException {
        // Each value names its DL4J position: W[r][c] = 100 r + c, so a column c tells the gate block c / HIDDEN.
        npy("0_W", VOCABULARY, EMBEDDING, (r, c) -> r * 10 + c);
        npy("1_W", EMBEDDING, 4 * HIDDEN, (r, c) -> 100 * r + c);
        npy("1_RW", HIDDEN, 4 * HIDDEN, (r, c) -> 100 * r + c + 50);
        npy("1_b", 1, 4 * HIDDEN, (r, c) -> c + 0.5f);
        npy("2_W", HIDDEN, VOCABULARY, (r, c) -> 7 * r + c);
        npy("2_b", 1, VOCABULARY, (r, c) -> -c);
        LstmLanguageModel model = new LstmLanguageModel(VOCABULARY, EMBEDDING, HIDDEN, 1);
        model.loadDl4jInit(dir);

        Tensor weightIh = model.named_parameters().get("lstm.weight_ih_l0");   // [4h, in], rows i, f, g, o
        // torch row block i (rows 0-1) is DL4J's column block 3 (columns 6-7); f is 1, g is 0, o is 2.
        assertThat(at(weightIh, 0, 0)).isEqualTo(6f);
        assertThat(at(weightIh, 1, 2)).isEqualTo(207f);
        assertThat(at(weightIh, 2, 1)).isEqualTo(102f);
        assertThat(at(weightIh, 4, 0)).isEqualTo(0f);
        assertThat(at(weightIh, 7, 2)).isEqualTo(205f);
        assertThat(at(model.named_parameters().get("lstm.weight_hh_l0"), 0, 1)).isEqualTo(156f);
        assertThat(at(model.named_parameters().get("lstm.bias_ih_l0"), 0)).isEqualTo(6.5f);
        Tensor biasHh = model.named_parameters().get("lstm.bias_hh_l0");
        assertThat(biasHh.abs().sum().item_float()).isZero();
        assertThat(biasHh.requires_grad()).isFalse();
        assertThat(at(model.named_parameters().get("linear.weight"), 3, 1)).isEqualTo(10f);   // W^T
        assertThat(at(model.named_parameters().get("embed.weight"), 4, 2)).isEqualTo(42f);
        // The optimiser gets every parameter but the frozen bias.
        assertThat(model.trained().size()).isEqualTo(model.parameters().size() - 1);
    }

    @Test
    void aWeightOfAnotherSizeIsRefusedWithBothShapes() throws IOException {
        npy("0_W", VOCABULARY + 1, EMBEDDING, (r, c) -> 0);
        LstmLanguageModel model = new LstmLanguageModel(VOCABULARY, EMBEDDING, HIDDEN, 1);
        assertThatThrownBy(() -> model.loadDl4jInit(dir))
                .hasMessageContaining("0_W has shape [6, 3], this model needs [5, 3]");
    }

    @Test
    void aFortranOrderArrayIsRefused() throws IOException {
        write("0_W", "{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", new float[] {1});
        assertThatThrownBy(() -> NpyFloats.read(dir.resolve("0_W.npy"))).hasMessageContaining("Fortran order");
    }

    private static float at(Tensor tensor, long... index) {
        Tensor t = tensor;
        for (long i : index) {
            t = t.get(i);
        }
        return t.item_float();
    }

    private interface Value {
        float at(int row, int column);
    }

    private void npy(String key, int rows, int columns, Value value) throws IOException {
        float[] values = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = value.at(r, c);
            }
        }
        write(key, "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }", values);
    }

    private void write(String key, String header, float[] values) throws IOException {
        byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(10 + head.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0);
        out.putShort((short) head.length).put(head);
        for (float v : values) {
            out.putFloat(v);
        }
        Files.write(dir.resolve(key + ".npy"), out.array());
    }
}
