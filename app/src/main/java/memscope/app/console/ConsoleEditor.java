package memscope.app.console;

import java.util.Collection;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import memscope.app.Messages;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The console's two text parts, the editor and the transcript (RichTextFX). They cost the most of the console to
 * make (about 0.4 s of the FX thread's CPU at start on 2 cores, with their classes), so {@link ConsolePane} makes
 * them after the first frame or when something needs them, whichever comes first (issue 14: start-up).
 */
final class ConsoleEditor {
    final CodeArea area = new CodeArea();
    final ConsoleTranscript transcript;
    final CompletionMenu completion;
    final Node editorView;
    final Node transcriptView;

    /** {@code run} runs on Ctrl+Enter; {@code restyle} whenever the text changes. */
    ConsoleEditor(Messages messages, Supplier<Collection<String>> names, Runnable run, Runnable restyle) {
        this.transcript = new ConsoleTranscript(messages);
        this.completion = new CompletionMenu(area, messages, names);
        area.setId("console");
        area.getStyleClass().add("console-area");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((o, was, now) -> restyle.run());
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ConsolePane.RUN.match(e)) {
                run.run();
                e.consume();
            } else if (ConsolePane.COMPLETE.match(e)) {
                completion.show();
                e.consume();
            }
        });
        transcript.node().setFocusTraversable(false);
        editorView = new VirtualizedScrollPane<>(area);
        transcriptView = new VirtualizedScrollPane<>(transcript.node());
    }
}
