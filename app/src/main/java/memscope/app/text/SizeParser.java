package memscope.app.text;

import java.util.Locale;

/** Sizes as people type them: {@code 4096}, {@code 0x1000}, {@code 16K}, {@code 16KiB}, {@code 2M}, {@code 1G}. */
public final class SizeParser {
    private SizeParser() {
    }

    public static long parse(String text) throws InputException {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace("_", "");
        if (t.isEmpty()) {
            throw new InputException("error.size.empty");
        }
        try {
            if (t.startsWith("0X")) {
                return positive(Long.parseUnsignedLong(t.substring(2), 16), text);
            }
            String digits = t.replaceFirst("(I?B|B)$", "");
            int shift = 0;
            char last = digits.isEmpty() ? ' ' : digits.charAt(digits.length() - 1);
            switch (last) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                case 'T' -> shift = 40;
                default -> shift = 0;
            }
            if (shift > 0) {
                digits = digits.substring(0, digits.length() - 1).trim();
            }
            long value = Long.parseLong(digits);
            if (value < 0 || Long.numberOfLeadingZeros(value) <= shift) {
                throw new InputException("error.size.bad", text.trim());
            }
            return positive(value << shift, text);
        } catch (NumberFormatException e) {
            throw new InputException("error.size.bad", text.trim());
        }
    }

    private static long positive(long value, String text) throws InputException {
        if (value < 0) {
            throw new InputException("error.size.bad", text.trim());
        }
        return value;
    }
}
