package memscope.app.live;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.hex.HexView;
import memscope.app.kernel.KernelSession;
import memscope.app.status.Outcome;
import memscope.model.linux.LinuxMapping;
import memscope.model.linux.LinuxProcess;
import memscope.model.linux.MapsDiff;
import memscope.model.linux.RefreshResult;

/**
 * What a window showing a live process adds: a section in the side panel (the process, "Write through to the
 * live process", auto-refresh), the red banner while writing through, and a once-a-second look at the process:
 * has it exited (then it shows as dead, writing through stops), and, with auto-refresh on, which bytes of the
 * visible rows it changed since the last look (marked as changed in the hex view).
 */
public final class LivePanel {
    static final Duration PERIOD = Duration.seconds(1);
    /** How many mappings of each kind a reload names on the status line. */
    private static final int MAX_NAMED = 3;

    private final WindowHooks window;
    private final LinuxProcess process;
    private final Messages messages;
    private final BooleanProperty autoRefresh;
    private final KernelSession session;
    private final Label heading = new Label();
    private final Label banner = new Label();
    private final CheckBox writeThrough = new CheckBox();
    private final Timeline ticks = new Timeline(new KeyFrame(PERIOD, e -> tick()));
    private boolean deadShown;

    LivePanel(WindowHooks window, LinuxProcess process, Messages messages, BooleanProperty autoRefresh) {
        this.window = window;
        this.process = process;
        this.messages = messages;
        this.autoRefresh = autoRefresh;
        this.session = window.session();
        heading.setId("liveHeading");
        heading.setWrapText(true);
        heading.getStyleClass().add("panel-heading");
        writeThrough.setId("writeThrough");
        writeThrough.textProperty().bind(messages.text("live.panel.writeThrough"));
        writeThrough.setWrapText(true);
        writeThrough.selectedProperty().addListener((o, was, on) -> writingThrough(on));
        CheckBox auto = new CheckBox();
        auto.setId("autoRefresh");
        auto.textProperty().bind(messages.text("live.panel.autoRefresh"));
        auto.setWrapText(true);
        auto.selectedProperty().bindBidirectional(autoRefresh);
        VBox box = new VBox(6, heading, writeThrough, auto);
        box.setId("livePanel");
        window.placeSide(box);

        banner.setId("writeThroughBanner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        // white on dark red: 6.6:1 in either theme, and unmistakable
        banner.setStyle("-fx-background-color: #b71c1c; -fx-text-fill: white; -fx-padding: 4 8 4 8;"
                + " -fx-font-weight: bold;");
        showBanner(false);
        window.placeTop(banner);
        messages.localeProperty().addListener((o, was, now) -> reword());
        session.linuxPathProperty().addListener((o, was, now) -> reword());
        reword();
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
    }

    public LinuxProcess process() {
        return process;
    }

    /** "Write through to the live process": off by default, and off again when the process exits. */
    public BooleanProperty writeThroughProperty() {
        return writeThrough.selectedProperty();
    }

    public boolean bannerShown() {
        return banner.isVisible();
    }

    /** F5: rereads the maps; the status line says what appeared, vanished or changed. */
    void reload() {
        MapsDiff diff = process.reload();
        if (diff.exited()) {
            exited();
            return;
        }
        window.statusPane().info(() -> {
            String said = messages.get("live.status.reloaded", process.pid(), messages.render(diff.summary()));
            said = detail(said, "live.reload.appeared", diff.appeared());
            said = detail(said, "live.reload.vanished", diff.vanished());
            return detail(said, "live.reload.changed", diff.changed().stream().map(MapsDiff.Change::after).toList());
        });
    }

    /** "...; appeared: 7f10000-7f13000 rw-p [anon], ..." (the first few of a list). */
    private String detail(String said, String key, java.util.List<LinuxMapping> list) {
        if (list.isEmpty()) {
            return said;
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_NAMED, list.size()); i++) {
            LinuxMapping m = list.get(i);
            names.append(i == 0 ? "" : ", ").append(Long.toHexString(m.start())).append('-')
                    .append(Long.toHexString(m.end())).append(' ').append(m.perms())
                    .append(' ').append(m.anonymous() ? "[anon]" : m.path());
        }
        if (list.size() > MAX_NAMED) {
            names.append(", \u2026");
        }
        return messages.get("files.status.andNote", said, messages.get(key, names));
    }

    /** One look at the process: exited? and with auto-refresh, the visible rows again. */
    void tick() {
        if (!process.alive()) {
            exited();
            return;
        }
        if (autoRefresh.get()) {
            refreshVisible();
        }
    }

    /** Rereads the rows the hex view shows; what the process changed is marked (through the kernel's news). */
    RefreshResult refreshVisible() {
        HexView hex = window.hexView();
        long length = (long) Math.max(1, hex.getVisibleRowCount()) * 16;
        RefreshResult r = process.refresh(hex.topAddressProperty().get(), length);
        if (r.exited()) {
            exited();
        } else if (r.changedBytes() > 0) {
            long n = r.changedBytes();
            window.statusPane().info(() -> messages.get("live.status.refreshed", n));
        }
        return r;
    }

    /** The window no longer shows this process. */
    void dispose() {
        ticks.stop();
        writeThrough.setSelected(false);
    }

    private void exited() {
        ticks.stop();
        writeThrough.setSelected(false);
        writeThrough.setDisable(true);
        reword();
        if (!deadShown) {
            deadShown = true;
            window.statusPane().show(() -> messages.get("live.status.exited", process.pid(), process.name()),
                    Outcome.ERROR);
        }
    }

    private void writingThrough(boolean on) {
        session.writeThroughProperty().set(on && !process.exited() ? new LiveWriteThrough(process) : null);
        showBanner(on);
    }

    private void showBanner(boolean on) {
        banner.setVisible(on);
        banner.setManaged(on);
    }

    private void reword() {
        heading.setText(messages.get(process.exited() ? "live.panel.dead" : "live.panel.attached", process.pid(),
                process.name()));
        banner.setText(messages.get("live.banner", process.pid(), process.name(),
                messages.get("live.path." + session.linuxPathProperty().get().name())));
    }
}
