package memscope.model.linux;

import java.util.ArrayList;
import java.util.List;

import memscope.model.MirroredRegion;

/** The kernel's regions for lines of the maps: one VMO per line, named as the line names it. */
final class Regions {
    /** Zircon object names hold 31 characters. */
    private static final int MAX_NAME = 31;

    private Regions() {
    }

    static List<MirroredRegion> of(List<LinuxMapping> lines, LiveMemory memory) {
        List<MirroredRegion> out = new ArrayList<>(lines.size());
        for (LinuxMapping m : lines) {
            out.add(new MirroredRegion(m.start(), m.size(), m.zirconPerms(), name(m),
                    new RegionPages(memory, m.start()), m.isVdso()));
        }
        return out;
    }

    /** {@code [heap]}, {@code [anon]}, a short path whole, a long one by its file name. */
    static String name(LinuxMapping m) {
        String path = m.path();
        if (path.isEmpty()) {
            return "[anon]";
        }
        if (path.length() <= MAX_NAME) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
