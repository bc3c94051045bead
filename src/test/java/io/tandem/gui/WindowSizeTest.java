package io.tandem.gui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowSizeTest {

    @Test
    void theMinimumShrinksToAScreenScaledTo200Percent() {
        assertThat(WindowSize.fitting(WindowSize.MINIMUM, 960, 508)).isEqualTo(new WindowSize(960, 508));
        assertThat(WindowSize.fitting(WindowSize.PREFERRED, 1280, 688)).isEqualTo(new WindowSize(1180, 688));
    }

    @Test
    void aLargeScreenKeepsTheUsualSizes() {
        assertThat(WindowSize.fitting(WindowSize.MINIMUM, 1920, 1048)).isEqualTo(WindowSize.MINIMUM);
        assertThat(WindowSize.fitting(WindowSize.PREFERRED, 1920, 1048)).isEqualTo(WindowSize.PREFERRED);
    }
}
