package memscope.app.timeline;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import memscope.app.Messages;
import memscope.model.KernelListener;
import memscope.model.SyscallRecord;
import memscope.model.history.Caller;
import memscope.model.history.Step;

/**
 * The timeline under the syscall log: a slider over the recorded call numbers with a mark per call (writes
 * orange, refusals red, structure changes blue), a banner while the past is shown, and the View menu's items.
 */
final class TimelineBar {
    /** More marks than this are thinned out: a mark narrower than a pixel shows nothing more. */
    private static final int MAX_MARKS = 1500;

    private final Timeline timeline;
    private final Messages messages;
    private final Slider slider = new Slider(0, 1, 1);
    private final Label banner = new Label();
    private final Label position = new Label();
    private final Pane marks = new Pane();
    private final VBox node;
    private boolean updating;
    private final memscope.model.Subscription subscription;
    /** An update is queued on the FX thread: calls come in bursts (every hex repaint reads), one update serves all. */
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
    /** What the marks were drawn for: horizon, now, width; redrawn only when one changes. */
    private long drawnHorizon = -1;
    private long drawnNow = -1;
    private double drawnWidth = -1;

    TimelineBar(Timeline timeline, Messages messages) {
        this.timeline = timeline;
        this.messages = messages;
        slider.setId("timelineSlider");
        slider.setFocusTraversable(false);
        banner.setId("timelineBanner");
        banner.setStyle("-fx-background-color: #fff3b0; -fx-text-fill: #3a2f00; -fx-padding: 2 6 2 6;");
        banner.setVisible(false);
        banner.setManaged(false);
        position.setId("timelinePosition");
        marks.setId("timelineMarks");
        marks.setPrefHeight(6);
        marks.setMinHeight(6);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                timeline.jumpTo(Math.round(b.doubleValue()));
            }
        });
        HBox row = new HBox(6, slider, position);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        node = new VBox(2, banner, marks, row);
        node.setId("timeline");
        node.setPadding(new Insets(2, 6, 2, 6));
        marks.widthProperty().addListener((o, a, b) -> drawMarks());
        timeline.viewingProperty().addListener((o, a, b) -> update());
        messages.localeProperty().addListener((o, a, b) -> update());
        // a new call moves "now": follow it on the FX thread, for as long as the window lives (a hidden bottom
        // panel takes the bar out of the scene, and it follows again when shown)
        subscription = timelineKernel().subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                if (queued.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        queued.set(false);
                        update();
                    });
                }
            }
        });
        update();
    }

    /** The window is gone: stop following its kernel. */
    void dispose() {
        subscription.close();
    }

    private memscope.model.Kernel timelineKernel() {
        return timeline.kernel();
    }

    Node node() {
        return node;
    }

    List<MenuItem> menuItems() {
        MenuItem previous = item("timelinePrevious", "timeline.menu.previous", "Alt+Left");
        previous.setOnAction(e -> timeline.step(-1));
        MenuItem next = item("timelineNext", "timeline.menu.next", "Alt+Right");
        next.setOnAction(e -> timeline.step(1));
        MenuItem now = item("timelineNow", "timeline.menu.now", null);
        now.setOnAction(e -> timeline.returnToNow());
        MenuItem who = item("timelineWhoWrote", "timeline.menu.whoWrote", "Shortcut+Shift+H");
        who.setOnAction(e -> timeline.whoWrote());
        MenuItem diff = item("timelineDiff", "timeline.menu.diff", "Shortcut+Shift+D");
        diff.setOnAction(e -> timeline.diffSinceStart());
        MenuItem between = item("timelineDiffBetween", "timeline.menu.diffBetween", "Shortcut+Alt+D");
        between.setOnAction(e -> timeline.showDiff());
        MenuItem clear = item("timelineClearDiff", "timeline.menu.clearDiff", null);
        clear.setOnAction(e -> timeline.clearDiff());
        return List.of(previous, next, now, who, diff, between, clear);
    }

    private MenuItem item(String id, String key, String accelerator) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.textProperty().bind(messages.text(key));
        if (accelerator != null) {
            // Esc stays the window's (the go-to bar leaves with it): the timeline takes it only in the past
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return i;
    }

    /** Shows where the history starts, where it ends, and which call is shown. */
    void update() {
        long horizon = timeline.history().horizon();
        long now = timeline.history().now();
        long shown = timeline.shown();
        updating = true;
        try {
            slider.setMin(horizon);
            slider.setMax(Math.max(now, horizon + 1));
            slider.setValue(shown);
        } finally {
            updating = false;
        }
        boolean past = timeline.inThePast();
        banner.setVisible(past);
        banner.setManaged(past);
        banner.setText(messages.get("timeline.banner", shown, now));
        position.setText(messages.get("timeline.position", horizon, now));
        drawMarks();
    }

    private void drawMarks() {
        double width = marks.getWidth();
        long horizon = timeline.history().horizon();
        long now = timeline.history().now();
        if (horizon == drawnHorizon && now == drawnNow && width == drawnWidth) {
            return;
        }
        drawnHorizon = horizon;
        drawnNow = now;
        drawnWidth = width;
        marks.getChildren().clear();
        long span = Math.max(1, now - horizon);
        if (width <= 0) {
            return;
        }
        // the window's own reads are not marked, as the syscall log does not list them (a refused read of a dead
        // process's maps is nobody's edit); they never change anything, so a change by one would still show
        List<Step> steps = timeline.history().steps().stream().filter(s -> s.caller() != Caller.WINDOW
                || s.wroteBytes() || s.changedStructure()).toList();
        int every = Math.max(1, steps.size() / MAX_MARKS);
        for (int i = 0; i < steps.size(); i += every) {
            Step s = steps.get(i);
            Rectangle r = new Rectangle(Math.max(1, width / span), 6);
            r.setX((s.sequence() - horizon) * width / span);
            r.setFill(s.refused() ? Color.web("#d0021b") : s.changedStructure() ? Color.web("#2f6fd6")
                    : Color.web("#e07b00"));
            marks.getChildren().add(r);
        }
    }
}
