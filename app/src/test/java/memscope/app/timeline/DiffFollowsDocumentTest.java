package memscope.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import memscope.app.document.Document;
import memscope.app.testkit.TreeRows;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.model.MapEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Diff window compares the window's current document: switching to another (a tree row, a tab) compares the
 * same two moments again for it, marks and rows at its addresses, and a row jumps there; the past shown follows
 * too, and returning to now shows the document shown, not the one left; closing the shown document moves it to the
 * neighbour. (The window going away closes it: SessionSavePointTest.)
 */
class DiffFollowsDocumentTest {
    private TimelineApp w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    /** Chooses the tree row of {@code entry} in process {@code koid}, as a click on it does. */
    @SuppressWarnings("unchecked")
    private void chooseRow(long koid, MapEntry entry) {
        CanvasTree tree = w.robot.lookup("#mappingTree").queryAs(CanvasTree.class);
        TreeItem<MappingRow> row = TreeRows.find(tree.getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.processKoid() == koid && r.base() == entry.base());
        w.robot.interact(() -> tree.getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickTab(String title) {
        Node tab = w.robot.lookup("#documentTabs .tab").match((Node n) -> w.robot.from(n).lookup(".tab-label")
                .queryAs(Label.class).getText().equals(title)).queryAs(Node.class);
        w.robot.clickOn(tab);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Document current() {
        return w.window().documents().current().orElseThrow();
    }

    private boolean marked(long address) {
        return w.hex().getHighlights().stream().anyMatch(h -> h.contains(address));
    }

    @Test
    void theDiffWindowSpeaksTheLanguageChosenWhileItIsOpen() throws Exception {
        w = TimelineApp.launch();
        w.typeAt(w.mapping("app", "data").base() + 0x10, "ab");
        w.openDiff();
        String english = w.summary();
        assertTrue(english.contains("changed range"), english);
        w.language("\u7b80\u4f53\u4e2d\u6587");
        assertTrue(w.summary().contains("\u4e4b\u95f4"), "the summary in Chinese: " + w.summary()); // 之间
        assertTrue(w.documentShown().startsWith("\u6587\u6863"), w.documentShown()); // 文档
        w.language("English");
        assertEquals(english, w.summary(), "and back, with the same numbers");
    }

    @Test
    void theDiffWindowAndThePastFollowTheDocumentShown() throws Exception {
        w = TimelineApp.launch();
        long appRing = w.mapping("app", "ring").base() + 0x10;
        long logRing = w.mapping("logger", "ring").base() + 0x10;
        long appData = w.mapping("app", "data").base() + 0x10;
        w.typeAt(appRing, "ab"); // the ring is shared: logger sees it at its own address
        w.typeAt(appData, "cd");
        w.openDiff();
        assertEquals("Document: editor-app", w.documentShown());
        assertTrue(w.ranges().contains(TimelineApp.range(appRing)), w.ranges().toString());
        assertTrue(w.ranges().contains(TimelineApp.range(appData)), w.ranges().toString());
        assertTrue(marked(appRing) && marked(appData));

        // another document: the same moments, compared for it
        String from = w.field("diffFrom").getText();
        String to = w.field("diffTo").getText();
        chooseRow(w.koidOf("logger"), w.mapping("logger", "ring"));
        assertEquals("logger", current().name());
        assertEquals("Document: logger", w.documentShown());
        assertEquals(from, w.field("diffFrom").getText());
        assertEquals(to, w.field("diffTo").getText());
        assertTrue(w.ranges().contains(TimelineApp.range(logRing)), w.ranges().toString());
        assertFalse(w.ranges().contains(TimelineApp.range(appData)), "app's data is not logger's");
        assertTrue(marked(logRing), "marked at logger's address");
        assertFalse(marked(appRing) && appRing != logRing, "not at app's");

        // a row jumps in the document shown: logger's past, caret on logger's byte
        int first = w.ranges().indexOf(TimelineApp.range(logRing));
        w.robot.interact(() -> w.table().getSelectionModel().select(first));
        WaitForAsyncUtils.waitForFxEvents();
        Timeline timeline = Timeline.of(w.window()).orElseThrow();
        assertTrue(timeline.inThePast());
        long moment = timeline.viewingProperty().get();
        assertEquals(logRing, w.hex().caretProperty().get());
        assertSame(current(), ((PastByteSource) w.hex().getSource()).document());

        // in the past, back to app's tab: app as it was at the same moment; back to now is app's now
        clickTab("editor-app");
        assertEquals("editor-app", current().name());
        assertTrue(timeline.inThePast());
        assertEquals(moment, timeline.viewingProperty().get());
        assertTrue(w.hex().getSource() instanceof PastByteSource p && p.document() == current(),
                "the past of the document shown");
        assertEquals("Document: editor-app", w.documentShown());
        assertTrue(w.ranges().contains(TimelineApp.range(appData)), w.ranges().toString());
        w.fireMenu("timelineNow"); // View > Return to now, Esc's twin (Esc here would close the Diff window)
        assertFalse(timeline.inThePast());
        assertSame(current().memory(), w.hex().getSource(), "now is app's, not logger's");
        assertSame(w.window().editor(), w.hex().editHandlerProperty().get(), "editable again");

        // the shown document closes: its neighbour is shown, and compared
        clickTab("logger");
        assertEquals("Document: logger", w.documentShown());
        Document logger = current();
        w.robot.interact(() -> w.window().closeDocument(logger));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.window().documents().open().contains(logger));
        assertEquals("Document: editor-app", w.documentShown());
        assertTrue(w.ranges().contains(TimelineApp.range(appData)), w.ranges().toString());
        assertTrue(marked(appData));
    }
}
