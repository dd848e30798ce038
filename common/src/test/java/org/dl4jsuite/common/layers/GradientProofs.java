package org.dl4jsuite.common.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/** The three-way proof machinery for hand-derived layers: DL4J's gradient check, input finite differences, equality. */
final class GradientProofs {
    /** Agreement demanded between a hand-derived layer and DL4J's own, in double precision. */
    static final double SAME = 1e-10;

    private GradientProofs() {
    }

    /** Gradient checks and equality comparisons need double precision everywhere. */
    static void useDoublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** Back to the suite's float default, for the tests that share this JVM. */
    static void restoreFloat() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /**
     * An initialised double-precision network of {@code layers} with no updater, as GradientCheckUtil requires;
     * a null {@code inputType} leaves every nIn as the layers set it.
     */
    static MultiLayerNetwork network(InputType inputType, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerNetwork net = new MultiLayerNetwork((inputType == null ? list : list.setInputType(inputType)).build());
        net.init();
        return net;
    }

    /** Proof 1a: DL4J's GradientCheckUtil accepts every parameter gradient. */
    static void assertParameterGradientsPass(MultiLayerNetwork net, INDArray features, INDArray labels) {
        assertParameterGradientsPass(net, features, labels, 1e-9);
    }

    /**
     * Proof 1a with an explicit absolute-error floor: below it a mismatch is finite-difference rounding, about
     * |score|·1e-16 / 1e-6 (so ~1e-9 for a score summed over several time steps).
     */
    static void assertParameterGradientsPass(MultiLayerNetwork net, INDArray features, INDArray labels,
            double minAbsoluteError) {
        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(features)
                .labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(minAbsoluteError)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertThat(passed).as("GradientCheckUtil on the parameters").isTrue();
    }

    /**
     * Proof 1b: the input gradient from {@code calculateGradients} equals central differences of the score. The
     * score is the mini-batch mean while backprop returns the sum, hence the factor N.
     */
    static void assertInputGradientPasses(MultiLayerNetwork net, INDArray features, INDArray labels) {
        INDArray analytic = net.calculateGradients(features, labels, null, null).getSecond();
        assertThat(analytic.shape()).isEqualTo(features.shape());
        double eps = 1e-6;
        long n = features.size(0);
        INDArray flat = features.dup('c');
        INDArray flatView = flat.reshape(flat.length());
        INDArray analyticFlat = analytic.dup('c').reshape(analytic.length());
        long step = Math.max(1, flat.length() / 40);
        for (long i = 0; i < flat.length(); i += step) {
            double original = flatView.getDouble(i);
            flatView.putScalar(i, original + eps);
            double plus = net.score(new DataSet(flat, labels), false);
            flatView.putScalar(i, original - eps);
            double minus = net.score(new DataSet(flat, labels), false);
            flatView.putScalar(i, original);
            double numeric = n * (plus - minus) / (2 * eps);
            double exact = analyticFlat.getDouble(i);
            double scale = Math.max(Math.abs(numeric), Math.abs(exact));
            assertThat(Math.abs(numeric - exact) <= 1e-8 || Math.abs(numeric - exact) / scale <= 1e-5)
                    .as("input gradient at %d: backprop %s, finite differences %s", i, exact, numeric).isTrue();
        }
    }

    /**
     * Proof 2: with {@code toReference} mapping the hand-derived network's parameter table (keys like "0_W") onto the
     * reference network's, both give the same outputs, score, parameter gradients (mapped the same way) and input
     * gradient. {@code toReference} must be a re-layout (a permutation of entries), so it maps gradients too.
     */
    static void assertSameAsReference(MultiLayerNetwork handDerived, MultiLayerNetwork reference, INDArray features,
            INDArray labels, UnaryOperator<Map<String, INDArray>> toReference) {
        Map<String, INDArray> mappedParams = toReference.apply(handDerived.paramTable());
        assertThat(mappedParams.keySet()).isEqualTo(reference.paramTable().keySet());
        mappedParams.forEach((key, value) -> reference.getParam(key).assign(value));

        assertClose("output", handDerived.output(features), reference.output(features));

        var mine = handDerived.calculateGradients(features, labels, null, null);
        Map<String, INDArray> myGradients = new LinkedHashMap<>();
        mine.getFirst().gradientForVariable().forEach((k, v) -> myGradients.put(k, v.dup()));
        INDArray myInputGradient = mine.getSecond().dup();
        var theirs = reference.calculateGradients(features, labels, null, null);

        Map<String, INDArray> mapped = toReference.apply(myGradients);
        for (Map.Entry<String, INDArray> e : theirs.getFirst().gradientForVariable().entrySet()) {
            INDArray expected = e.getValue();
            // DL4J keeps some bias gradients as [n] where the parameter is [1, n]: compare the values.
            assertThat(mapped.get(e.getKey()).length()).as("length of gradient " + e.getKey()).isEqualTo(expected.length());
            assertClose("gradient of " + e.getKey(), mapped.get(e.getKey()).reshape(expected.shape()), expected);
        }
        assertClose("input gradient", myInputGradient, theirs.getSecond());
        assertThat(handDerived.score(new DataSet(features, labels)))
                .isCloseTo(reference.score(new DataSet(features, labels)), org.assertj.core.data.Offset.offset(SAME));
    }

    static void assertClose(String what, INDArray actual, INDArray expected) {
        assertThat(actual).as(what + " present").isNotNull();
        assertThat(actual.shape()).as(what + " shape").isEqualTo(expected.shape());
        double diff = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(diff).as("%s: max |difference|", what).isLessThanOrEqualTo(SAME);
    }

    /** Random one-hot labels, [n, classes]. */
    static INDArray oneHot(long seed, int n, int classes) {
        java.util.Random random = new java.util.Random(seed);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, n, classes);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, random.nextInt(classes), 1.0);
        }
        return labels;
    }

    /** Standard-normal values of {@code shape}, from {@code seed}. */
    static INDArray normal(long seed, long... shape) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed).nextGaussian(shape).castTo(DataType.DOUBLE);
    }
}
