package memscope.app.hooks;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import memscope.app.layout.Workspace;

/** Where a feature puts its bars, panels and docked tools, and the layout it may show or hide. */
public interface PanelHooks {
    /** A panel a feature docks into the window (the console, the lessons): see {@link #dock}. */
    interface Tool {
        Node node();

        ObservableStringValue title();

        /** Brings the tool forward and gives it the keyboard. */
        void focus();
    }

    /** The tree, hex view, side panel and bottom panel, and their sizes. */
    Workspace workspace();

    /** The window's content, for stylesheets and key filters. */
    Parent root();

    /** Puts a bar under the toolbar (the find bar). */
    void placeTop(Node node);

    /** Puts a bar under the syscall log (the timeline), whether or not the bottom panel shows now. */
    void placeUnderLog(Node node);

    /** Puts a panel in the right column, under the simulation controls. */
    void placeSide(Node node);

    /** Docks {@code besideLog} left of the syscall log and {@code sideTab} in a tab beside the simulation controls. */
    void dock(Tool besideLog, Tool sideTab);

    /** Brings the lesson tool forward. */
    void showLessons();
}
