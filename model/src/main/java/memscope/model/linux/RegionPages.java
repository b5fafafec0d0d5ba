package memscope.model.linux;

import memscope.model.Kernel;
import memscope.model.PageSource;

/** The pages of one mapping of a live process: page 0 is the page at the mapping's start. */
final class RegionPages implements PageSource {
    private final LiveMemory memory;
    private final long firstPage;

    RegionPages(LiveMemory memory, long start) {
        this.memory = memory;
        this.firstPage = start / Kernel.PAGE_SIZE;
    }

    @Override
    public void readPage(long pageIndex, byte[] page) {
        memory.readPage(firstPage + pageIndex, page);
    }
}
