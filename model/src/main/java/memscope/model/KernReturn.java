package memscope.model;

import memscope.model.text.Text;

/** Mach {@code kern_return_t} values with {@code mach_error_string}'s words. */
public enum KernReturn {
    SUCCESS(0, "(os/kern) successful"),
    INVALID_ADDRESS(1, "(os/kern) invalid address"),
    PROTECTION_FAILURE(2, "(os/kern) protection failure"),
    NO_SPACE(3, "(os/kern) no space available"),
    INVALID_ARGUMENT(4, "(os/kern) invalid argument"),
    FAILURE(5, "(os/kern) failure"),
    MEMORY_ERROR(10, "(os/kern) memory error"),
    SEND_INVALID_DEST(0x10000003, "(ipc/send) invalid destination port"),
    SEND_INVALID_MEMORY(0x1000000c, "(ipc/send) invalid memory");

    private final int code;
    private final String text;

    KernReturn(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** {@code KERN_PROTECTION_FAILURE}; the IPC errors keep their own prefix, {@code MACH_SEND_INVALID_DEST}. */
    public String machName() {
        return name().startsWith("SEND_") ? "MACH_" + name() : "KERN_" + name();
    }

    /** What {@code mach_error_string} says (in English, as the real function does). */
    public String text() {
        return text;
    }

    /** {@code mach_error_string}'s words, for showing in the user's language. */
    public Text words() {
        return ModelWords.of("kern." + name());
    }
}
