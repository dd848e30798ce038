package org.dl4jsuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttackLoopCommandTest {
    @TempDir
    Path tmp;

    @Test
    void takesTheClassifierOptionsOfClassifyAndAttack() {
        CliOutcome help = CliOutcome.run(new BenchCommand(), "attack", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--resize=MODE", "--data-dir=DIR", "--impl=fast|dl4j", "--out=DIR", "--weights=NPZ");
    }

    @Test
    void missingWeightsAreAUserError() {
        CliOutcome missing = CliOutcome.run(new BenchCommand(), "attack", "--weights", tmp.resolve("none.npz").toString(),
                "--dir", tmp.toString(), "--out", tmp.resolve("runs").toString());
        assertThat(missing.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(missing.err()).contains("none.npz");
    }
}
