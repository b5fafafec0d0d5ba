package memscope.app.layout;

/** The panels around the hex view that can be hidden and resized. */
public enum Panel {
    /** The mapping tree, left of the hex view. */
    TREE,
    /** The right column: simulation controls, lessons, inspector, bookmarks. */
    SIDE,
    /** The console and the syscall log, under the tree and the hex view. */
    BOTTOM
}
