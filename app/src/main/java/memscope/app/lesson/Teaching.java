package memscope.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.console.ConsolePane;
import memscope.app.projector.Projector;
import memscope.app.startup.AfterFirstFrame;
import memscope.app.status.Outcome;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonException;
import memscope.model.scenario.LoadedScenario;
import memscope.model.script.ConsoleSession;

/**
 * The console and the lesson panel, which outlive any one main window: the application makes a new window for
 * every world it shows (a scenario opened, a lesson's world rebuilt on the way back), and {@link #attach} docks
 * both tools into it with the console talking to that window's kernel under its handle names. During a lesson the
 * console shares the lesson's session, so names the steps bound are known at the prompt too.
 *
 * <p>The lesson panel sits in a tab nobody sees at start, so it is not built before the first frame (issue 14:
 * start-up): after the first frame the lessons are parsed on another thread and the panel is built into its tab,
 * or all at once when something asks for it first.
 */
public final class Teaching {
    private final Messages messages;
    private final Consumer<LoadedScenario> showWorld;
    private final Consumer<Runnable> whenDiscardable;
    private final ConsolePane console;
    private final Projector projector;
    /** The lesson tab's content: the panel is built into it when first needed. */
    private final ScrollPane lessonShell = new ScrollPane();
    /** The bundled lessons, parsed on another thread once the first frame is out (or when first asked for). */
    private CompletableFuture<Loaded> loading;
    private LessonPane lessons;
    private BiConsumer<Supplier<String>, Outcome> reporter;
    private Supplier<Optional<memscope.app.timeline.Timeline>> timeline;

    /** The bundled lessons, the class's order, and what failed to load. */
    private record Loaded(List<Lesson> all, List<Lesson> classPath, List<LessonException> problems) {
        static Loaded bundled() {
            List<LessonException> problems = new ArrayList<>();
            List<Lesson> all = BundledLessons.load(problems);
            return new Loaded(all, BundledLessons.classPath(all, problems), problems);
        }
    }

    /**
     * {@code showWorld} is the application's entry point for showing a scenario in a new window; it must call
     * {@link #attach} with that window. {@code whenDiscardable} is its guard against losing unsaved work: it runs
     * an action only once nothing unsaved would be lost (asking Save / Don't save / Cancel when needed).
     */
    public Teaching(Messages messages, Consumer<LoadedScenario> showWorld, Consumer<Runnable> whenDiscardable) {
        this.messages = messages;
        this.showWorld = showWorld;
        this.whenDiscardable = whenDiscardable;
        this.console = new ConsolePane(messages);
        this.projector = new Projector(messages);
        lessonShell.setId("lessonPane"); // the tab is named after it before the panel exists
    }

    /** Docks the tools into {@code window} and points the console at its kernel. */
    public void attach(WindowHooks window) {
        LoadedScenario world = window.session().scenario();
        ConsoleSession session;
        boolean inLesson = lessons != null && lessons.isShowing(world);
        if (inLesson) {
            session = lessons.runner().orElseThrow().session();
        } else {
            if (lessons != null) {
                lessons.stop(); // another scenario replaced the lesson's world
            }
            session = ConsoleSession.forScenario(world);
        }
        console.attach(session, (text, outcome) -> window.statusPane().show(text, outcome));
        reporter = (words, outcome) -> window.statusPane().show(words, outcome);
        timeline = () -> memscope.app.timeline.Timeline.of(window); // attached after the tools dock
        if (lessons != null) {
            lessons.setReporter(reporter);
            lessons.setTimeline(timeline);
        }
        window.dock(console, lessonTool());
        projector.attach(window); // zoom and the presenter layout outlast each window
        if (inLesson) {
            window.showLessons(); // the lesson stays in front across the windows its steps make
        }
        if (lessons == null) {
            // parsed after the first frame: on 2 cores Jackson's parse and its JIT work delayed the window
            AfterFirstFrame.run(lessonShell, () -> loading().thenRunAsync(this::lessons, Platform::runLater));
        }
    }

    public Projector projector() {
        return projector;
    }

    public ConsolePane console() {
        return console;
    }

    /** The lesson panel, built now if it was not yet. */
    public LessonPane lessons() {
        if (lessons == null) {
            Loaded loaded = loading().join();
            lessons = new LessonPane(lessonShell, messages, loaded.all(), loaded.classPath(), loaded.problems(),
                    showWorld, whenDiscardable);
            if (reporter != null) {
                lessons.setReporter(reporter);
                lessons.setTimeline(timeline);
            }
        }
        return lessons;
    }

    /** The lesson tab as the window docks it: its content and title exist before the panel does. */
    private WindowHooks.Tool lessonTool() {
        return new WindowHooks.Tool() {
            @Override
            public Node node() {
                return lessonShell;
            }

            @Override
            public ObservableStringValue title() {
                return messages.text("lesson.tab");
            }

            @Override
            public void focus() {
                lessons().focus();
            }
        };
    }

    /** Whether the lessons' parse has begun (it waits for the first frame or for someone asking). */
    boolean lessonsParseBegun() {
        return loading != null;
    }

    /** The lessons' parse, begun now if it was not yet (FX thread only). */
    private CompletableFuture<Loaded> loading() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(Loaded::bundled, Teaching::daemon);
        }
        return loading;
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "memscope-lessons");
        t.setDaemon(true);
        t.start();
    }
}
