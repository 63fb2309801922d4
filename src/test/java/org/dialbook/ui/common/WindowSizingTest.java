package org.dialbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where a saved window goes when the screens have changed since it was saved. */
class WindowSizingTest {
    private static final WindowSizing.Size MIN = new WindowSizing.Size(720, 420);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 768);
    private static final Rectangle2D MONITOR = new Rectangle2D(1366, 0, 1920, 1080);

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        Rectangle2D saved = new Rectangle2D(100, 50, 1000, 600);
        assertThat(WindowSizing.clamp(saved, MIN, List.of(LAPTOP), LAPTOP)).isEqualTo(saved);
    }

    @Test
    void aWindowSavedOnTheSecondScreenStaysOnIt() {
        Rectangle2D saved = new Rectangle2D(1500, 100, 1600, 900);
        assertThat(WindowSizing.clamp(saved, MIN, List.of(LAPTOP, MONITOR), LAPTOP)).isEqualTo(saved);
    }

    @Test
    void aWindowFromAScreenThatIsGoneComesBackCentredOnTheMainScreenAndNoLargerThanIt() {
        Rectangle2D saved = new Rectangle2D(1500, 100, 1600, 900);
        Rectangle2D placed = WindowSizing.clamp(saved, MIN, List.of(LAPTOP), LAPTOP);
        assertThat(placed).isEqualTo(new Rectangle2D(0, 0, 1366, 768));
    }

    @Test
    void aWindowHangingOverAnEdgeIsMovedInsideNotCut() {
        Rectangle2D saved = new Rectangle2D(900, 500, 800, 500);
        assertThat(WindowSizing.clamp(saved, MIN, List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(566, 268, 800, 500));
    }

    @Test
    void aWindowSavedTinyOpensAtTheMinimum() {
        Rectangle2D saved = new Rectangle2D(10, 10, 200, 200);
        assertThat(WindowSizing.clamp(saved, MIN, List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(10, 10, 720, 420));
    }
}
