package memscope.app.hooks;

import memscope.app.document.Documents;
import memscope.app.edit.Editor;
import memscope.app.hex.HexView;
import memscope.app.kernel.KernelSession;
import memscope.app.tree.MappingTreeView;

/** What a feature reads and points at: the session, the open documents, the hex view, the editor and the tree. */
public interface DocumentHooks {
    KernelSession session();

    /** The documents open in the window and the current one: what features read and point at. */
    Documents documents();

    HexView hexView();

    Editor editor();

    MappingTreeView tree();
}
