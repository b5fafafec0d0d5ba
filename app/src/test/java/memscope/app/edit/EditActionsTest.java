package memscope.app.edit;

import memscope.app.document.KernelMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

class EditActionsTest {
    private static final long BASE = Kernel.USER_ASPACE_BASE;
    private Kernel kernel;
    private ProcessResult p;
    private EditActions actions;

    @BeforeEach
    void onePageMapped() {
        kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        p = kernel.processCreate("p");
        HandleResult vmo = kernel.vmoCreate(Kernel.PAGE_SIZE, 0);
        kernel.vmarMap(p.rootVmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE | VmOptions.SPECIFIC, 0,
                vmo.handle(), 0, Kernel.PAGE_SIZE);
        actions = new EditActions(new KernelMemory(kernel, p.process()));
    }

    @Test
    void copiesInEveryFormat() {
        write(BASE + 8, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef);
        ByteRange sel = new ByteRange(BASE + 8, BASE + 12);
        assertEquals("DE AD BE EF", actions.copy(sel, CopyFormat.HEX));
        assertEquals("unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };", actions.copy(sel, CopyFormat.C_ARRAY));
        assertEquals("3q2+7w==", actions.copy(sel, CopyFormat.BASE64));
    }

    @Test
    void copyingUnreadableMemoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> actions.copy(new ByteRange(BASE + Kernel.PAGE_SIZE - 1, BASE + Kernel.PAGE_SIZE + 1),
                        CopyFormat.HEX));
        assertTrue(e.getMessage().contains("0x1001000"), e.getMessage());
    }

    /** Test setup writes straight through the kernel; the app itself edits only through Editor. */
    private void write(long address, byte... bytes) {
        assertEquals(Status.OK, kernel.writeMemory(p.process(), address, bytes, bytes.length).status());
    }
}
