package org.dl4jsuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlopsAndSgemmCommandTest {
    @TempDir
    Path tmp;

    private Path savedConvNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new OutputLayer.Builder().nOut(4).build())
                .setInputType(InputType.convolutionalFlat(6, 6, 1)).build());
        net.init();
        Path file = tmp.resolve("model.zip");
        ModelFile.save(net, file, false, new ModelMetadata("test", "tiny", ModelMetadata.MULTI_LAYER, Map.of()));
        return file;
    }

    @Test
    void flopsCountsTheSavedNetworkAtTheGivenImageSize() {
        CliOutcome result = CliOutcome.run(new BenchCommand(), "flops", savedConvNet().toString(), "--image", "6x6x1");
        assertThat(result.code()).as(result.err()).isZero();
        // conv 2·4·4·(3·3·1) = 288, dense 32·4 = 128; ×6
        assertThat(result.out().strip()).isEqualTo(Long.toString(6 * (288 + 128)));
    }

    @Test
    void anAlexNetNpzCountsTorchvisionsLayoutAt224() throws IOException {
        Path npz = Files.createFile(tmp.resolve("alexnet.npz"));
        CliOutcome result = CliOutcome.run(new BenchCommand(), "flops", npz.toString());
        assertThat(result.code()).as(result.err()).isZero();
        // the graph's ImageNet normalisation (a 1×1 convolution 3→3 at 224²), then torchvision's layers: conv 55²·64·11²·3, 27²·192·5²·64, 13²·384·3²·192, 13²·256·3²·384, 13²·256·3²·256; dense 9216·4096, 4096², 4096·1000
        long macs = 224L * 224 * 3 * 3 + 55L * 55 * 64 * 363 + 27L * 27 * 192 * 1600 + 169L * 384 * 1728 + 169L * 256 * 3456 + 169L * 256 * 2304
                + 9216L * 4096 + 4096L * 4096 + 4096L * 1000;
        assertThat(result.out().strip()).isEqualTo(String.valueOf(6 * macs));
    }

    @Test
    void aConvolutionalModelWithoutImageSizeIsAUserError() {
        CliOutcome result = CliOutcome.run(new BenchCommand(), "flops", savedConvNet().toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--image");
        assertThat(CliOutcome.run(new BenchCommand(), "flops", savedConvNet().toString(), "--image", "6x6").err())
                .contains("28x28x1");
    }

    @Test
    void sgemmPrintsAPositiveRate() {
        CliOutcome result = CliOutcome.run(new BenchCommand(), "sgemm", "--size", "128", "--repeats", "3");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Double.parseDouble(result.out().strip())).isPositive();
        assertThat(CliOutcome.run(new BenchCommand(), "sgemm", "--repeats", "0").code()).isEqualTo(2);
    }
}
