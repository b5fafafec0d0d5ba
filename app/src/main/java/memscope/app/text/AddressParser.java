package memscope.app.text;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The go-to field's language: {@code 0x1000}, {@code 1000h}, plain hex {@code 7fff0000}, or
 * {@code mapping+offset} where the mapping is named by its VMO name or scenario handle name and the offset is hex.
 * A bare mapping name means its base.
 */
public final class AddressParser {
    /** Finds where a named mapping starts in the viewed process. */
    @FunctionalInterface
    public interface MappingLookup {
        OptionalLong baseOf(String name);
    }

    private final MappingLookup mappings;

    public AddressParser(MappingLookup mappings) {
        this.mappings = mappings;
    }

    public long parse(String text) throws InputException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new InputException("error.address.empty");
        }
        int plus = t.lastIndexOf('+');
        if (plus > 0) {
            String name = t.substring(0, plus).trim();
            long base = mappingBase(name, t);
            long offset = hex(t.substring(plus + 1).trim(), t);
            return base + offset;
        }
        if (looksLikeHex(t)) {
            return hex(t, t);
        }
        return mappingBase(t, t);
    }

    private long mappingBase(String name, String whole) throws InputException {
        OptionalLong base = mappings.baseOf(name);
        if (base.isEmpty()) {
            if (looksLikeHex(name)) {
                throw new InputException("error.address.notHex", whole);
            }
            throw new InputException("error.address.noMapping", name);
        }
        return base.getAsLong();
    }

    private static boolean looksLikeHex(String t) {
        String s = t.toLowerCase(Locale.ROOT);
        return s.startsWith("0x") || s.endsWith("h") || s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** One hex number: {@code 0x1f}, {@code 1fh} or {@code 1f}; underscores allowed as separators. */
    static long hex(String t, String whole) throws InputException {
        String s = t.toLowerCase(Locale.ROOT).replace("_", "");
        if (s.startsWith("0x")) {
            s = s.substring(2);
        } else if (s.endsWith("h")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 16 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new InputException("error.address.notHex", whole);
        }
        return Long.parseUnsignedLong(s, 16);
    }
}
