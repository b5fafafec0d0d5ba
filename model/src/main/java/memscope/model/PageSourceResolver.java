package memscope.model;

/**
 * Reopens the page source a saved session names by {@link PageSource#sessionDescriptor()} (for example
 * {@code memscope.model.file.FilePageSource.resolver()} reopens {@code file:} descriptors).
 */
@FunctionalInterface
public interface PageSourceResolver {
    /** Refuses every descriptor: for sessions without file-backed VMOs. */
    PageSourceResolver NONE = (descriptor, size) -> {
        throw new SessionException(ModelWords.of("session.noResolver", descriptor));
    };

    /** The source for a VMO of {@code vmoSize} bytes named {@code descriptor}; may open it lazily. */
    PageSource open(String descriptor, long vmoSize) throws SessionException;
}
