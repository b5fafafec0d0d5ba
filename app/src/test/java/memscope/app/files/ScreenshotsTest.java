package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the window with a file open, the find bar showing a hit, the inspector and a bookmark, in the light
 * and the dark theme, to {@code target/screenshots/files-*.png} for a person to look at.
 */
class ScreenshotsTest {
    @TempDir
    Path dir;

    @Test
    void fileFindInspectorAndDarkTheme() throws Exception {
        byte[] b = new byte[1000];
        byte[] text = "MemScope edits real files: find, inspect, bookmark, fill. ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) {
            b[i] = i % 80 < text.length ? text[i % 80 % text.length] : (byte) (i * 7);
        }
        Path f = Files.write(dir.resolve("sample.bin"), b);
        FileWindow w = FileWindow.launch("--open", f.toString());
        try {
            long base = 0;
            w.typeAt(base + 0x40, "deadbeef");
            w.robot.interact(() -> {
                w.tools().bookmarks().add(new memscope.app.bookmarks.Bookmark("header", base, base + 8,
                        javafx.scene.paint.Color.GOLD.deriveColor(0, 1, 1, 1)));
                w.hex().requestFocus();
            });
            w.press(KeyCode.CONTROL, KeyCode.F);
            w.robot.interact(() -> w.robot.lookup("#findField").queryAs(TextField.class).setText("72 65 61 6c"));
            w.robot.clickOn("#findField");
            w.press(KeyCode.ENTER);
            w.waitUntil("the search ended", () -> !w.tools().findBar().searchingProperty().get());
            Path out = Path.of("target", "screenshots");
            w.snapshot(out.resolve("files-light.png"));
            w.fireMenu("darkThemeMenu");
            w.snapshot(out.resolve("files-dark.png"));
            assertTrue(Files.size(out.resolve("files-dark.png")) > 10_000);
        } finally {
            w.close();
        }
    }
}
