package memscope.model.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

import memscope.model.text.Text;

/**
 * A typed view of bytes: groups of {@link Field}s, for a panel that shows what the bytes under the cursor mean and
 * links each field to its bytes in the hex view. Any format can produce one; offsets are file offsets unless the
 * producer says otherwise, and {@link #relocated} moves them into a process's address space.
 */
public record Structure(Text title, List<FieldGroup> groups) {
    public Structure {
        groups = List.copyOf(groups);
    }

    /** The field whose bytes hold {@code position}, if any (the first, in group order). */
    public Optional<Field> fieldAt(long position) {
        for (FieldGroup g : groups) {
            for (Field f : g.fields()) {
                if (f.contains(position)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The same structure with every offset passed through {@code where}, which answers -1 for bytes that have no
     * place there (a file's section headers that no segment loads): those fields keep offset -1.
     */
    public Structure relocated(LongUnaryOperator where) {
        List<FieldGroup> out = new ArrayList<>(groups.size());
        for (FieldGroup g : groups) {
            List<Field> fields = new ArrayList<>(g.fields().size());
            for (Field f : g.fields()) {
                long at = f.offset() < 0 ? -1 : where.applyAsLong(f.offset());
                fields.add(new Field(f.name(), at, f.size(), f.type(), f.value()));
            }
            out.add(new FieldGroup(g.title(), fields));
        }
        return new Structure(title, out);
    }
}
