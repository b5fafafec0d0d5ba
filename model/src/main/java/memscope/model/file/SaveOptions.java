package memscope.model.file;

/**
 * How to save: {@code force} writes even when the file changed on disk since it was opened (the user chose to
 * overwrite the other change); {@code progress} hears each step.
 */
public record SaveOptions(boolean force, SaveProgress progress) {
    public static final SaveOptions DEFAULT = new SaveOptions(false, SaveProgress.NONE);

    public SaveOptions {
        progress = progress == null ? SaveProgress.NONE : progress;
    }

    public SaveOptions forced() {
        return new SaveOptions(true, progress);
    }

    public SaveOptions withProgress(SaveProgress p) {
        return new SaveOptions(force, p);
    }
}
