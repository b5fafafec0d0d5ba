package memscope.app.lesson;

import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import memscope.app.Messages;
import memscope.model.lesson.LessonRunner;
import memscope.model.lesson.LessonStep;

/**
 * Predict, then run: before a step runs, its choices (one button per status) and nothing of the answer; once it
 * has run, the step's reveal and whether the prediction was right. The prediction itself lives in the runner, so
 * going back and forth shows it again.
 */
final class PredictionBox {
    private final Messages messages;
    private final Label prompt = new Label();
    private final FlowPane choices = new FlowPane(6, 6);
    private final Label verdict = new Label();
    private final Label reveal = new Label();
    private final VBox box = new VBox(6, prompt, choices, verdict, reveal);
    private final ToggleGroup group = new ToggleGroup();

    PredictionBox(Messages messages) {
        this.messages = messages;
        prompt.setId("lessonPredictPrompt");
        prompt.getStyleClass().add("lesson-summary");
        choices.setId("lessonChoices");
        verdict.setId("lessonPrediction");
        verdict.getStyleClass().add("lesson-check");
        reveal.setId("lessonReveal");
        reveal.getStyleClass().add("lesson-text");
        for (Label l : new Label[] {prompt, verdict, reveal}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            // an empty line takes no room
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        choices.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(choices.getChildren()));
        choices.visibleProperty().bind(choices.managedProperty());
    }

    Node node() {
        return box;
    }

    /** Nothing to predict or reveal (no lesson, or the lesson is finished). */
    void clear() {
        choices.getChildren().clear();
        prompt.setText("");
        verdict.setText("");
        reveal.setText("");
    }

    /** Shows the current step: its choices before it runs, the reveal and the verdict after. */
    void show(LessonRunner runner, LessonStep step) {
        clear();
        verdict.getStyleClass().removeAll("lesson-pass", "lesson-fail");
        if (!step.hasAction()) {
            return;
        }
        int i = step.index();
        boolean ran = runner.outcome(i).isPresent();
        Optional<String> predicted = runner.prediction(i);
        if (!step.choices().isEmpty()) {
            prompt.setText(messages.get(ran ? "lesson.predict.closed" : "lesson.predict.prompt"));
            for (String status : step.choices()) {
                choices.getChildren().add(button(runner, status, predicted, ran));
            }
        }
        if (!ran) {
            return;
        }
        Locale locale = messages.getLocale();
        reveal.setText(step.hasReveal() ? step.reveal(locale) : "");
        runner.predictionRight(i).ifPresent(right -> {
            String observed = runner.outcome(i).orElseThrow().observedStatus();
            verdict.setText(right ? CheckMark.PASS + " " + messages.get("lesson.predict.right", predicted.get())
                    : CheckMark.FAIL + " " + messages.get("lesson.predict.wrong", predicted.get(), observed));
            verdict.getStyleClass().add(right ? "lesson-pass" : "lesson-fail");
        });
    }

    private ToggleButton button(LessonRunner runner, String status, Optional<String> predicted, boolean ran) {
        ToggleButton b = new ToggleButton(status);
        b.setId("lessonPredict-" + status);
        b.setToggleGroup(group);
        b.setSelected(predicted.map(status::equals).orElse(false));
        b.setDisable(ran); // the answer is out: too late to predict
        b.setFocusTraversable(false); // the step keys stay with the panel's buttons
        b.setOnAction(e -> {
            if (!runner.predict(status)) {
                b.setSelected(false);
            }
        });
        return b;
    }
}
