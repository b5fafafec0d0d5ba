package memscope.app.hooks;

import memscope.app.status.StatusPane;

/** Where a feature says what happened: the status line (its flash, its outcome colours). */
public interface StatusHooks {
    StatusPane statusPane();
}
