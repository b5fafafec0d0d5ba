package memscope.model.file;

/**
 * How to save: {@code force} writes even when the file changed on disk since it was opened (the user chose to
 * overwrite the other change); {@code progress} hears each step; {@code method} is the preferred way to the disk
 * ({@link SaveMethod#IN_PLACE} falls back to copying where it must).
 */
public record SaveOptions(boolean force, SaveProgress progress, SaveMethod method) {
    public static final SaveOptions DEFAULT = new SaveOptions(false, SaveProgress.NONE, SaveMethod.IN_PLACE);

    public SaveOptions {
        progress = progress == null ? SaveProgress.NONE : progress;
        method = method == null ? SaveMethod.IN_PLACE : method;
    }

    public SaveOptions(boolean force, SaveProgress progress) {
        this(force, progress, SaveMethod.IN_PLACE);
    }

    public SaveOptions forced() {
        return new SaveOptions(true, progress, method);
    }

    public SaveOptions withProgress(SaveProgress p) {
        return new SaveOptions(force, p, method);
    }

    /** Always the copy-based save (a new file renamed over the old one). */
    public SaveOptions copying() {
        return new SaveOptions(force, progress, SaveMethod.COPY);
    }
}
