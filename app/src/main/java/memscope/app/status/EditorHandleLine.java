package memscope.app.status;

import memscope.app.Messages;
import memscope.app.kernel.KernelSession;

/**
 * The status pane's editor part: which handle edits go through and whose process it names, and the personality,
 * kept up to date as the handle, the personality or the language changes.
 */
public final class EditorHandleLine {
    private final KernelSession session;
    private final Messages messages;
    private final StatusPane status;

    private EditorHandleLine(KernelSession session, Messages messages, StatusPane status) {
        this.session = session;
        this.messages = messages;
        this.status = status;
    }

    /** Shows the editor handle of {@code session} in {@code status} from now on. */
    public static void follow(KernelSession session, Messages messages, StatusPane status) {
        EditorHandleLine line = new EditorHandleLine(session, messages, status);
        session.editorHandleProperty().addListener((o, a, b) -> line.show());
        session.personalityProperty().addListener((o, a, b) -> line.show());
        messages.localeProperty().addListener((o, a, b) -> line.show());
        line.show();
    }

    private void show() {
        int h = session.editorHandleProperty().get();
        String name = session.nameOf(h).orElse("0x" + Integer.toHexString(h));
        String process = session.kernel().inspector().handle(h)
                .flatMap(info -> session.kernel().inspector().process(info.koid()))
                .map(p -> p.name()).orElse("?");
        status.editorLabel().setText(messages.get("status.editorHandle", messages.get("panel.editor"), name,
                process));
        status.personalityLabel().setText(messages.get(session.personalityProperty().get().messageKey()));
    }
}
