package memscope.model.structure;

/**
 * One typed value in a run of bytes: its name as the format spells it ({@code e_phoff}), where its bytes start
 * ({@code offset}, in the space its {@link Structure} names), how many bytes it takes, its type ({@code u64},
 * {@code char[16]}) and its value as text ({@code 0x40}, {@code ET_DYN (3)}). Names and values are the format's
 * own words, the same in every language.
 */
public record Field(String name, long offset, int size, String type, String value) {
    /** One past the field's last byte. */
    public long end() {
        return offset + size;
    }

    /** Whether {@code position} is one of the field's bytes. */
    public boolean contains(long position) {
        return position >= offset && position - offset < size;
    }
}
