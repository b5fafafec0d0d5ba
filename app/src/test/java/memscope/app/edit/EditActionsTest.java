package memscope.app.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.Rights;
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
        actions = new EditActions(kernel, p.process(), p.process());
    }

    @Test
    void pasteThenCopyInEveryFormat() {
        EditActions.PasteOutcome r = actions.paste(BASE + 8, "0xde, 0xad, 0xbe, 0xef");
        assertTrue(r.complete(), r.message());
        assertEquals("Pasted 4 bytes at 0x1000008", r.message());
        ByteRange sel = new ByteRange(BASE + 8, BASE + 12);
        assertEquals("DE AD BE EF", actions.copy(sel, CopyFormat.HEX));
        assertEquals("unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };", actions.copy(sel, CopyFormat.C_ARRAY));
        assertEquals("3q2+7w==", actions.copy(sel, CopyFormat.BASE64));
    }

    @Test
    void badHexWritesNothingAndSaysWhere() {
        EditActions.PasteOutcome r = actions.paste(BASE, "DE AD XY");
        assertEquals(Status.ERR_INVALID_ARGS, r.status());
        assertEquals("Cannot paste: column 7: 'X' is not a hex digit (in \"XY\")", r.message());
        assertArrayEquals(new byte[3], actions.read(new ByteRange(BASE, BASE + 3)));
    }

    @Test
    void aPasteStopsAtTheMappingEndAndSaysSo() {
        EditActions.PasteOutcome r = actions.paste(BASE + Kernel.PAGE_SIZE - 2, "01 02 03 04");
        assertEquals(Status.OK, r.status());
        assertEquals(2, r.written());
        assertFalse(r.complete());
        assertTrue(r.message().contains("2 of 4"), r.message());
    }

    @Test
    void aHandleWithoutWriteRefusesEveryPaste() {
        HandleResult ro = kernel.handleDuplicate(p.process(), Rights.DEFAULT_PROCESS & ~Rights.WRITE);
        EditActions readOnly = new EditActions(kernel, p.process(), ro.handle());
        EditActions.PasteOutcome r = readOnly.paste(BASE, "FF");
        assertEquals(Status.ERR_ACCESS_DENIED, r.status());
        assertEquals("Paste refused: ZX_ERR_ACCESS_DENIED", r.message());
    }

    @Test
    void copyingUnreadableMemoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> actions.copy(new ByteRange(BASE + Kernel.PAGE_SIZE - 1, BASE + Kernel.PAGE_SIZE + 1),
                        CopyFormat.HEX));
        assertTrue(e.getMessage().contains("0x1001000"), e.getMessage());
    }

    @Test
    void theInspectorShowsDashesNearTheEnd() {
        actions.paste(BASE + Kernel.PAGE_SIZE - 2, "34 12");
        List<DataInspector.Row> rows = actions.inspect(BASE + Kernel.PAGE_SIZE - 2, ByteOrder.LITTLE_ENDIAN);
        assertEquals(new DataInspector.Row("uint16 LE", "4660"), rows.get(3));
        assertEquals(new DataInspector.Row("int32 LE", DataInspector.NOT_ENOUGH), rows.get(4));
    }
}
