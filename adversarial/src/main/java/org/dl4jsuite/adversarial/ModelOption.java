package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.DatasetResolver;
import org.dl4jsuite.common.data.Datasets;
import org.dl4jsuite.common.data.ResolvedDataset;
import picocli.CommandLine.Option;

/** The shared choice of the network that classify and attack use: a file by its kind, a TFLite file, a zoo model. */
public final class ModelOption {
    /** The --zoo name of torchvision's ImageNet AlexNet. */
    static final String TORCHVISION_ALEXNET = "alexnet";

    @Option(names = "--model", paramLabel = "FILE",
            description = "AlexNet weights in torchvision's layout (a PyTorch state_dict .pth/.pt, or an .npz from "
                    + "reference/export_alexnet.py), a TFLite classifier (.tflite), or a suite model.zip (from "
                    + "'adversarial import' or lenet-mnist).")
    Path model;

    @Option(names = "--tflite", paramLabel = "FILE", description = "A TensorFlow Lite image classifier, imported into DL4J.")
    Path tflite;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names of a TFLite model, one per line (default: imagenet_labels.txt beside it, else the "
                    + "ImageNet classes).")
    Path labels;

    @Option(names = "--zoo", paramLabel = "NAME",
            description = "A pretrained ImageNet model: alexnet (torchvision's weights, downloaded into the suite's cache "
                    + "on first use, or found in --data-dir or torch.hub's cache), or a DL4J zoo model: squeezenet, "
                    + "vgg16, vgg19, resnet50, darknet19, xception, nasnet (downloaded into DL4J's cache on first use).")
    String zoo;

    /** Loads the chosen network; exactly one of the options must be given. */
    public TargetModel load(Path dataDir) {
        int given = (model == null ? 0 : 1) + (tflite == null ? 0 : 1) + (zoo == null ? 0 : 1);
        if (given != 1) {
            throw new SuiteException("give the network with exactly one of --model FILE, --tflite FILE or --zoo NAME");
        }
        if (zoo != null && zoo.equalsIgnoreCase(TORCHVISION_ALEXNET)) {
            return TargetModel.load(torchvisionAlexNet(dataDir), labels, dataDir);
        }
        if (zoo != null) {
            return TargetModel.of(ZooClassifiers.fromOption(zoo).load(dataDir));
        }
        if (tflite != null) {
            return TargetModel.of(ImportedClassifier.fromTflite(tflite, labels, dataDir));
        }
        return TargetModel.load(model, labels, dataDir);
    }

    /**
     * torchvision's alexnet-owt-7be5be79.pth: in --data-dir, $DL4J_SUITE_DATA, the suite's cache or torch.hub's, else
     * downloaded into the cache (its SHA-256 prefix checked, written atomically); offline, the message names the URL,
     * the file and the folder to put it in.
     */
    static Path torchvisionAlexNet(Path dataDir) {
        ResolvedDataset weights = DatasetResolver.standard(dataDir).resolve(Datasets.TORCHVISION_ALEXNET);
        return weights.file(Datasets.TORCHVISION_ALEXNET.files().get(0).name());
    }

    /** The network given, for records. */
    public String describe() {
        return zoo != null ? "zoo:" + zoo : String.valueOf(model != null ? model : tflite);
    }
}
