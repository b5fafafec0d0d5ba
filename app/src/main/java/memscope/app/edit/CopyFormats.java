package memscope.app.edit;

import java.util.Base64;

/** The text a selection is copied as. */
public final class CopyFormats {
    /** Bytes per line of a long C array. */
    private static final int C_PER_LINE = 12;

    private CopyFormats() {
    }

    /** {@code "DE AD BE EF"}. */
    public static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(bytes[i] & 0xf, 16)));
        }
        return s.toString();
    }

    /**
     * {@code unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };} on one line for a short selection; a long one
     * puts {@value #C_PER_LINE} bytes on each indented line.
     */
    public static String cArray(byte[] bytes, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a C identifier");
        }
        StringBuilder s = new StringBuilder("unsigned char ").append(name).append('[').append(bytes.length)
                .append("] = {");
        boolean multiline = bytes.length > 16;
        for (int i = 0; i < bytes.length; i++) {
            if (multiline && i % C_PER_LINE == 0) {
                s.append(i == 0 ? "\n    " : ",\n    ");
            } else {
                s.append(i == 0 ? " " : ", ");
            }
            s.append(String.format("0x%02x", bytes[i] & 0xff));
        }
        s.append(multiline ? "\n};" : bytes.length == 0 ? "};" : " };");
        return s.toString();
    }

    public static String cArray(byte[] bytes) {
        return cArray(bytes, "data");
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
