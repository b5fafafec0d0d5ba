package memscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void writesAndReadsBackThroughAMapping() {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = k.processCreate("p1");
        HandleResult vmo = k.vmoCreate(8192, 0);
        MapResult m = k.vmarMap(p.rootVmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE | VmOptions.SPECIFIC,
                0x1000, vmo.handle(), 0, 8192);
        assertEquals(Status.OK, m.status());
        assertEquals(0x1001000L, m.address());
        byte[] data = {1, 2, 3, 4};
        assertEquals(new IoResult(Status.OK, 4), k.writeMemory(p.process(), 0x1001ffeL, data, 4));
        byte[] back = new byte[4];
        assertEquals(new IoResult(Status.OK, 4), k.readMemory(p.process(), 0x1001ffeL, back, 4));
        assertArrayEquals(data, back);
        assertEquals(new IoResult(Status.OK, 2), k.writeMemory(p.process(), 0x1002ffeL, data, 4));
    }
}
