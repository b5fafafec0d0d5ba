package memscope.model;

/**
 * The private snapshot VM_PROT_COPY gives a mapping: a new anonymous VMO of the mapping's size holding what the
 * mapping showed at that moment. Pages the original had written are copied; the others keep reading from the
 * original's page source (a file, zeros), shifted to the mapping's offset. Past the end of a shrunk original
 * there was nothing, so the copy reads zeros there. Copying stays cheap for a large, sparse mapping.
 */
final class MachCopy {
    private static final int PAGE = Kernel.PAGE_SIZE;

    private MachCopy() {
    }

    static VmObject snapshot(long koid, VmMapping m) {
        VmObject original = m.vmo;
        long firstPage = m.vmoOffset / PAGE;
        long pages = m.size() / PAGE;
        long backedPages = Math.max(0, Math.min(pages, original.size() / PAGE - firstPage));
        PageSource source = original.pages().source();
        PageSource shifted = source == PageSource.ZERO ? PageSource.ZERO : (index, page) -> {
            if (index < backedPages) {
                source.readPage(firstPage + index, page);
            } else {
                java.util.Arrays.fill(page, (byte) 0);
            }
        };
        VmObject copy = new VmObject(koid, original.name(), m.size(), false, false, shifted);
        byte[] page = new byte[PAGE];
        original.pages().forEachCommitted(index -> {
            long local = index - firstPage;
            if (local >= 0 && local < backedPages) {
                original.read(index * PAGE, page, 0, PAGE);
                copy.write(local * PAGE, page, 0, PAGE);
            }
        });
        return copy;
    }
}
