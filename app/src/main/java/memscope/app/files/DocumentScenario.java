package memscope.app.files;

import java.util.LinkedHashMap;
import java.util.Map;
import memscope.model.Kernel;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.MapEntry;
import memscope.model.ObjectType;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.file.FileDocument;
import memscope.model.scenario.LoadedScenario;

/** Presents what is not a scenario (an open file, a loaded session) as one, so the main window can show it. */
public final class DocumentScenario {
    /** The handle names an open file gets: the reading handle, and the one edits go through. */
    public static final String FILE = "file";
    public static final String FILE_EDIT = "file.edit";

    private DocumentScenario() {
    }

    /** The file's process, viewed from its first byte; edits go through the document's edit handle. */
    public static LoadedScenario of(FileDocument doc) {
        Map<String, Integer> handles = new LinkedHashMap<>();
        handles.put(FILE, doc.processHandle());
        String editor = FILE;
        if (doc.editHandle() != doc.processHandle()) {
            handles.put(FILE_EDIT, doc.editHandle());
            editor = FILE_EDIT;
        }
        String name = doc.path().getFileName() == null ? doc.path().toString() : doc.path().getFileName().toString();
        return new LoadedScenario(name, doc.path().toString(), doc.kernel(), handles, FILE, editor, doc.baseAddress());
    }

    /**
     * A loaded session: every handle named {@code h<value>}, the first process that can be read viewed and edited
     * through its handle, starting at its first mapping.
     */
    public static LoadedScenario ofSession(String title, Kernel kernel) {
        Map<String, Integer> handles = new LinkedHashMap<>();
        String viewed = null;
        for (HandleInfo h : kernel.inspector().handles()) {
            String name = "h" + h.handle();
            handles.put(name, h.handle());
            if (viewed == null && h.type() == ObjectType.PROCESS && Rights.has(h.rights(), Rights.READ | Rights.WRITE)) {
                viewed = name;
            }
        }
        long start = 0;
        if (viewed != null) {
            // the window's own read: a dead process refuses it, and that refusal is no one's edit
            memscope.model.MapsResult maps;
            try (memscope.model.History.Scope s = kernel.history().as(memscope.model.history.Caller.WINDOW)) {
                maps = kernel.processMaps(handles.get(viewed));
            }
            if (maps.status() == Status.OK) {
                start = maps.entries().stream().filter(MapEntry::isMapping).mapToLong(MapEntry::base).findFirst()
                        .orElse(0);
            }
        }
        return new LoadedScenario(title, title, kernel, handles, viewed, viewed, start);
    }
}
