package memscope.app;

import java.util.List;
import memscope.app.controls.SimulationPanel;
import memscope.app.hex.HexView;
import memscope.app.kernel.ChangeLocator;
import memscope.app.kernel.KernelEventSink;
import memscope.app.kernel.KernelSession;
import memscope.app.status.SyscallLog;
import memscope.app.tree.MappingTreeView;
import memscope.model.MapEntry;
import memscope.model.MemoryChange;
import memscope.model.StructureChange;
import memscope.model.SyscallRecord;

/**
 * Applies the kernel's coalesced news to the window: a structure change updates the tree (in place where it can), re-reads the hex view
 * and refreshes the controls; memory changes are placed in the viewed process through every mapping of their VMO
 * and marked; completed calls go to the log.
 */
final class LiveUpdates implements KernelEventSink {
    private final KernelSession session;
    private final MappingTreeView tree;
    private final HexViewer hex;
    private final SimulationPanel panel;
    private final SyscallLog log;
    private List<MapEntry> viewedMaps;

    /** The hex view with the source it currently reads from. */
    interface HexViewer {
        HexView view();

        void invalidateSource();

        /** {@code [address, address + length)} was just marked changed; bytes back to their old value lose it. */
        void marked(long address, long length);

        /** Where the view shows kernel address {@code address} (an open file counts from 0). */
        long shown(long address);
    }

    LiveUpdates(KernelSession session, MappingTreeView tree, HexViewer hex, SimulationPanel panel, SyscallLog log) {
        this.session = session;
        this.tree = tree;
        this.hex = hex;
        this.panel = panel;
        this.log = log;
    }

    /** The viewed process changed: its mappings must be fetched anew. */
    void viewedProcessChanged() {
        viewedMaps = null;
    }

    @Override
    public void structureChanged() {
        structureChanged(List.of(), true);
    }

    @Override
    public void structureChanged(List<StructureChange> changes, boolean overflowed) {
        viewedMaps = null;
        if (overflowed) {
            tree.rebuild();
        } else {
            tree.apply(changes);
        }
        panel.refresh();
        hex.invalidateSource();
        hex.view().refresh();
    }

    @Override
    public void memoryChanged(List<MemoryChange> changes, boolean overflowed) {
        HexView view = hex.view();
        if (!overflowed) {
            List<MapEntry> maps = viewedMaps();
            for (MemoryChange c : changes) {
                for (ChangeLocator.Span s : ChangeLocator.locate(c, maps)) {
                    long at = hex.shown(s.address());
                    view.markChanged(at, s.length());
                    hex.marked(at, s.length());
                }
            }
        }
        view.refresh();
    }

    @Override
    public void syscallsCompleted(List<SyscallRecord> records, long dropped) {
        log.append(records, dropped);
    }

    private List<MapEntry> viewedMaps() {
        if (viewedMaps == null) {
            viewedMaps = session.viewedMaps();
        }
        return viewedMaps;
    }
}
