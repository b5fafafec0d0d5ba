package memscope.model.elf;

import memscope.model.text.Text;

/** Words about ELF files and core dumps: keys into {@code memscope/model/elf/messages*.properties}. */
final class ElfWords {
    static final String BUNDLE = "memscope.model.elf.messages";

    private ElfWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    /** A header field, named as the ELF specification spells it ({@code e_phnum}). */
    static Text field(String name) {
        return Text.verbatim(name);
    }

    /** A field of program header {@code index}. */
    static Text ph(long index, String type, String field) {
        return of("where.ph", index, type, field);
    }

    /** A field of section header {@code index}. */
    static Text sh(long index, String name, String field) {
        return of("where.sh", index, name, field);
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
