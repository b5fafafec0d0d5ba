package memscope.app.layout;

/**
 * How wide the tree and the side panel may be beside the hex view, which comes first: the panels get the widths
 * they want while the hex view keeps all it needs (its 16 columns and the ASCII column); when that is too much
 * they shrink towards their minimum widths, and below that the hex view still comes first.
 */
final class PanelWidths {
    private PanelWidths() {
    }

    /**
     * The widths of {tree, side} in {@code room} pixels (the split's width less its dividers), given what each
     * wants and its minimum; a hidden panel wants and needs 0. All the rest of {@code room} is the hex view's.
     */
    static double[] fit(double room, double hexNeed, double treeWant, double treeMin, double sideWant, double sideMin) {
        double tw = Math.max(treeWant, treeMin);
        double sw = Math.max(sideWant, sideMin);
        double spare = Math.max(0, room - hexNeed);
        if (tw + sw <= spare) {
            return new double[] {tw, sw};
        }
        double mins = treeMin + sideMin;
        if (spare <= mins) {
            // not even the minimums fit: the panels share what is left in proportion to them
            double f = mins == 0 ? 0 : spare / mins;
            return new double[] {treeMin * f, sideMin * f};
        }
        // each gives up the same share of what it has above its minimum
        double f = (spare - mins) / (tw + sw - mins);
        return new double[] {treeMin + (tw - treeMin) * f, sideMin + (sw - sideMin) * f};
    }
}
