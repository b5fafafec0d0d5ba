package memscope.model;

import static memscope.model.ByteJournal.PAGE;

import java.io.UncheckedIOException;

/**
 * Reading the past of a VMO's bytes from its page logs: a page as it was is its next checkpoint (or its bytes
 * now) with the writes since undone, newest first. Under the kernel's read lock, as every question is.
 */
final class PastBytes {
    private PastBytes() {
    }

    /**
     * Copies {@code length} bytes at {@code offset} of {@code vmo} as they were just after call {@code sequence}
     * into {@code into}, given the VMO's page logs ({@code logs}, null when none); false when a page cannot be read
     * (its file fails today and no write covers it).
     */
    static boolean read(PageLogs logs, VmObject vmo, long offset, byte[] into, int at, int length, long sequence) {
        byte[] page = null;
        while (length > 0) {
            long p = offset / PAGE;
            int inPage = (int) (offset - p * PAGE);
            int n = Math.min(length, PAGE - inPage);
            PageLog log = logs == null ? null : logs.get(p);
            if (log == null || log.lastSequence() <= sequence) {
                try {
                    vmo.read(offset, into, at, n);
                } catch (UncheckedIOException e) {
                    return false;
                }
            } else {
                if (page == null) {
                    page = new byte[PAGE];
                }
                if (!pageAt(vmo, p, log, sequence, page)) {
                    return false;
                }
                System.arraycopy(page, inPage, into, at, n);
            }
            offset += n;
            at += n;
            length -= n;
        }
        return true;
    }

    /** Page {@code p} as it was after call {@code sequence}: from the next checkpoint (or now), writes undone. */
    private static boolean pageAt(VmObject vmo, long p, PageLog log, long sequence, byte[] page) {
        int k = log.countUpTo(sequence);
        long target = log.firstIndex() + k;
        int cp = log.checkpointFrom(target);
        int from;
        if (cp >= 0) {
            System.arraycopy(log.checkpointImage(cp), 0, page, 0, PAGE);
            from = (int) (log.checkpointAt(cp) - log.firstIndex());
        } else {
            try {
                vmo.read(p * PAGE, page, 0, PAGE);
            } catch (UncheckedIOException e) {
                return false;
            }
            from = log.size();
        }
        long pageStart = p * PAGE;
        for (int i = from - 1; i >= k; i--) {
            ByteDelta d = log.get(i);
            long lo = Math.max(d.offset, pageStart);
            long hi = Math.min(d.end(), pageStart + PAGE);
            System.arraycopy(d.store, d.pos + (int) (lo - d.offset), page, (int) (lo - pageStart), (int) (hi - lo));
        }
        return true;
    }
}
