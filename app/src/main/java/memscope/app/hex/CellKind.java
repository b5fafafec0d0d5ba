package memscope.app.hex;

/** What lies behind one byte of a {@link ByteSource}; the view tints and guards cells by it. */
public enum CellKind {
    /** No mapping at this address: shown as {@code ..}, never editable. */
    UNMAPPED,
    /** A mapping with write permission. */
    WRITABLE,
    /** A mapping readable but not writable or executable. */
    READ_ONLY,
    /** A mapping with execute permission (code). */
    EXECUTABLE,
    /** The vDSO, which the kernel refuses to let a debugger write. */
    VDSO,
    /** Mapped, but the read failed (uncached VMO, beyond a shrunk VMO, dead process): shown as {@code ??}. */
    UNREADABLE;

    /** Whether the byte has a value to show. */
    public boolean hasValue() {
        return this != UNMAPPED && this != UNREADABLE;
    }
}
