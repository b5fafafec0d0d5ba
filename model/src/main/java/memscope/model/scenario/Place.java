package memscope.model.scenario;

import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * Where something sits in a scenario file: a JSON pointer ({@code /vmos/2/size}) and, when the parser knows it,
 * the line and column (1-based) where its value starts.
 */
record Place(String pointer, int line, int column) {
    static final Place FILE = new Place("", -1, -1);

    /** The place of member {@code key} of the value at this place; a long key is cut, as pointers are for messages. */
    String childPointer(String key) {
        return pointer + "/" + Excerpt.of(key).replace("~", "~0").replace("/", "~1");
    }

    String childPointer(int index) {
        return pointer + "/" + index;
    }

    /** {@code /vmos/2/size (line 14, column 15)}, in any language. */
    Text text() {
        Text where = pointer.isEmpty() ? ScenarioWords.of("place.top") : Text.verbatim(pointer);
        return line > 0 ? ScenarioWords.of("place.at", where, line, column) : where;
    }

    @Override
    public String toString() {
        return text().english();
    }
}
