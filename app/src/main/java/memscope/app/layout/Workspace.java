package memscope.app.layout;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The main window's centre: the mapping tree, the hex view and the side panel side by side, the console and log
 * under the tree and hex view. The panels keep their widths in pixels (a larger window widens the hex view, not
 * them), can be hidden, and are resized by dragging the dividers. The hex view comes first: the panels shrink so
 * that its 16 columns and the ASCII column stay whole (see {@link PanelWidths}), and a divider cannot be dragged
 * into it.
 */
public final class Workspace {
    static final double TREE_WIDTH = 420;
    static final double SIDE_WIDTH = 290;
    static final double BOTTOM_HEIGHT = 240;
    private static final double TREE_MIN = 130;
    private static final double SIDE_MIN = 215;
    private static final double BOTTOM_MIN = 60;
    /** The bottom panel never takes more than this share of the height: the hex view keeps rows to show. */
    private static final double BOTTOM_SHARE = 0.45;

    private final Region tree;
    private final Region hex;
    private Region side;
    private Region bottom;
    private final SplitPane treeAndHex = new SplitPane();
    private final SplitPane centre = new SplitPane();
    private final SplitPane columns = new SplitPane();
    private final Map<Panel, BooleanProperty> shown = new EnumMap<>(Panel.class);
    private final Map<Panel, Double> wanted = new EnumMap<>(Panel.class);
    /** The tree width {@link #fit} chose, applied when the tree's split gets its width. */
    private double fittedTree;
    private boolean applying;

    public Workspace(Region tree, Region hex, Region side, Region bottom) {
        this.tree = tree;
        this.hex = hex;
        this.side = side;
        this.bottom = bottom;
        // no divider may be dragged into the hex view's columns
        hex.setMinWidth(Region.USE_PREF_SIZE);
        for (Region r : List.of(tree, side, bottom)) {
            loosen(r);
        }
        wanted.put(Panel.TREE, TREE_WIDTH);
        wanted.put(Panel.SIDE, SIDE_WIDTH);
        wanted.put(Panel.BOTTOM, BOTTOM_HEIGHT);
        for (Panel p : Panel.values()) {
            BooleanProperty b = new SimpleBooleanProperty(this, p.name(), true);
            b.addListener((o, was, now) -> arrange());
            shown.put(p, b);
        }
        centre.setOrientation(Orientation.VERTICAL);
        columns.setId("workspace");
        columns.widthProperty().addListener(o -> fit());
        treeAndHex.widthProperty().addListener(o -> placeTreeDivider());
        centre.heightProperty().addListener(o -> fitHeight());
        hex.widthProperty().addListener(o -> {
            if (hex.getWidth() < hex.prefWidth(-1) - 0.5) {
                fit(); // the hex view's need grew (longer addresses): the panels make room
            }
        });
        treeAndHex.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> rememberDragged(e, treeAndHex, Panel.TREE));
        centre.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> rememberDragged(e, centre, Panel.BOTTOM));
        columns.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> rememberDragged(e, columns, Panel.SIDE));
        arrange();
    }

    public Node node() {
        return columns;
    }

    /** Whether {@code panel} is on screen; setting it shows or hides the panel. */
    public BooleanProperty shownProperty(Panel panel) {
        return shown.get(panel);
    }

    /** Shows {@code panel} if it is hidden (a command that needs it, such as Lessons, was chosen). */
    public void reveal(Panel panel) {
        shown.get(panel).set(true);
    }

    /** The width (tree, side) or height (bottom) {@code panel} wants, in pixels, whether shown or not. */
    public double size(Panel panel) {
        return wanted.get(panel);
    }

    /** Sets the width or height {@code panel} wants; a value that is not a positive number is ignored. */
    public void setSize(Panel panel, double pixels) {
        if (Double.isFinite(pixels) && pixels > 0) {
            wanted.put(panel, pixels);
            fit();
            fitHeight();
        }
    }

    /** What the right column shows now (the simulation controls, or the tabs that hold them). */
    public Region side() {
        return side;
    }

    /** Puts {@code node} in the right column in place of what was there. */
    public void setSide(Region node) {
        side = loosen(node);
        arrange();
    }

    /** Puts {@code node} under the tree and hex view in place of what was there. */
    public void setBottom(Region node) {
        bottom = loosen(node);
        arrange();
    }

    private static Region loosen(Region r) {
        r.setMinWidth(0); // widths are this class's to decide; the hex view's need comes first
        r.setMinHeight(0);
        return r;
    }

    private boolean isShown(Panel p) {
        return shown.get(p).get();
    }

    /** Puts the shown panels into the splits, then sizes them. */
    private void arrange() {
        applying = true;
        try {
            treeAndHex.getItems().setAll(isShown(Panel.TREE) ? List.of(tree, hex) : List.of(hex));
            centre.getItems().setAll(isShown(Panel.BOTTOM) ? List.of(treeAndHex, bottom) : List.of(treeAndHex));
            columns.getItems().setAll(isShown(Panel.SIDE) ? List.of(centre, side) : List.of(centre));
        } finally {
            applying = false;
        }
        fit();
        fitHeight();
    }

    /** Sizes the tree and the side panel for the window's width, the hex view first. */
    private void fit() {
        double w = columns.getWidth();
        if (w <= 0 || applying) {
            return;
        }
        double d = dividerWidth();
        boolean treeShown = isShown(Panel.TREE);
        boolean sideShown = isShown(Panel.SIDE);
        double room = w - gaps(columns) - d * ((treeShown ? 1 : 0) + (sideShown ? 1 : 0));
        double[] widths = PanelWidths.fit(room, hex.prefWidth(-1),
                treeShown ? wanted.get(Panel.TREE) : 0, treeShown ? TREE_MIN : 0,
                sideShown ? wanted.get(Panel.SIDE) : 0, sideShown ? SIDE_MIN : 0);
        fittedTree = widths[0];
        applying = true;
        try {
            if (sideShown) {
                columns.setDividerPosition(0, position(columns, w - gaps(columns) - d - widths[1], d));
            }
        } finally {
            applying = false;
        }
        placeTreeDivider();
    }

    private void placeTreeDivider() {
        double w = treeAndHex.getWidth();
        if (w <= 0 || !isShown(Panel.TREE) || applying) {
            return;
        }
        applying = true;
        try {
            treeAndHex.setDividerPosition(0, position(treeAndHex, fittedTree, dividerWidth()));
        } finally {
            applying = false;
        }
    }

    private void fitHeight() {
        double h = centre.getHeight();
        if (h <= 0 || !isShown(Panel.BOTTOM) || applying) {
            return;
        }
        double d = dividerWidth();
        double room = h - centre.getInsets().getTop() - centre.getInsets().getBottom() - d;
        double b = Math.min(Math.max(wanted.get(Panel.BOTTOM), BOTTOM_MIN), room * BOTTOM_SHARE);
        applying = true;
        try {
            centre.setDividerPosition(0, position(centre, room - b, d));
        } finally {
            applying = false;
        }
    }

    /**
     * The position of {@code split}'s first divider that leaves {@code first} pixels before it: SplitPane puts a
     * divider's centre at {@code position} times its whole width (insets included).
     */
    private static double position(SplitPane split, double first, double divider) {
        boolean across = split.getOrientation() == Orientation.HORIZONTAL;
        double size = across ? split.getWidth() : split.getHeight();
        double start = across ? split.getInsets().getLeft() : split.getInsets().getTop();
        return size <= 0 ? 0.5 : Math.max(0, Math.min(1, (start + first + divider / 2) / size));
    }

    private static double gaps(SplitPane s) {
        return s.getInsets().getLeft() + s.getInsets().getRight();
    }

    private double dividerWidth() {
        Node divider = columns.lookup(".split-pane-divider");
        if (divider instanceof Region r && r.getWidth() > 0 && r.getHeight() > 0) {
            return Math.min(r.getWidth(), r.getHeight()); // its thickness, whichever way it lies
        }
        return 6; // modena's divider until one has been laid out
    }

    /**
     * A divider of {@code split} was dragged: the width (or height) {@code panel} now has is what it wants from now
     * on. Releases elsewhere (a click in the hex view) and the other panels' squeezed sizes are left alone.
     */
    private void rememberDragged(MouseEvent e, SplitPane split, Panel panel) {
        if (!isShown(panel) || !onDividerOf(e.getTarget(), split)) {
            return;
        }
        split.layout();
        Region r = switch (panel) {
            case TREE -> tree;
            case SIDE -> side;
            case BOTTOM -> bottom;
        };
        double size = panel == Panel.BOTTOM ? r.getHeight() : r.getWidth();
        if (size > 0) {
            wanted.put(panel, size);
        }
        fit();
        fitHeight();
    }

    /** Whether {@code target} is (inside) one of {@code split}'s own dividers, not a nested split's. */
    private static boolean onDividerOf(Object target, SplitPane split) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return n.getParent() == split;
            }
        }
        return false;
    }
}
