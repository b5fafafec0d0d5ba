package memscope.app.lesson;

import java.util.ArrayList;
import java.util.List;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonException;
import memscope.model.lesson.LessonLoader;

/** The lessons shipped with MemScope, in teaching order, as the lesson panel offers them. */
public final class BundledLessons {
    private BundledLessons() {
    }

    /** Every bundled lesson that loads; each one that does not is left out and its problem added to {@code problems}. */
    public static List<Lesson> load(List<LessonException> problems) {
        List<Lesson> out = new ArrayList<>();
        try {
            for (String name : LessonLoader.bundled()) {
                try {
                    out.add(LessonLoader.loadResource(name));
                } catch (LessonException e) {
                    problems.add(e);
                }
            }
        } catch (LessonException e) {
            problems.add(e);
        }
        return out;
    }

    /** The 50-minute class's lessons in its order, taken from {@code loaded}; one that did not load is left out. */
    public static List<Lesson> classPath(List<Lesson> loaded, List<LessonException> problems) {
        List<Lesson> out = new ArrayList<>();
        try {
            for (String name : LessonLoader.classPath()) {
                String id = name.replaceFirst("\\.json$", "");
                loaded.stream().filter(l -> l.id().equals(id)).findFirst().ifPresent(out::add);
            }
        } catch (LessonException e) {
            problems.add(e);
        }
        return out;
    }
}
