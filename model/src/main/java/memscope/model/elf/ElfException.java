package memscope.model.elf;

import java.nio.file.Path;

import memscope.model.text.LocatedException;
import memscope.model.text.Text;

/**
 * An ELF file MemScope refuses to load, open as a core or write: {@code <file>: <field>: <problem>}, for example
 * {@code /tmp/a.out: program header 2 (LOAD): p_filesz 0x2000 is larger than p_memsz 0x1000}. The field is left out
 * when the problem concerns the whole file. Refused before the first syscall, so nothing is left in the kernel.
 */
public final class ElfException extends LocatedException {
    private static final long serialVersionUID = 1L;

    ElfException(Path file, Text field, Text problem, Throwable cause) {
        super(Text.verbatim(String.valueOf(file)), field, problem, cause);
    }

    ElfException(Path file, Text field, Text problem) {
        this(file, field, problem, null);
    }
}
