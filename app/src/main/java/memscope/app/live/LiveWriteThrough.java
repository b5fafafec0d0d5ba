package memscope.app.live;

import memscope.app.kernel.WriteThrough;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.linux.LinuxProcess;
import memscope.model.linux.LinuxWritePath;
import memscope.model.linux.LinuxWriteResult;
import memscope.model.linux.LinuxWrites;

/**
 * Writes edits into the one live process the user attached to (see {@link WriteThrough}). What the real call
 * did not write is given back its real bytes in the kernel's copy, so the window never shows a byte the process
 * does not hold.
 */
final class LiveWriteThrough implements WriteThrough {
    private final LinuxProcess process;
    private final LinuxWrites writes;
    private final long koid;

    LiveWriteThrough(LinuxProcess process) {
        this.process = process;
        this.writes = new LinuxWrites(process);
        this.koid = process.kernel().inspector().handle(process.processHandle()).map(HandleInfo::koid).orElse(-1L);
    }

    @Override
    public boolean targets(long processKoid) {
        return processKoid == koid && !process.exited();
    }

    @Override
    public LinuxWriteResult write(LinuxWritePath path, long address, byte[] bytes, int length) {
        LinuxWriteResult r = writes.write(path, address, bytes, length);
        if (r.written() < length && !process.exited()) {
            // the simulated kernel took these bytes, the process did not: show what the process holds
            process.kernel().mirror().sourceChanged(process.processHandle(), address + r.written(),
                    length - r.written());
        }
        return r;
    }
}
