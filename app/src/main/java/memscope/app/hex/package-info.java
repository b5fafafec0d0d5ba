/**
 * The virtualized hex editor control.
 * <p>
 * {@link memscope.app.hex.HexView} paints only the visible rows of a {@link memscope.app.hex.ByteSource} on a
 * canvas, with long row arithmetic, so a source may span the whole 47-bit user address space. It never writes
 * memory: typed bytes go to its {@link memscope.app.hex.EditHandler}, one whole byte per keystroke (hex column: the
 * first digit replaces the high nibble, the second the low one, then the caret advances; ASCII column: printable
 * characters), over unmapped bytes ({@code ..}) too: the kernel decides what it refuses.
 * <p>
 * Keys: arrows (byte / row), Page Up/Down (page, the view moves with the caret), Home/End (row start/end),
 * Ctrl+Home/End (source start/end), Shift with any of these extends the selection, Tab switches hex/ASCII,
 * Escape drops a selection. Mouse: click places the caret and takes focus, drag selects, Shift+click extends,
 * the wheel scrolls by rows.
 * <p>
 * Contract with the window: call {@link memscope.app.hex.HexView#refresh()} after memory changed (repaints that
 * only move the caret or animate a flash reuse the bytes already read). The control knows nothing of kernels: it
 * sees only its {@link memscope.app.hex.ByteSource} (a document's memory, {@code memscope.app.document}) and
 * imports nothing from {@code memscope.model} ({@code LayerRulesTest} checks it).
 */
package memscope.app.hex;
