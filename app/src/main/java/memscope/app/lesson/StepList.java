package memscope.app.lesson;

import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import memscope.app.Messages;
import memscope.model.lesson.LessonRunner;
import memscope.model.lesson.LessonStep;
import memscope.model.lesson.StepOutcome;

/**
 * Every step of the running lesson, one line each with its mark: ✔ or ✘ once performed, ▶ for the current one.
 * Clicking a step goes there (a fresh kernel with the steps before it replayed).
 */
final class StepList {
    private static final int ROWS = 8;
    private static final double ROW_HEIGHT = 22;
    /** The font size {@link #ROW_HEIGHT} was chosen for; rows grow with the zoom's larger fonts. */
    private static final double ROW_FONT = 13;

    private final Messages messages;
    private final IntConsumer goTo;
    private final ListView<Integer> list = new ListView<>();
    private LessonRunner runner;

    StepList(Messages messages, IntConsumer goTo) {
        this.messages = messages;
        this.goTo = goTo;
        list.setId("lessonSteps");
        list.getStyleClass().add("lesson-steps");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefHeight(ROWS * ROW_HEIGHT + 2);
        list.setCellFactory(v -> new StepCell());
        list.setFocusTraversable(false);
    }

    Node node() {
        return list;
    }

    /** Rows as tall as the cells' font needs (a fixed height would cut the text off at 250 % zoom). */
    private void fitRows(double fontSize) {
        double height = Math.ceil(ROW_HEIGHT * Math.max(1, fontSize / ROW_FONT));
        if (height != list.getFixedCellSize()) {
            list.setFixedCellSize(height);
            list.setPrefHeight(ROWS * height + 2);
        }
    }

    /** Shows the runner's steps, or nothing when no lesson runs. */
    void show(LessonRunner running) {
        show(running, running == null ? 0 : running.currentIndex());
    }

    /** As {@link #show(LessonRunner)}, with step {@code shown} chosen (a step looked at on the timeline). */
    void show(LessonRunner running, int shown) {
        this.runner = running;
        if (running == null) {
            list.getItems().clear();
            return;
        }
        list.getItems().setAll(IntStream.range(0, running.stepCount()).boxed().toList());
        list.refresh(); // marks changed even where the items did not
        if (running.finished()) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().select(shown); // the current step stands out
            list.scrollTo(Math.max(0, shown - 2));
        }
    }

    /** The line {@code running} shows for step {@code index}. */
    String lineFor(LessonRunner running, int index) {
        this.runner = running;
        return line(index);
    }

    /** The line shown for step {@code index}: its mark, number, and its command (or the start of its text). */
    String line(int index) {
        LessonStep step = runner.lesson().steps().get(index);
        String mark = runner.outcome(index).map(StepOutcome::passed).map(p -> p ? CheckMark.PASS : CheckMark.FAIL)
                .orElse(index == runner.currentIndex() ? "\u25b6" : "\u2003");
        Locale locale = messages.getLocale();
        String what = step.hasAction() ? step.action() : step.text(locale);
        // extra and homework steps are marked in words, not by colour alone
        String depth = step.isCore() ? "" : "[" + messages.get("lesson.depth." + step.depth().fileName()) + "] ";
        return mark + " " + (index + 1) + ". " + depth + what;
    }

    private final class StepCell extends ListCell<Integer> {
        StepCell() {
            setPrefWidth(0); // long commands end in an ellipsis rather than widening the list sideways
            fontProperty().addListener((o, was, font) -> fitRows(font.getSize()));
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null && runner != null) {
                    goTo.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            getStyleClass().removeAll("step-pass", "step-fail", "step-current");
            if (empty || index == null || runner == null) {
                setText(null);
                return;
            }
            setText(line(index));
            runner.outcome(index).ifPresentOrElse(o -> getStyleClass().add(o.passed() ? "step-pass" : "step-fail"),
                    () -> {
                        if (index == runner.currentIndex()) {
                            getStyleClass().add("step-current");
                        }
                    });
        }
    }
}
