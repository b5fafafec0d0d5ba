package memscope.model.contract;

import static memscope.model.contract.ContractFixture.PAGE;
import static memscope.model.contract.ContractFixture.assertSignature;
import static memscope.model.contract.ContractFixture.entryAt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import memscope.model.BootOptions;
import memscope.model.KernReturn;
import memscope.model.KernelListener;
import memscope.model.Mach;
import memscope.model.PortResult;
import memscope.model.ReadResult;
import memscope.model.RegionResult;
import memscope.model.SyscallRecord;
import memscope.model.TaskFlavor;
import memscope.model.VmOptions;
import memscope.model.VmProt;
import org.junit.jupiter.api.Test;

/** The Mach part of kernel-api.md, from outside the model package: values, signatures, and each call once. */
class MachApiContractTest {
    @Test
    void machMethodsHaveTheAgreedSignatures() throws NoSuchMethodException {
        assertSignature(Mach.class, false, "taskForProcess", PortResult.class, int.class, TaskFlavor.class);
        assertSignature(Mach.class, false, "vmWrite", KernReturn.class, int.class, long.class, byte[].class,
                long.class);
        assertSignature(Mach.class, false, "vmRead", ReadResult.class, int.class, long.class, long.class);
        assertSignature(Mach.class, false, "vmProtect", KernReturn.class, int.class, long.class, long.class,
                boolean.class, int.class);
        assertSignature(Mach.class, false, "vmRegion", RegionResult.class, int.class, long.class);
        assertSignature(KernReturn.class, false, "code", int.class);
        assertSignature(KernReturn.class, false, "machName", String.class);
        assertSignature(KernReturn.class, false, "text", String.class);
    }

    @Test
    void machValuesAreMachs() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 0x10000003}, new int[] {KernReturn.SUCCESS.code(),
            KernReturn.INVALID_ADDRESS.code(), KernReturn.PROTECTION_FAILURE.code(), KernReturn.NO_SPACE.code(),
            KernReturn.INVALID_ARGUMENT.code(), KernReturn.FAILURE.code(), KernReturn.SEND_INVALID_DEST.code()});
        assertEquals("KERN_PROTECTION_FAILURE", KernReturn.PROTECTION_FAILURE.machName());
        assertEquals("KERN_SUCCESS", KernReturn.SUCCESS.machName());
        assertEquals("(os/kern) protection failure", KernReturn.PROTECTION_FAILURE.text());
        assertEquals("(os/kern) invalid address", KernReturn.INVALID_ADDRESS.text());
        assertArrayEquals(new int[] {0, 1, 2, 4, 3, 7, 0x10}, new int[] {VmProt.NONE, VmProt.READ, VmProt.WRITE,
            VmProt.EXECUTE, VmProt.DEFAULT, VmProt.ALL, VmProt.COPY});
        assertEquals(List.of(TaskFlavor.CONTROL, TaskFlavor.READ, TaskFlavor.INSPECT, TaskFlavor.NAME),
                List.of(TaskFlavor.values()));
    }

    @Test
    void machCallsWorkOnTheSameAddressSpaceAndAreRecorded() {
        ContractFixture f = new ContractFixture(BootOptions.defaults());
        List<SyscallRecord> records = new ArrayList<>();
        f.kernel.subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                records.add(record);
            }
        });
        Mach mach = f.kernel.mach();
        PortResult port = mach.taskForProcess(f.process, TaskFlavor.CONTROL);
        assertEquals(KernReturn.SUCCESS, port.kr());
        assertEquals(KernReturn.SUCCESS, mach.vmWrite(port.port(), f.address, new byte[] {9, 8}, 2));
        ReadResult read = mach.vmRead(port.port(), f.address, 2);
        assertArrayEquals(new byte[] {9, 8}, read.data());
        RegionResult region = mach.vmRegion(port.port(), f.address);
        assertEquals(f.address, region.address());
        assertEquals(VmProt.DEFAULT, region.protection());
        assertEquals(KernReturn.SUCCESS, mach.vmProtect(port.port(), f.address, PAGE, false, VmProt.READ));
        assertEquals(KernReturn.PROTECTION_FAILURE, mach.vmWrite(port.port(), f.address, new byte[1], 1));
        assertEquals(VmOptions.PERM_READ, entryAt(f.kernel, f.process, f.address).permissions(),
                "Mach's protection is the Zircon mapping's");
        SyscallRecord last = records.stream().filter(r -> r.name().equals("vm_write")).reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(null, last.status());
        assertEquals(KernReturn.PROTECTION_FAILURE, last.kernReturn());
    }
}
