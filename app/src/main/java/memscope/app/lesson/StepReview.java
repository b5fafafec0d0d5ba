package memscope.app.lesson;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import memscope.app.timeline.Timeline;
import memscope.model.lesson.LessonRunner;

/**
 * Going back in a lesson on the timeline: a step already reached in this world is shown as the kernel was when it
 * began (a timeline jump, read-only), instead of rebuilding the world and replaying the steps before it, whenever
 * that is faithful ({@link LessonRunner#replayMoment}: only the lesson's calls changed the kernel up to there).
 * Running a step again still rebuilds: only a live kernel at that state can run it. Also serves a step's
 * "rewind to the start of this step".
 */
final class StepReview {
    private Supplier<Optional<Timeline>> timeline = Optional::empty;
    private Timeline watched;
    /** The step looked at on the timeline, or -1 when the pane shows the live step. */
    private int reviewing = -1;
    /** True while this class moves the timeline: its own jumps do not end the review. */
    private boolean jumping;
    private final Runnable ended;

    /** {@code ended} runs when the person leaves the timeline by other means (Esc, Return to now). */
    StepReview(Runnable ended) {
        this.ended = ended;
    }

    /** Where the window's timeline is found; asked at each use, as the window changes with every world. */
    void setTimeline(Supplier<Optional<Timeline>> timeline) {
        this.timeline = timeline;
        reviewing = -1;
    }

    int reviewing() {
        return reviewing;
    }

    boolean active() {
        return reviewing >= 0;
    }

    /** Shows step {@code index}'s start on the timeline; false (nothing changes) when that is not faithful. */
    boolean review(LessonRunner runner, int index) {
        OptionalLong at = index < runner.currentIndex() ? runner.replayMoment(index) : OptionalLong.empty();
        Optional<Timeline> t = timeline();
        if (at.isEmpty() || t.isEmpty()) {
            return false;
        }
        jump(t.get(), at.getAsLong());
        reviewing = index;
        return true;
    }

    /** Back to the live step and the timeline's now. */
    void end() {
        reviewing = -1;
        timeline().ifPresent(t -> {
            jumping = true;
            try {
                t.returnToNow();
            } finally {
                jumping = false;
            }
        });
    }

    /** The world was rebuilt: whatever was looked at belonged to the old one. */
    void forget() {
        reviewing = -1;
    }

    /** True when the current step's start can be shown ("rewind": true). */
    boolean canRewind(LessonRunner runner) {
        return runner.stepStart(runner.currentIndex()).isPresent() && timeline().isPresent();
    }

    /** Rewind to the start of the current step: the timeline shows the kernel as the step found it. */
    void rewind(LessonRunner runner) {
        OptionalLong at = runner.stepStart(runner.currentIndex());
        Optional<Timeline> t = timeline();
        if (at.isPresent() && t.isPresent()) {
            t.get().jumpTo(at.getAsLong());
        }
    }

    private void jump(Timeline t, long sequence) {
        jumping = true;
        try {
            t.jumpTo(sequence);
        } finally {
            jumping = false;
        }
    }

    private Optional<Timeline> timeline() {
        Optional<Timeline> t = timeline.get();
        if (t.isPresent() && t.get() != watched) {
            watched = t.get();
            Timeline mine = watched;
            mine.viewingProperty().addListener((o, was, now) -> {
                if (mine == watched && !jumping && reviewing >= 0 && now.longValue() == 0) {
                    reviewing = -1; // Esc or Return to now: the live step again
                    ended.run();
                }
            });
        }
        return t;
    }
}
