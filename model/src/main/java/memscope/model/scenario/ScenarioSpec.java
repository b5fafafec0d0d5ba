package memscope.model.scenario;

import java.util.List;

import memscope.model.BootOptions;
import memscope.model.CachePolicy;

/**
 * A scenario file after parsing and checking, before anything exists in a kernel. Every reference between its
 * parts has been resolved, so {@link ScenarioBuilder} can only fail because a syscall refuses.
 * {@code viewedProcess} is the process handle that {@code viewProcess} leads to (they differ when
 * {@code viewProcess} names a duplicated handle).
 */
record ScenarioSpec(String title, String titleZh, String description, String descriptionZh, BootOptions boot, List<ProcessSpec> processes,
                    List<VmoSpec> vmos, List<VmarSpec> vmars, List<MappingSpec> mappings,
                    List<HandleSpec> handles, String viewProcess, String viewedProcess, String editorHandle,
                    Long startAddress) {

    /** {@code name} is the kernel object name; {@code handle} the scenario's name for the handle. */
    record ProcessSpec(Place place, String name, String handle, boolean killed) {
        String rootVmarHandle() {
            return handle + ".root";
        }
    }

    /**
     * @param executable       true when some mapping maps it executable, so the loader must replace its handle
     *                         with an executable one ({@code zx_vmo_replace_as_executable}), as a loader would
     * @param sizeAfterMapping new size set with {@code zx_vmo_set_size} once every mapping exists, or null
     */
    record VmoSpec(Place place, String name, String handle, long size, boolean resizable, CachePolicy cachePolicy,
                   List<ContentSpec> contents, boolean executable, Long sizeAfterMapping, Place resizePlace) {
    }

    /** {@code pattern} repeated (and cut) to fill {@code length} bytes at {@code offset}. */
    record ContentSpec(Place place, long offset, byte[] pattern, long length) {
    }

    /**
     * A sub-VMAR. {@code parent} is a process handle name (its root VMAR) or another VMAR's name. At most one of
     * {@code address} (absolute) and {@code offset} (from the parent's base) is set; neither lets the kernel choose.
     */
    record VmarSpec(Place place, String name, String parent, String process, Long address, Long offset,
                    Place addressPlace, long size, int options) {
    }

    /** {@code in} names a process (its root VMAR) or a VMAR; placement as for {@link VmarSpec}. */
    record MappingSpec(Place place, String in, String process, Long address, Long offset, Place addressPlace,
                       String vmo, long vmoOffset, long length, int perms) {
    }

    /** A duplicate of the handle named {@code original}, holding only {@code rights}. */
    record HandleSpec(Place place, String name, String original, int rights) {
    }
}
