package memscope.model;

import java.nio.charset.StandardCharsets;

/**
 * The contents of the simulated vDSO: a recognisable ELF header, a symbol string table and a few x86-64
 * instructions, generated rather than stored. One vDSO VMO is shared by every process, as on Zircon.
 */
final class Vdso {
    static final long SIZE = 2L * Kernel.PAGE_SIZE;
    private static final byte[] HEADER = {
        0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0,
    };
    private static final byte[] SYMBOLS = ("\0zx_process_write_memory\0zx_process_read_memory\0zx_vmo_create\0"
            + "zx_vmar_map\0zx_handle_close\0zx_clock_get_monotonic\0").getBytes(StandardCharsets.US_ASCII);
    /** push rbp; mov rbp,rsp; mov eax,imm; syscall; pop rbp; ret */
    private static final byte[] STUB = {
        0x55, 0x48, (byte) 0x89, (byte) 0xe5, (byte) 0xb8, 0, 0, 0, 0, 0x0f, 0x05, 0x5d, (byte) 0xc3,
    };

    private Vdso() {
    }

    static void readPage(long index, byte[] page) {
        java.util.Arrays.fill(page, (byte) 0);
        if (index == 0) {
            System.arraycopy(HEADER, 0, page, 0, HEADER.length);
            System.arraycopy(SYMBOLS, 0, page, 0x100, SYMBOLS.length);
        } else if (index == 1) {
            for (int i = 0, at = 0; at + 16 <= page.length; i++, at += 16) {
                System.arraycopy(STUB, 0, page, at, STUB.length);
                page[at + 5] = (byte) i;
                page[at + 13] = (byte) 0xcc;
                page[at + 14] = (byte) 0xcc;
                page[at + 15] = (byte) 0xcc;
            }
        }
    }
}
