package memscope.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.console.ConsolePane;
import memscope.app.projector.Projector;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonException;
import memscope.model.scenario.LoadedScenario;
import memscope.model.script.ConsoleSession;

/**
 * The console and the lesson panel, which outlive any one main window: the application makes a new window for
 * every world it shows (a scenario opened, a lesson's world rebuilt on the way back), and {@link #attach} docks
 * both tools into it with the console talking to that window's kernel under its handle names. During a lesson the
 * console shares the lesson's session, so names the steps bound are known at the prompt too.
 */
public final class Teaching {
    private final ConsolePane console;
    private final LessonPane lessons;
    private final Projector projector;

    /**
     * {@code showWorld} is the application's entry point for showing a scenario in a new window; it must call
     * {@link #attach} with that window. {@code whenDiscardable} is its guard against losing unsaved work: it runs
     * an action only once nothing unsaved would be lost (asking Save / Don't save / Cancel when needed).
     */
    public Teaching(Messages messages, Consumer<LoadedScenario> showWorld, Consumer<Runnable> whenDiscardable) {
        List<LessonException> problems = new ArrayList<>();
        this.console = new ConsolePane(messages);
        this.projector = new Projector(messages);
        List<Lesson> all = BundledLessons.load(problems);
        this.lessons = new LessonPane(messages, all, BundledLessons.classPath(all, problems), problems, showWorld,
                whenDiscardable);
    }

    /** Docks the tools into {@code window} and points the console at its kernel. */
    public void attach(WindowHooks window) {
        LoadedScenario world = window.session().scenario();
        ConsoleSession session;
        if (lessons.isShowing(world)) {
            session = lessons.runner().orElseThrow().session();
        } else {
            lessons.stop(); // another scenario replaced the lesson's world
            session = ConsoleSession.forScenario(world);
        }
        console.attach(session, (text, outcome) -> window.statusPane().show(text, outcome));
        lessons.setReporter((words, outcome) -> window.statusPane().show(words, outcome));
        lessons.setTimeline(() -> memscope.app.timeline.Timeline.of(window)); // attached after the tools dock
        window.dock(console, lessons);
        projector.attach(window); // zoom and the presenter layout outlast each window
        if (lessons.isShowing(world)) {
            window.showLessons(); // the lesson stays in front across the windows its steps make
        }
    }

    public Projector projector() {
        return projector;
    }

    public ConsolePane console() {
        return console;
    }

    public LessonPane lessons() {
        return lessons;
    }
}
