package org.dl4jsuite.adversarial;

import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.shapes.ParameterTable;
import picocli.CommandLine.Command;

/** {@code summary}: AlexNet's vertices with shapes and parameter counts. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print torchvision's AlexNet as built in DL4J: layers, shapes, parameter counts.")
public final class SummaryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        ComputeBackend.initialise(0);
        AlexNetConfig config = AlexNetConfig.defaults();
        ComputationGraph net = AlexNetModel.build(config, 42);
        ParameterTable table = ParameterTable.of(net, AlexNetModel.inputType(config));
        System.out.println(table.render());
        long fixed = net.getLayer(AlexNetModel.NORMALIZE).numParams();
        System.out.printf("torchvision's AlexNet: %,d parameters (+%d fixed ones in '%s', the ImageNet mean/std)%n",
                table.totalParameters() - fixed, fixed, AlexNetModel.NORMALIZE);
        return 0;
    }
}
