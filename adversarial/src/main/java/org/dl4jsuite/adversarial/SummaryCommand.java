package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.cli.DataDirOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.shapes.ParameterTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code summary}: AlexNet's vertices, or an imported TFLite classifier's, with shapes and parameter counts. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print torchvision's AlexNet as built in DL4J (with --model, the one those weights fit; with --tflite, "
                + "a TFLite classifier as imported): "
                + "layers, shapes, parameter counts.")
public final class SummaryCommand implements Callable<Integer> {
    @Option(names = "--tflite", paramLabel = "FILE", description = "Summarise this TFLite classifier as imported into DL4J.")
    Path tflite;

    @Option(names = "--labels", paramLabel = "FILE", description = "Its class names, one per line (default: beside it).")
    Path labels;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Summarise the AlexNet these torchvision-layout weights (.pth/.pt or .npz) fit: widths and "
                    + "classes read from the file (default: torchvision's AlexNet).")
    Path model;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Override
    public Integer call() {
        ComputeBackend.initialise(0);
        if (tflite != null) {
            ImportedClassifier imported = ImportedClassifier.fromTflite(tflite, labels, data.dataDir());
            ParameterTable table = ParameterTable.of(imported.graph(),
                    InputType.convolutional(imported.height(), imported.width(), imported.channels()));
            System.out.println(table.render());
            System.out.println(imported.description());
            System.out.printf("%,d parameters from %s TFLite operators; input = %s x pixel + %s (pixels in [0,1], from the "
                            + "input's quantization); classes: %s ... %s%n", table.totalParameters(),
                    imported.facts().operators(), Arrays.toString(imported.scaling().scale()),
                    Arrays.toString(imported.scaling().offset()), imported.classNames().get(0),
                    imported.classNames().get(imported.classNames().size() - 1));
            return 0;
        }
        AlexNetConfig config = model == null ? AlexNetConfig.defaults() : TorchAlexNetWeights.configOf(model);
        ComputationGraph net = AlexNetModel.build(config, 42);
        ParameterTable table = ParameterTable.of(net, AlexNetModel.inputType(config));
        System.out.println(table.render());
        long fixed = net.getLayer(AlexNetModel.NORMALIZE).numParams();
        System.out.printf("%s: %,d parameters (+%d fixed ones in '%s', the ImageNet mean/std)%n",
                model == null ? "torchvision's AlexNet" : "AlexNet for " + model.getFileName(),
                table.totalParameters() - fixed, fixed, AlexNetModel.NORMALIZE);
        return 0;
    }
}
