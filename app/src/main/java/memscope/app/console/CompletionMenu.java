package memscope.app.console;

import java.util.Collection;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import memscope.app.Messages;
import memscope.model.script.CommandCatalog;
import memscope.model.script.ConsoleCompletion;
import memscope.model.script.ConsoleCompletion.Completion;
import org.fxmisc.richtext.CodeArea;

/**
 * Ctrl+Space in the console: what may be typed at the caret (a command, a handle name, a keyword, an option). One
 * candidate is inserted at once; several are offered in a menu under the caret.
 */
final class CompletionMenu {
    private final CodeArea area;
    private final Messages messages;
    private final Supplier<Collection<String>> names;
    private final ContextMenu menu = new ContextMenu();

    CompletionMenu(CodeArea area, Messages messages, Supplier<Collection<String>> names) {
        this.area = area;
        this.messages = messages;
        this.names = names;
        menu.setId("consoleCompletion");
    }

    /** The candidates at the caret now (also what the menu would offer). */
    Completion candidates() {
        int paragraph = area.getCurrentParagraph();
        return ConsoleCompletion.at(area.getParagraph(paragraph).getText(), area.getCaretColumn(), names.get());
    }

    void show() {
        Completion c = candidates();
        if (c.candidates().isEmpty()) {
            return;
        }
        if (c.candidates().size() == 1) {
            accept(c, c.candidates().get(0));
            return;
        }
        menu.getItems().clear();
        String line = area.getParagraph(area.getCurrentParagraph()).getText();
        boolean commandWord = line.substring(0, Math.min(c.replaceStart(), line.length())).isBlank();
        for (String candidate : c.candidates()) {
            MenuItem item = new MenuItem(commandWord ? described(candidate) : candidate);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> accept(c, candidate));
            menu.getItems().add(item);
        }
        Bounds caret = area.getCaretBounds().orElse(area.localToScreen(area.getBoundsInLocal()));
        menu.show(area, caret.getMinX(), caret.getMaxY());
    }

    /** A command offered with what it does, so the menu teaches as it completes: {@code kill — zx_task_kill: …}. */
    private String described(String command) {
        return CommandCatalog.find(command)
                .map(spec -> spec.call().equals(command)
                        ? messages.get("console.completion.call", command, messages.render(spec.summaryText()))
                        : messages.get("console.completion.command", command, spec.call(),
                                messages.render(spec.summaryText())))
                .orElse(command);
    }

    private void accept(Completion c, String candidate) {
        int lineStart = area.getAbsolutePosition(area.getCurrentParagraph(), 0);
        area.replaceText(lineStart + c.replaceStart(), lineStart + c.replaceEnd(), candidate);
        area.moveTo(lineStart + c.replaceStart() + candidate.length());
    }
}
