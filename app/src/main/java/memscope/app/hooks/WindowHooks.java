package memscope.app.hooks;

import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuItem;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.edit.Editor;
import memscope.app.hex.AddressRange;
import memscope.app.hex.HexView;
import memscope.app.kernel.KernelSession;
import memscope.app.layout.Workspace;
import memscope.app.status.StatusPane;
import memscope.app.tree.MappingTreeView;

/**
 * What a feature may ask of the main window: the current documents and the shared controls to point at, and
 * places to put its menu items, bars, panels and tools. The window implements it; features know only this, never
 * the window's class, so the window can change its layout without touching them (LayeredArchitectureTest).
 */
public interface WindowHooks {
    /** A panel a feature docks into the window (the console, the lessons): see {@link #dock}. */
    interface Tool {
        Node node();

        ObservableStringValue title();

        /** Brings the tool forward and gives it the keyboard. */
        void focus();
    }

    /** Where contributed menu items go: File (above Quit), Edit, View (at the end). */
    enum MenuSlot { FILE, EDIT, VIEW }

    KernelSession session();

    /** The documents open in the window and the current one: what features read and point at. */
    Documents documents();

    HexView hexView();

    Editor editor();

    StatusPane statusPane();

    MappingTreeView tree();

    /** The tree, hex view, side panel and bottom panel, and their sizes. */
    Workspace workspace();

    /** The window's content, for stylesheets and key filters. */
    Parent root();

    /** Adds menu items: to File above Quit, to the end of Edit or View. */
    void addMenuItems(MenuSlot slot, List<MenuItem> items);

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

    /** Opens the file {@code name}, mapped at {@code range} in process {@code processKoid}, as a document and shows it. */
    void openFileDocument(long processKoid, AddressRange range, String name);

    /** Shows {@code doc}, one of {@link #documents()}, as a click on its tab does. */
    void showDocument(Document doc);

    /** Closes the view {@code doc} (not what it shows), showing its neighbour if it was shown. */
    void closeDocument(Document doc);

    /** The file process {@code processKoid} shows was saved: nothing its documents show is changed any more. */
    void markSaved(long processKoid);
}
