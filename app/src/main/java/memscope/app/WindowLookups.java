package memscope.app;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import memscope.app.document.Documents;
import memscope.app.kernel.KernelSession;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.KernelInspector.VmoInfo;
import memscope.model.MapEntry;

/**
 * What the window looks up in the kernel for its words and its go-to field: the mapping under an address in the
 * editor handle's process, and where a mapping named by a handle or a VMO starts in the document shown.
 */
final class WindowLookups {
    private final KernelSession session;
    private final Documents documents;

    WindowLookups(KernelSession session, Documents documents) {
        this.session = session;
        this.documents = documents;
    }

    /** The mapping at {@code address} in the editor handle's process, to name a protection failure's cause. */
    Optional<MapEntry> editorMappingAt(long address) {
        int editor = session.editorHandleProperty().get();
        OptionalInt reader = session.kernel().inspector().handle(editor).map(HandleInfo::koid)
                .map(session::readerFor).orElse(OptionalInt.empty());
        List<MapEntry> maps = reader.isPresent() ? session.maps(reader.getAsInt()) : session.viewedMaps();
        return maps.stream().filter(e -> e.isMapping() && e.contains(address)).findFirst();
    }

    /** Where the mapping named by a scenario handle name or a VMO name starts in the document shown. */
    OptionalLong mappingBase(String name) {
        Long vmoKoid = session.handleNamed(name).stream().boxed()
                .map(h -> session.kernel().inspector().handle(h).map(HandleInfo::koid).orElse(null))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        for (MapEntry e : session.viewedMaps()) {
            if (!e.isMapping()) {
                continue;
            }
            boolean named = vmoKoid != null ? e.vmoKoid() == vmoKoid
                    : name.equals(e.name()) || session.kernel().inspector().vmo(e.vmoKoid()).map(VmoInfo::name)
                            .filter(name::equals).isPresent();
            if (named) {
                return OptionalLong.of(documents.current().map(d -> d.fromKernel(e.base())).orElse(e.base()));
            }
        }
        return OptionalLong.empty();
    }
}
