package memscope.app.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PanelWidthsTest {
    private static final double HEX = 660;

    @Test
    void withRoomToSpareThePanelsGetWhatTheyWant() {
        assertArrayEquals(new double[] {420, 290}, PanelWidths.fit(2500, HEX, 420, 130, 290, 215), 1e-9);
    }

    @Test
    void shortOfRoomBothGiveUpTheSameShareAboveTheirMinimumAndTheHexViewKeepsAllItNeeds() {
        double[] w = PanelWidths.fit(1200, HEX, 420, 130, 290, 215);
        assertEquals(1200 - HEX, w[0] + w[1], 1e-9);
        assertEquals((w[0] - 130) / (420 - 130), (w[1] - 215) / (290 - 215), 1e-9);
    }

    @Test
    void belowTheirMinimumsThePanelsStillLeaveTheHexViewWhole() {
        double[] w = PanelWidths.fit(900, HEX, 420, 130, 290, 215);
        assertEquals(900 - HEX, w[0] + w[1], 1e-9);
        assertEquals(130.0 / 215, w[0] / w[1], 1e-9);
    }

    @Test
    void aHiddenPanelLeavesItsRoomToTheOther() {
        assertArrayEquals(new double[] {0, 290}, PanelWidths.fit(1200, HEX, 0, 0, 290, 215), 1e-9);
        assertArrayEquals(new double[] {0, 0}, PanelWidths.fit(500, HEX, 0, 0, 0, 0), 1e-9);
    }

    @Test
    void aWishBelowTheMinimumCountsAsTheMinimum() {
        assertArrayEquals(new double[] {130, 215}, PanelWidths.fit(2500, HEX, 10, 130, 0, 215), 1e-9);
    }
}
