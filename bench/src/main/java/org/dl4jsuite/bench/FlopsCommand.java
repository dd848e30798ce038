package org.dl4jsuite.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.adversarial.AlexNetConfig;
import org.dl4jsuite.adversarial.AlexNetModel;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.dl4jsuite.common.shapes.TrainingFlops;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flops MODEL}: the estimated training FLOPs per example (per token for language models) of a saved network. */
@Command(name = "flops", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Print a saved network's training FLOPs per example (6 x the forward multiply-adds of its "
                + "convolution, dense, LSTM and output layers; per time step for recurrent networks).")
public final class FlopsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL",
            description = "A model.zip written by a suite module, or AlexNet weights (.npz: torchvision's layout at 224x224; the weights are not read).")
    Path model;

    @Option(names = "--image", paramLabel = "HxWxC", description = "Input image size, needed for convolutional networks.")
    String image;

    @Override
    public Integer call() {
        if (model.getFileName().toString().endsWith(".npz")) {
            AlexNetConfig alexNet = AlexNetConfig.defaults();
            System.out.println(TrainingFlops.perExample(AlexNetModel.configuration(alexNet, 0), AlexNetModel.inputType(alexNet)));
            return 0;
        }
        ModelMetadata metadata = ModelFile.readMetadata(model);
        if (ModelMetadata.GRAPH.equals(metadata.network())) {
            ComputationGraph net = ModelFile.loadGraph(model, metadata.module(), false);
            InputType input = imageType();
            if (input == null) {
                throw new SuiteException("MODEL is a graph: give its input image size (e.g. --image 28x28x1)");
            }
            System.out.println(TrainingFlops.perExample(net.getConfiguration(), input));
            return 0;
        }
        MultiLayerNetwork net = ModelFile.loadMultiLayer(model, metadata.module(), false);
        System.out.println(TrainingFlops.perExample(net.getLayerWiseConfigurations(), imageType()));
        return 0;
    }

    private InputType imageType() {
        if (image == null) {
            return null;
        }
        String[] parts = image.toLowerCase().split("x");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            return InputType.convolutionalFlat(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new SuiteException("--image must look like 28x28x1 (height x width x channels), got '" + image + "'");
        }
    }
}
