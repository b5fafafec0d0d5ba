package memscope.app.files;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import memscope.app.MemScopeApp;
import memscope.app.testkit.RunningApp;
import memscope.model.file.FileDocument;

/** The real application, started as from the command line, with what the file tests drive and observe. */
final class FileWindow extends RunningApp {
    private FileWindow(MemScopeApp app, Stage stage) {
        super(app, stage);
    }

    static FileWindow launch(String... args) throws Exception {
        // a file named on the command line is read off the FX thread
        return launch(FileWindow::new, a -> a.files().latestRead(), args);
    }

    @Override
    protected void released() {
        app.files().closeDocument();
    }

    /** The current tab's file. */
    FileDocument doc() {
        return app.files().document();
    }

    EditorTools tools() {
        return app.files().tools();
    }

    String title() {
        return stage.getTitle();
    }

    /** Writes the whole window to {@code file} as a PNG. */
    void snapshot(Path file) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
