package org.dl4jsuite.common.workarounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MallocTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void trimsThroughGlibcOnLinux() {
        assertThat(Malloc.trim()).as("JNA reached glibc's malloc_trim").isTrue();
    }
}
