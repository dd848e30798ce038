package org.dl4jsuite.adversarial.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One operator at a time on tiny FlatBuffers written here, against computations by hand in TFLite's NHWC layout. */
class TfliteImporterTest {
    private static final int SAME = 0;
    private static final int VALID = 1;
    private static final int RELU6 = 3;
    private final Random random = new Random(11);

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static TfliteImporter.Imported load(TfliteFiles file, int input, int output, boolean dropBackground) {
        TfliteModel model = TfliteReader.parse(ByteBuffer.wrap(file.bytes(new int[] {input}, new int[] {output})), "tiny.tflite");
        return TfliteImporter.importModel(model, dropBackground);
    }

    private float[] randoms(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** NHWC values [h][w][c] as DL4J's NCHW input [1, c, h, w]. */
    private static INDArray nchw(float[] nhwc, int h, int w, int c) {
        return Nd4j.create(nhwc, new long[] {1, h, w, c}, 'c').permute(0, 3, 1, 2).dup('c');
    }

    private static float at(INDArray nchw, int y, int x, int c) {
        return nchw.getFloat(0, c, y, x);
    }

    /** Appends average pool over the whole map, the squeeze RESHAPE and SOFTMAX: the classifier tail. */
    private static int classifierTail(TfliteFiles f, int features, int h, int w, int c) {
        int pooled = f.computed("pooled", 1, 1, 1, c);
        f.op("AVERAGE_POOL_2D", OptionsReader.POOL_2D_OPTIONS, poolWhole(h, w), new int[] {features}, pooled);
        int shape = f.int32("shape", new int[] {2}, new int[] {1, c}, new float[0]);
        int logits = f.computed("logits", 1, c);
        f.op("RESHAPE", 0, null, new int[] {pooled, shape}, logits);
        int probabilities = f.computed("probabilities", 1, c);
        f.op("SOFTMAX", OptionsReader.SOFTMAX_OPTIONS, TfliteFiles.softmax(1f), new int[] {logits}, probabilities);
        return probabilities;
    }

    private static java.util.function.ToIntFunction<com.google.flatbuffers.FlatBufferBuilder> poolWhole(int h, int w) {
        return fb -> {
            fb.startTable(6);
            fb.addByte(0, (byte) VALID, 0);
            fb.addInt(1, 1, 0);
            fb.addInt(2, 1, 0);
            fb.addInt(3, w, 0);
            fb.addInt(4, h, 0);
            return fb.endTable();
        };
    }

    @Test
    void depthwiseConvolutionWithAsymmetricSamePadding() {
        // 6x6 input, 3x3 window, stride 2: TensorFlow pads 0 rows before and 1 after (and so for columns).
        int h = 6;
        int c = 2;
        int m = 2;
        TfliteFiles f = new TfliteFiles();
        int input = f.input(h, h, c, 1 / 128f, 128);
        float[] w = randoms(3 * 3 * c * m);
        float[] b = randoms(c * m);
        int filter = f.floats("filter", new int[] {1, 3, 3, c * m}, w);
        int bias = f.floats("bias", new int[] {c * m}, b);
        int out = f.computed("dw", 1, 3, 3, c * m);
        f.op("DEPTHWISE_CONV_2D", OptionsReader.DEPTHWISE_CONV_2D_OPTIONS, TfliteFiles.depthwise(SAME, 2, 2, m, 0),
                new int[] {input, filter, bias}, out);
        int probabilities = classifierTail(f, out, 3, 3, c * m);
        TfliteImporter.Imported imported = load(f, input, probabilities, false);
        ComputationGraph net = imported.graph();
        assertThat(net.getLayer("pad0").conf().getLayer()).isInstanceOf(ZeroPaddingLayer.class);
        assertThat(((ZeroPaddingLayer) net.getLayer("pad0").conf().getLayer()).getPadding()).containsExactly(0, 1, 0, 1);

        float[] x = randoms(h * h * c);
        Map<String, INDArray> acts = net.feedForward(nchw(x, h, h, c), false);
        INDArray dw = acts.get("dwconv0");
        double[] mean = new double[c * m];
        for (int oy = 0; oy < 3; oy++) {
            for (int ox = 0; ox < 3; ox++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int k = 0; k < m; k++) {
                        int o = ch * m + k;
                        double sum = b[o];
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = oy * 2 + ky;
                                int ix = ox * 2 + kx;
                                if (iy < h && ix < h) {
                                    sum += x[(iy * h + ix) * c + ch] * w[(ky * 3 + kx) * c * m + o];
                                }
                            }
                        }
                        assertThat((double) at(dw, oy, ox, o)).as("output %d,%d,%d", oy, ox, o).isCloseTo(sum, within(1e-4));
                        mean[o] += sum / 9;
                    }
                }
            }
        }
        // The tail: average pool, squeeze, softmax.
        INDArray p = acts.get(TfliteImporter.OUTPUT);
        double z = 0;
        for (double v : mean) {
            z += Math.exp(v);
        }
        for (int o = 0; o < c * m; o++) {
            assertThat(p.getDouble(0, o)).isCloseTo(Math.exp(mean[o]) / z, within(1e-5));
        }
    }

    @Test
    void perChannelDequantization() {
        byte[] q = {10, -3, 7, 0, -128, 127};
        TfliteTensor t = new TfliteTensor(0, "w", new int[] {3, 1, 1, 2}, TensorType.INT8,
                ByteBuffer.wrap(q), new Quantization(new float[] {0.5f, 0.25f, 2f}, new long[] {1, -2, 3}, 0));
        float[] v = TensorValues.floats(t, "test");
        assertThat(v).containsExactly(0.5f * (10 - 1), 0.5f * (-3 - 1), 0.25f * (7 + 2), 0.25f * (0 + 2),
                2f * (-128 - 3), 2f * (127 - 3));
        // uint8, one scale: bytes read unsigned.
        TfliteTensor u = new TfliteTensor(0, "u", new int[] {2}, TensorType.UINT8, ByteBuffer.wrap(new byte[] {(byte) 200, 3}),
                new Quantization(new float[] {0.1f}, new long[] {128}, 0));
        assertThat(TensorValues.floats(u, "test")).containsExactly(0.1f * 72, 0.1f * -125);
    }

    @Test
    void convolutionWithPerChannelInt8WeightsAndInt32Bias() {
        int c = 2;
        int n = 3;
        TfliteFiles f = new TfliteFiles();
        int input = f.input(2, 2, c, 1 / 128f, 128);
        byte[] q = {10, -3, 7, 0, -128, 127};
        float[] scale = {0.5f, 0.25f, 2f};
        int filter = f.quantized("filter", new int[] {n, 1, 1, c}, TfliteFiles.INT8, q, scale, new long[] {0, 0, 0}, 0);
        int bias = f.int32("bias", new int[] {n}, new int[] {4, -8, 100}, new float[] {0.01f, 0.01f, 0.01f});
        int out = f.computed("conv", 1, 2, 2, n);
        f.op("CONV_2D", OptionsReader.CONV_2D_OPTIONS, TfliteFiles.conv(VALID, 1, 1, 0), new int[] {input, filter, bias}, out);
        TfliteImporter.Imported imported = load(f, input, classifierTail(f, out, 2, 2, n), false);
        INDArray weights = imported.graph().getLayer("conv0").getParam("W");
        assertThat(weights.shape()).containsExactly(n, c, 1, 1);
        float[] x = randoms(2 * 2 * c);
        INDArray y = imported.graph().feedForward(nchw(x, 2, 2, c), false).get("conv0");
        for (int o = 0; o < n; o++) {
            assertThat(weights.getFloat(o, 1, 0, 0)).isEqualTo(scale[o] * q[o * c + 1]);
            for (int p = 0; p < 4; p++) {
                double expected = 0.01 * new int[] {4, -8, 100}[o];
                for (int i = 0; i < c; i++) {
                    expected += x[p * c + i] * scale[o] * q[o * c + i];
                }
                assertThat((double) at(y, p / 2, p % 2, o)).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void residualAddWithFusedRelu6() {
        int c = 3;
        TfliteFiles f = new TfliteFiles();
        int input = f.input(4, 4, c, 1 / 128f, 128);
        float[] w = randoms(c * c);
        int filter = f.floats("filter", new int[] {c, 1, 1, c}, w);
        int bias = f.floats("bias", new int[] {c}, 0, 0, 0);
        int conv = f.computed("conv", 1, 4, 4, c);
        f.op("CONV_2D", OptionsReader.CONV_2D_OPTIONS, TfliteFiles.conv(SAME, 1, 1, 0), new int[] {input, filter, bias}, conv);
        int sum = f.computed("sum", 1, 4, 4, c);
        f.op("ADD", OptionsReader.ADD_OPTIONS, TfliteFiles.add(RELU6), new int[] {input, conv}, sum);
        TfliteImporter.Imported imported = load(f, input, classifierTail(f, sum, 4, 4, c), false);
        float[] x = randoms(16 * c);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 4;
        }
        INDArray y = imported.graph().feedForward(nchw(x, 4, 4, c), false).get("add1_relu6");
        for (int p = 0; p < 16; p++) {
            for (int o = 0; o < c; o++) {
                double v = x[p * c + o];
                for (int i = 0; i < c; i++) {
                    v += x[p * c + i] * w[o * c + i];
                }
                assertThat((double) at(y, p / 4, p % 4, o)).isCloseTo(Math.min(Math.max(v, 0), 6), within(1e-4));
            }
        }
    }

    @Test
    void reshapeToTheClassifierDropsTheBackgroundClass() {
        int c = 2;
        TfliteFiles f = new TfliteFiles();
        int input = f.input(1, 1, c, 1 / 128f, 128);
        float[] w = randoms(1001 * c);
        int filter = f.floats("filter", new int[] {1001, 1, 1, c}, w);
        int bias = f.floats("bias", new int[] {1001}, new float[1001]);
        int conv = f.computed("conv", 1, 1, 1, 1001);
        f.op("CONV_2D", OptionsReader.CONV_2D_OPTIONS, TfliteFiles.conv(SAME, 1, 1, 0), new int[] {input, filter, bias}, conv);
        int shape = f.int32("shape", new int[] {2}, new int[] {1, 1001}, new float[0]);
        int logits = f.computed("logits", 1, 1001);
        f.op("RESHAPE", 0, null, new int[] {conv, shape}, logits);
        int probabilities = f.computed("probabilities", 1, 1001);
        f.op("SOFTMAX", OptionsReader.SOFTMAX_OPTIONS, TfliteFiles.softmax(1f), new int[] {logits}, probabilities);
        TfliteImporter.Imported imported = load(f, input, probabilities, true);
        assertThat(imported.fileClasses()).isEqualTo(1001);
        assertThat(imported.classes()).isEqualTo(1000);
        float[] x = {0.7f, -1.3f};
        INDArray p = imported.graph().outputSingle(false, nchw(x, 1, 1, c));
        assertThat(p.shape()).containsExactly(1, 1000);
        double[] z = new double[1001];
        double total = 0;
        for (int k = 1; k < 1001; k++) {
            z[k] = Math.exp(x[0] * w[k * c] + x[1] * w[k * c + 1]);
            total += z[k];
        }
        for (int k = 1; k < 1001; k += 97) {
            assertThat(p.getDouble(0, k - 1)).isCloseTo(z[k] / total, within(1e-6));
        }
        // Input scaling from the uint8 input's quantization: (255 p - 128) / 128.
        assertThat(imported.scaling().scale()[0]).isCloseTo(255 / 128.0, within(1e-12));
        assertThat(imported.scaling().offset()[0]).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void anUnsupportedOperatorIsNamedWithTheFile() {
        TfliteFiles f = new TfliteFiles();
        int input = f.input(2, 2, 1, 1 / 128f, 128);
        int two = f.floats("two", new int[] {1}, 2f);
        int out = f.computed("doubled", 1, 2, 2, 1);
        f.op("MUL", 0, null, new int[] {input, two}, out);
        int probabilities = classifierTail(f, out, 2, 2, 1);
        assertThatThrownBy(() -> load(f, input, probabilities, false)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("tiny.tflite").hasMessageContaining("operator 0 is MUL")
                .hasMessageContaining("DEPTHWISE_CONV_2D");
    }

    @Test
    void truncatedAndForeignFilesGiveOneMessage() {
        TfliteFiles f = new TfliteFiles();
        int input = f.input(2, 2, 1, 1 / 128f, 128);
        byte[] whole = f.bytes(new int[] {input}, new int[] {classifierTail(f, input, 2, 2, 1)});
        for (int cut : new int[] {whole.length / 2, whole.length / 3, 12}) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> TfliteReader.parse(ByteBuffer.wrap(part), "cut.tflite"))
                    .isInstanceOf(SuiteException.class).hasMessageContaining("cut.tflite")
                    .hasMessageContaining("truncated or corrupt");
        }
        assertThatThrownBy(() -> TfliteReader.parse(ByteBuffer.wrap("GIF89a not a model".getBytes()), "photo.gif"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("not a TensorFlow Lite model");
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
