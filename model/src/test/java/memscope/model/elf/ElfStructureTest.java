package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.structure.Field;
import memscope.model.structure.FieldGroup;
import memscope.model.structure.Structure;

/** The typed view of an ELF file's headers: each field names its bytes, in the file and in the loaded process. */
class ElfStructureTest {
    @TempDir
    Path dir;

    private static Field field(FieldGroup g, String name) {
        return g.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void headersProgramHeadersAndNamedSectionsWithTheirOffsets() throws Exception {
        Path file = ElfBuilder.sample().write(dir.resolve("sample"));
        byte[] bytes = Files.readAllBytes(file);
        try (ElfFile elf = ElfFile.open(file)) {
            Structure s = ElfStructure.describe(elf);
            assertEquals("ELF file sample", s.title().english());
            assertEquals("ELF 文件 sample", s.title().in(Locale.SIMPLIFIED_CHINESE));
            FieldGroup h = s.groups().get(0);
            assertEquals("ELF header", h.title().english());
            assertEquals(new Field("e_type", 16, 2, "u16", "ET_DYN (3)"), field(h, "e_type"));
            assertEquals(new Field("e_machine", 18, 2, "u16", "x86-64 (62)"), field(h, "e_machine"));
            assertEquals(new Field("e_phoff", 32, 8, "u64", "0x40"), field(h, "e_phoff"));
            FieldGroup text = s.groups().get(2);
            assertEquals("Program header 1: LOAD", text.title().english());
            assertEquals(new Field("p_flags", 64 + 56 + 4, 4, "u32", "r-x (5)"), field(text, "p_flags"));
            assertEquals("Program header 3: GNU_STACK", s.groups().get(4).title().english());
            FieldGroup sec = s.groups().get(7);
            assertEquals("Section header 2: .text", sec.title().english());
            Field addr = field(sec, "sh_addr");
            assertEquals("0x1000", addr.value());
            // every field's offset is where its value is in the file
            assertEquals(0x1000, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong((int) addr.offset()));
            assertEquals("节头 2：.text", sec.title().in(Locale.SIMPLIFIED_CHINESE));
            assertEquals("e_phoff", s.fieldAt(35).orElseThrow().name());
            assertEquals("p_flags", s.fieldAt(64 + 56 + 5).orElseThrow().name());
        }
    }

    @Test
    void inTheProcessTheHeaderFieldsAreAtTheirAddressesAndSectionHeadersNowhere() throws Exception {
        Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        try (LoadedElf elf = ElfLoader.load(kernel, ElfBuilder.sample().write(dir.resolve("sample")))) {
            Structure s = elf.structureInMemory();
            Field entry = field(s.groups().get(0), "e_entry");
            assertEquals(ElfLoader.DYN_BASE + 24, entry.offset());
            byte[] b = new byte[8];
            kernel.readMemory(elf.processHandle(), entry.offset(), b, 8);
            assertArrayEquals(new byte[] {0, 0x10, 0, 0, 0, 0, 0, 0}, b);
            assertEquals(-1, field(s.groups().get(7), "sh_addr").offset(), "section headers are not loaded");
            assertEquals(ElfLoader.DYN_BASE + 0x3000, elf.addressOf(0x2000));
            assertEquals(-1, elf.addressOf(0x2100), "past .data's p_filesz the file is not memory");
        }
    }
}
