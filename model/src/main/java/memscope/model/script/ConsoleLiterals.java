package memscope.model.script;

import java.io.ByteArrayOutputStream;

/** The console's number and byte-list syntax, for other formats that reuse it (lesson files). */
public final class ConsoleLiterals {
    private ConsoleLiterals() {
    }

    /** {@code 0x2000}, {@code 8192}, {@code 8K}; throws {@link BadLiteralException} naming the problem. */
    public static long number(String text) {
        try {
            return Literals.number(text.trim());
        } catch (Literals.Bad bad) {
            throw new BadLiteralException(bad.text);
        }
    }

    /** {@code "de ad be ef"}: hex pairs separated by blanks; throws {@link BadLiteralException} naming the bad one. */
    public static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String pair : text.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            try {
                out.write(Literals.hexByte(pair));
            } catch (Literals.Bad bad) {
                throw new BadLiteralException(bad.text);
            }
        }
        return out.toByteArray();
    }
}
