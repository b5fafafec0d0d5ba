package memscope.model.structure;

import java.util.List;

import memscope.model.text.Text;

/** Fields that belong together (one header, one table entry), under a title worded in the reader's language. */
public record FieldGroup(Text title, List<Field> fields) {
    public FieldGroup {
        fields = List.copyOf(fields);
    }
}
