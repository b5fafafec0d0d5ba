package memscope.model.elf;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import memscope.model.text.Text;

/**
 * The dynamic linker an executable's PT_INTERP names, planned as Linux and Zircon's process builder load it: an
 * ET_DYN file of the same machine, its PT_LOAD segments at one bias in the highest gap left below the stack (where
 * Linux's mmap base puts it). A linker that is missing or unfit does not stop the executable from loading: the
 * plan then says why it was left out.
 */
final class InterpreterPlan {
    final ElfFile file;
    final long bias;
    final List<LoadedSegment> segments;
    final List<Placement> placements;
    final Text problem;

    private InterpreterPlan(ElfFile file, long bias, List<LoadedSegment> segments, List<Placement> placements,
                            Text problem) {
        this.file = file;
        this.bias = bias;
        this.segments = segments;
        this.placements = placements;
        this.problem = problem;
    }

    /** Nothing loaded: {@code problem} says why (null when there was no PT_INTERP). */
    static InterpreterPlan none(Text problem) {
        return new InterpreterPlan(null, 0, List.of(), List.of(), problem);
    }

    /** Opens, checks and places {@code name} around {@code taken} (which it extends); never throws. */
    static InterpreterPlan plan(String name, int machine, List<long[]> taken) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            return none(ElfWords.of("interp.badName", name));
        }
        ElfFile elf;
        try {
            elf = ElfFile.open(path);
        } catch (ElfException e) {
            return none(e.text());
        }
        try {
            if (elf.header().type() != ElfHeader.ET_DYN) {
                throw elf.refuse(ElfWords.field("e_type"), "interp.notShared", ElfHeader.typeName(elf.header().type()));
            }
            if (elf.header().machine() != machine) {
                throw elf.refuse(ElfWords.field("e_machine"), "interp.machine",
                        ElfHeader.machineName(elf.header().machine()), ElfHeader.machineName(machine));
            }
            List<ProgramHeader> loads = ElfLoader.loadSegments(elf);
            ProgramHeader last = loads.get(loads.size() - 1);
            long low = ElfLoader.pageDown(loads.get(0).vaddr());
            long span = ElfLoader.pageUp(last.vaddr() + last.memsz()) - low;
            long base = SpaceBuilder.highestGap(taken, span);
            if (base < 0) {
                throw elf.refuse(null, "interp.noRoom", span);
            }
            long bias = base - low;
            List<Placement> placements = new ArrayList<>();
            List<LoadedSegment> segments = new ArrayList<>();
            String fileName = ElfLoader.fileName(path);
            for (ProgramHeader p : loads) {
                segments.add(ElfLoader.place(elf, p, bias, fileName, placements));
            }
            taken.add(new long[] {base, base + span});
            return new InterpreterPlan(elf, bias, segments, placements, null);
        } catch (ElfException e) {
            ElfLoader.closeQuietly(elf);
            return none(e.text());
        }
    }
}
