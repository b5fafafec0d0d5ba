package memscope.app.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.model.Status;
import memscope.model.SyscallRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 (start-up): the syscall log's text area is made after the first frame; calls logged before then are
 * written into it when it is made, as they would have been, within the same bound.
 */
@ExtendWith(ApplicationExtension.class)
class SyscallLogAfterFirstFrameTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private SyscallLog shown;
    private boolean madeBeforeTheFirstFrame;
    private javafx.scene.paint.Paint placeholderFill;

    @Start
    void start(Stage stage) {
        shown = log();
        Scene scene = new Scene(shown.node(), 400, 300);
        scene.getStylesheets().add(SyscallLog.class.getResource("/memscope/app/memscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show(); // no pulse has run yet
        madeBeforeTheFirstFrame = shown.areaMade();
        javafx.scene.layout.Region placeholder = (javafx.scene.layout.Region) ((javafx.scene.layout.Pane) shown.node())
                .getChildren().get(0);
        placeholder.applyCss();
        placeholderFill = placeholder.getBackground().getFills().get(0).getFill();
    }

    private SyscallLog log() {
        return new SyscallLog(messages, new OutcomeDescriber(messages, koid -> "CACHED", a -> Optional.empty()));
    }

    private static List<SyscallRecord> calls(int from, int count) {
        List<SyscallRecord> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(new SyscallRecord(i, "zx_process_write_memory", "handle=0x1", i % 3 == 0 ? Status.ERR_ACCESS_DENIED
                    : Status.OK, null, 4, i % 3 == 0 ? 0 : 4, null, 0));
        }
        return out;
    }

    @Test
    void theAreaIsMadeAfterTheFirstFrameWithoutAsking(FxRobot robot) throws Exception {
        assertFalse(madeBeforeTheFirstFrame);
        assertEquals(javafx.scene.paint.Color.WHITE, placeholderFill, "the placeholder has the area's white");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, shown::areaMade);
        assertTrue(robot.lookup("#syscallLog").tryQuery().isPresent());
    }

    @Test
    void callsLoggedBeforeTheAreaExistsAreInItAsIfItHadExisted(FxRobot robot) {
        String[] texts = new String[2];
        boolean[] madeEarly = new boolean[1];
        robot.interact(() -> {
            SyscallLog eager = log();
            eager.area(); // made first, then written to as calls come
            SyscallLog lazy = log(); // in no scene: made only when asked
            // more than the bound in three batches, one with calls left out, so the cap applies before and after
            for (SyscallLog l : List.of(eager, lazy)) {
                l.append(calls(1, 3000), 0);
                l.append(calls(3001, 2500), 7);
                l.append(calls(5501, 10), 0);
            }
            madeEarly[0] = lazy.areaMade();
            texts[0] = eager.area().getText();
            texts[1] = lazy.area().getText();
        });
        assertFalse(madeEarly[0], "appending alone does not make the area");
        assertEquals(texts[0], texts[1]);
        assertEquals(SyscallLog.MAX_LINES, texts[1].lines().count());
        assertTrue(texts[1].endsWith("#5510 zx_process_write_memory(handle=0x1) -> ZX_OK [4/4]"), texts[1]);
    }

    @Test
    void aLanguageSwitchBeforeTheAreaExistsIsInItsWords(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> {
            SyscallLog lazy = log();
            lazy.append(List.of(), 3); // a note of left-out calls: worded by the bundle
            messages.setLocale(Locale.SIMPLIFIED_CHINESE);
            text[0] = lazy.area().getText();
            messages.setLocale(Locale.ENGLISH);
        });
        assertEquals(new Messages(Locale.SIMPLIFIED_CHINESE).get("log.dropped", 3L), text[0]);
    }
}
