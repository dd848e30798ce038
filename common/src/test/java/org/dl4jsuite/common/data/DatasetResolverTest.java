package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetResolverTest {

    private static final String A_CONTENT = "alpha\n";
    private static final String B_CONTENT = "bravo\n";

    @TempDir
    Path tmp;

    private Path origin;
    private Path explicitDir;
    private Path envRoot;
    private Path cacheRoot;
    private Path systemDir;
    private DatasetSpec toy;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        origin = Files.createDirectories(tmp.resolve("origin"));
        Files.writeString(origin.resolve("a.txt"), A_CONTENT);
        Files.writeString(origin.resolve("b.dat"), B_CONTENT);
        explicitDir = tmp.resolve("explicit");
        envRoot = tmp.resolve("envroot");
        cacheRoot = tmp.resolve("cache");
        systemDir = tmp.resolve("system");
        toy = toySpec(checksumOf(A_CONTENT), checksumOf(B_CONTENT), List.of(), List.of());
        env.put(DatasetResolver.CACHE_ENV, cacheRoot.toString());
    }

    @Test
    void eachSourceWinsInOrderAndSaysSo() throws IOException {
        writeToy(explicitDir.resolve("Toy"), "explicit");
        writeToy(envRoot.resolve("toy"), "env");
        writeToy(cacheRoot.resolve("toy"), null);
        writeToy(systemDir, "system");
        env.put(DatasetResolver.DATA_ENV, envRoot.toString());

        ResolvedDataset fromExplicit = offline(explicitDir).resolve(toy);
        assertThat(fromExplicit.source()).isEqualTo("--data-dir " + explicitDir);
        assertThat(fromExplicit.directory()).isEqualTo(explicitDir.resolve("Toy"));
        assertThat(Files.readString(fromExplicit.file("a.txt"))).isEqualTo("explicit a");

        ResolvedDataset fromEnv = offline(null).resolve(toy);
        assertThat(fromEnv.source()).startsWith("$DL4J_SUITE_DATA");
        assertThat(Files.readString(fromEnv.file("a.txt"))).isEqualTo("env a");

        env.remove(DatasetResolver.DATA_ENV);
        ResolvedDataset fromCache = offline(null).resolve(toy);
        assertThat(fromCache.source()).isEqualTo("cache");
        assertThat(fromCache.file("a.txt")).isEqualTo(cacheRoot.resolve("toy").resolve("a.txt"));
        assertThat(Files.readString(fromCache.file("a.txt"))).isEqualTo(A_CONTENT);

        deleteTree(cacheRoot);
        ResolvedDataset fromSystem = offline(null).resolve(toy);
        assertThat(fromSystem.source()).isEqualTo("system location " + systemDir);
        assertThat(Files.readString(fromSystem.file("b.dat"))).isEqualTo("system b");
    }

    @Test
    void explicitDirItselfAndEnvRootItselfAreCandidatesAndAlternateNamesCount() throws IOException {
        Files.createDirectories(explicitDir);
        Files.writeString(explicitDir.resolve("a.txt"), "x");
        Files.writeString(explicitDir.resolve("b"), "raw b");  // alternate name of b.dat

        ResolvedDataset fromExplicit = offline(explicitDir).resolve(toy);
        assertThat(fromExplicit.directory()).isEqualTo(explicitDir);
        assertThat(fromExplicit.file("b.dat")).isEqualTo(explicitDir.resolve("b"));

        writeToy(envRoot, "root");
        env.put(DatasetResolver.DATA_ENV, envRoot.toString());
        ResolvedDataset fromRoot = offline(null).resolve(toy);
        assertThat(fromRoot.directory()).isEqualTo(envRoot);
        assertThat(fromRoot.source()).isEqualTo("$DL4J_SUITE_DATA (" + envRoot + ")");
    }

    @Test
    void missingExplicitDirIsAnErrorEvenWhenTheCacheHasTheData() throws IOException {
        writeToy(cacheRoot.resolve("toy"), null);
        Path absent = tmp.resolve("no-such-dir");

        assertThatThrownBy(() -> offline(absent).resolve(toy))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("--data-dir " + absent + " does not exist")
                .hasMessageContaining("a.txt, b.dat");
    }

    @Test
    void explicitDirLackingFilesNamesTheDirAndTheMissingFiles() throws IOException {
        Files.createDirectories(explicitDir);
        Files.writeString(explicitDir.resolve("a.txt"), "only a");
        writeToy(cacheRoot.resolve("toy"), null);

        assertThatThrownBy(() -> offline(explicitDir).resolve(toy))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("--data-dir " + explicitDir + " does not contain Toy")
                .hasMessageContaining(explicitDir + ": missing b.dat")
                .hasMessageContaining(explicitDir.resolve("toy") + ": does not exist")
                .hasMessageContaining("b.dat <- " + url("b.dat"));
    }

    @Test
    void nothingFoundOfflineListsEveryPlaceAndTheUrls() throws IOException {
        env.put(DatasetResolver.DATA_ENV, envRoot.toString());
        env.put(DatasetResolver.OFFLINE_ENV, "1");
        Files.createDirectories(cacheRoot.resolve("toy"));
        Files.writeString(cacheRoot.resolve("toy").resolve("a.txt"), A_CONTENT);
        toy = toySpec(checksumOf(A_CONTENT), checksumOf(B_CONTENT), List.of(systemDir), List.of());
        DatasetResolver resolver = new DatasetResolver(null, env, new HttpDownloader());

        assertThatThrownBy(() -> resolver.resolve(toy))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("Could not find the Toy dataset (toy)")
                .hasMessageContaining(envRoot.resolve("toy") + ": does not exist")
                .hasMessageContaining(envRoot.resolve("Toy") + ": does not exist")
                .hasMessageContaining(envRoot + ": does not exist")
                .hasMessageContaining("cache " + cacheRoot.resolve("toy") + ": b.dat missing")
                .hasMessageContaining(systemDir + ": does not exist")
                .hasMessageContaining("Downloads are disabled")
                .hasMessageContaining("download each into " + cacheRoot.resolve("toy"))
                .hasMessageContaining("a.txt <- " + url("a.txt"))
                .hasMessageContaining("b.dat <- " + url("b.dat"));
    }

    @Test
    void downloadsFromFileUrlsIntoTheCacheAndLeavesNoPartFiles() throws IOException {
        ResolvedDataset downloaded = online().resolve(toy);

        Path cacheDir = cacheRoot.resolve("toy");
        assertThat(downloaded.source()).isEqualTo("downloaded");
        assertThat(downloaded.directory()).isEqualTo(cacheDir);
        assertThat(Files.readString(downloaded.file("a.txt"))).isEqualTo(A_CONTENT);
        assertThat(Files.readString(downloaded.file("b.dat"))).isEqualTo(B_CONTENT);
        assertThat(listNames(cacheDir)).containsExactlyInAnyOrder("a.txt", "b.dat");

        // The next run finds the verified copies in the cache.
        assertThat(online().resolve(toy).source()).isEqualTo("cache");
    }

    @Test
    void downloadWithWrongChecksumIsRejectedAndLeavesNothing() {
        String wrong = "0".repeat(64);
        toy = toySpec(checksumOf(A_CONTENT), wrong, List.of(), List.of());

        assertThatThrownBy(() -> online().resolve(toy))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("SHA-256 expected " + wrong + ", actual " + checksumOf(B_CONTENT))
                .hasMessageContaining(url("b.dat"));
        assertThat(cacheRoot.resolve("toy").resolve("b.dat")).doesNotExist();
        assertThat(cacheRoot.resolve("toy").resolve("b.dat.part")).doesNotExist();
    }

    @Test
    void fallsBackToTheMirrorAndNamesEveryFailedUrl() throws IOException {
        String dead = origin.resolve("gone").resolve("a.txt").toUri().toString();
        toy = toySpec(checksumOf(A_CONTENT), checksumOf(B_CONTENT), List.of(), List.of(dead));

        assertThat(Files.readString(online().resolve(toy).file("a.txt"))).isEqualTo(A_CONTENT);

        deleteTree(cacheRoot);
        Files.delete(origin.resolve("a.txt"));
        assertThatThrownBy(() -> online().resolve(toy))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("Could not download a.txt")
                .hasMessageContaining(url("a.txt") + ": NoSuchFileException")
                .hasMessageContaining(dead + ": NoSuchFileException");
    }

    @Test
    void corruptCacheFileIsDeletedAndDownloadedAgain() throws IOException {
        writeToy(cacheRoot.resolve("toy"), null);
        Path cachedB = cacheRoot.resolve("toy").resolve("b.dat");
        Files.writeString(cachedB, "bit rot\n");

        ResolvedDataset resolved = online().resolve(toy);

        assertThat(resolved.source()).isEqualTo("downloaded");
        assertThat(Files.readString(cachedB)).isEqualTo(B_CONTENT);
        assertThat(Files.readString(resolved.file("a.txt"))).isEqualTo(A_CONTENT);
    }

    @Test
    void corruptCacheFileOfflineIsReportedWithBothHashes() throws IOException {
        writeToy(cacheRoot.resolve("toy"), null);
        Path cachedB = cacheRoot.resolve("toy").resolve("b.dat");
        Files.writeString(cachedB, "bit rot\n");

        assertThatThrownBy(() -> offline(null).resolve(toy))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("b.dat corrupt (SHA-256 expected " + checksumOf(B_CONTENT)
                        + ", actual " + checksumOf("bit rot\n") + "), deleted");
        assertThat(cachedB).doesNotExist();
    }

    @Test
    void userDirectoriesAreNotHashChecked() throws IOException {
        writeToy(envRoot.resolve("toy"), "re-compressed");
        env.put(DatasetResolver.DATA_ENV, envRoot.toString());

        ResolvedDataset resolved = offline(null).resolve(toy);

        assertThat(Files.readString(resolved.file("a.txt"))).isEqualTo("re-compressed a");
    }

    @Test
    void realMnistResolvesFromTheSharedDataRoot() {
        env.put(DatasetResolver.DATA_ENV, SharedData.dir().toString());

        ResolvedDataset mnist = offline(null).resolve(Datasets.MNIST);

        assertThat(mnist.directory()).isEqualTo(SharedData.dir().resolve("mnist"));
        assertThat(mnist.files()).containsOnlyKeys(MnistSplits.TRAIN_IMAGES, MnistSplits.TRAIN_LABELS,
                MnistSplits.TEST_IMAGES, MnistSplits.TEST_LABELS);
        LabelledImages test = MnistSplits.test(mnist);
        assertThat(test.count()).isEqualTo(10000);
        assertThat(test.label(0)).isEqualTo(7);
    }

    @Test
    void torchvisionsAlexNetOfflineNamesItsUrlAndTheFolderToPutItIn() {
        DatasetResolver resolver = offline(null);
        assertThatThrownBy(() -> resolver.resolve(Datasets.TORCHVISION_ALEXNET))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("download each into " + cacheRoot.resolve("torchvision-alexnet"))
                .hasMessageContaining("alexnet-owt-7be5be79.pth <- https://download.pytorch.org/models/alexnet-owt-7be5be79.pth")
                .hasMessageContaining(Path.of("hub", "checkpoints").toString());
    }

    private DatasetResolver offline(Path explicit) {
        return new DatasetResolver(explicit, env, new HttpDownloader(), false, DownloadProgress.silent());
    }

    private DatasetResolver online() {
        return new DatasetResolver(null, env, new HttpDownloader(), true, DownloadProgress.silent());
    }

    /** A two-file dataset served from {@code origin} by file: URLs, plus optional mirrors for a.txt. */
    private DatasetSpec toySpec(String shaA, String shaB, List<Path> systemLocations, List<String> aMirrorsFirst) {
        List<String> aUrls = Stream.concat(aMirrorsFirst.stream(), Stream.of(url("a.txt"))).toList();
        List<Path> system = systemLocations.isEmpty() ? List.of(systemDir) : systemLocations;
        return new DatasetSpec("toy", "Toy", List.of("toy", "Toy"), system, List.of(
                new DatasetFile("a.txt", aUrls, shaA, null, List.of()),
                new DatasetFile("b.dat", List.of(url("b.dat")), shaB, null, List.of("b"))));
    }

    private String url(String name) {
        return origin.resolve(name).toUri().toString();
    }

    /** Writes both toy files into dir: the true contents when tag is null, else recognisable fakes. */
    private static void writeToy(Path dir, String tag) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.txt"), tag == null ? A_CONTENT : tag + " a");
        Files.writeString(dir.resolve("b.dat"), tag == null ? B_CONTENT : tag + " b");
    }

    private static String checksumOf(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
