package org.dl4jsuite.lenet;

import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.shapes.ParameterTable;
import picocli.CommandLine.Command;

/** {@code summary}: every layer with input and output shape, weights, biases and parameters. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print LeNet-5's layers, shapes and parameter counts.")
public final class SummaryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        ComputeBackend.initialise(0);
        MultiLayerNetwork net = LeNetModel.build(new LeNetConfig(), 42);
        System.out.println(ParameterTable.of(net, LeNetModel.INPUT).render());
        return 0;
    }
}
