package org.dl4jsuite.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A tensor's view of its storage: what it addresses, and the views refused before anything is allocated. */
class TorchTensorTest {
    private static final TorchStorage TEN_FLOATS = new TorchStorage("0", TorchDtype.FLOAT, 10);

    @Test
    void aTransposeIsAViewButNotContiguous() {
        TorchTensor t = new TorchTensor(TEN_FLOATS, 0, new long[] {3, 2}, new long[] {1, 3});
        assertThat(t.items()).isEqualTo(6);
        assertThat(t.contiguous()).isFalse();
        assertThat(new TorchTensor(TEN_FLOATS, 4, new long[] {2, 3}, new long[] {3, 1}).contiguous()).isTrue();
        assertThat(new TorchTensor(TEN_FLOATS, 0, new long[] {10}, new long[] {1}).wholeStorage()).isTrue();
    }

    @Test
    void viewsPastTheStorageOrTooLargeToHoldAreRefused() {
        assertThatThrownBy(() -> new TorchTensor(TEN_FLOATS, 8, new long[] {3}, new long[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reaches item 10 of a storage of 10");
        // An expanded view (stride 0) of one item, 2^30 items long: 4 GiB to copy out.
        assertThatThrownBy(() -> new TorchTensor(TEN_FLOATS, 0, new long[] {1L << 30}, new long[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tensors up to 2 GiB");
        assertThatThrownBy(() -> new TorchTensor(TEN_FLOATS, 0, new long[] {2, 2}, new long[] {-1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new TorchTensor(TEN_FLOATS, 0, new long[] {1L << 40, 1L << 40}, new long[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large to address");
    }
}
