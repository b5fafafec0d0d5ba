/**
 * The document layer: one {@link memscope.app.document.Document} per open thing (a scenario's or session's
 * process, an opened file), kept by {@link memscope.app.document.Documents}, which knows the current one.
 * <p>
 * A document owns reading its memory through the one read interface, {@link memscope.app.hex.ByteSource}
 * (implemented once, by {@link memscope.app.document.KernelMemory}: quiet reads, cached mapping kinds, a window
 * of addresses), its mapping lookups, its change marks' old bytes, its undo history and its dirty state. The hex
 * control sees only the {@code ByteSource}; features (find, inspector, clipboard, bookmarks, files) ask
 * {@code Documents.current()} for what to read and never reach into the window.
 * <p>
 * Adding a kind of document (an attached process, a core dump): add a constant to
 * {@link memscope.app.document.Document.Kind}, and a factory beside {@code Documents.openFile} that picks the
 * process, its reading handle and the window of addresses it shows; whoever opens it calls the factory and then
 * {@code Documents.show}. If the kind can be saved, its opener sets {@code Document.setDirty} and calls
 * {@code Document.saved()} after a save. This package depends on the model, {@code kernel}, {@code edit} and
 * {@code hex}, never on the feature packages or the window ({@code LayerRulesTest} checks it).
 */
package memscope.app.document;
