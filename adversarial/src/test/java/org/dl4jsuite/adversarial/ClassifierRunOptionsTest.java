package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClassifierRunOptionsTest {
    private static ClassifierRunOptions parse(String... args) {
        ClassifierRunOptions options = new ClassifierRunOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void resizeDefaultsToCropAndDataDirToNone() {
        ClassifierRunOptions defaults = parse();
        assertThat(defaults.resize()).isEqualTo(ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP);
        assertThat(defaults.dataDir()).isNull();
        ClassifierRunOptions given = parse("--resize", "direct", "--data-dir", "photos", "--impl", "dl4j");
        assertThat(given.resize()).isEqualTo(ImageNetPreprocessor.Resize.DIRECT);
        assertThat(given.dataDir()).isEqualTo(Path.of("photos"));
    }

    @Test
    void anUnknownResizeModeIsAUserErrorNamingTheChoices() {
        assertThatThrownBy(() -> parse("--resize", "stretch").resize()).isInstanceOf(SuiteException.class)
                .hasMessageContaining("--resize must be crop or direct, got 'stretch'");
    }
}
