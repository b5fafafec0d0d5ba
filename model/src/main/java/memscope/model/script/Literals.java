package memscope.model.script;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import memscope.model.CachePolicy;
import memscope.model.Rights;
import memscope.model.TaskFlavor;
import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * The console's literal values: numbers, bytes, strings, permissions, rights, cache policies, task flavours. Each
 * parser throws {@link Bad} naming the problem and where in the token it starts.
 */
final class Literals {
    /** A malformed literal; {@code offset} is where in the token the problem starts, {@code text} what it is. */
    static final class Bad extends Exception {
        final int offset;
        final Text text;

        Bad(int offset, Text text) {
            super(null, null, false, false);
            this.offset = offset;
            this.text = text;
        }

        @Override
        public String getMessage() {
            return text.english();
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Pattern HEX_BYTE = Pattern.compile("[0-9A-Fa-f]{2}");
    private static final Pattern PERMS = Pattern.compile("[r-][w-][x-]");
    private static final long MAX_RIGHTS = 0xffff_ffffL;

    private Literals() {
    }

    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }

    static boolean isByte(String text) {
        return HEX_BYTE.matcher(text).matches();
    }

    /** {@code 0x2000}, {@code 4096}, {@code 4K}, {@code 64M}, {@code 1G} (K, M, G are powers of 1024). */
    static long number(String text) throws Bad {
        if (text.isEmpty()) {
            throw new Bad(0, ConsoleWords.of("number.missing"));
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            String digits = text.substring(2);
            if (digits.isEmpty()) {
                throw badNumber(0, text, ConsoleWords.of("number.noHexDigits"));
            }
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c >= 0x80 || Character.digit(c, 16) < 0) { // Character.digit also takes '٥' and 'Ａ'
                    Text notHex = ConsoleWords.of("number.notHexDigit", String.valueOf(c));
                    throw badNumber(2 + i, text, notHex);
                }
            }
            if (digits.replaceFirst("^0+", "").length() > 16) {
                throw badNumber(0, text, ConsoleWords.of("number.over64Bits"));
            }
            return Long.parseUnsignedLong(digits, 16);
        }
        int end = text.length();
        long unit = 1;
        char last = Character.toUpperCase(text.charAt(end - 1));
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
            end--;
        }
        if (end == 0) {
            throw badNumber(0, text, ConsoleWords.of("number.suffixNeedsDigits"));
        }
        for (int i = 0; i < end; i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                throw badNumber(i, text, ConsoleWords.of("number.expected"));
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(text.substring(0, end)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw badNumber(0, text, ConsoleWords.of("number.tooLarge"));
        }
    }

    private static Bad badNumber(int offset, String number, Text why) {
        return new Bad(offset, ConsoleWords.of("number.bad", Excerpt.of(number), why));
    }

    static byte hexByte(String text) throws Bad {
        if (!isByte(text)) {
            throw new Bad(0, ConsoleWords.of("byte.bad", Excerpt.of(text)));
        }
        return (byte) Integer.parseInt(text, 16);
    }

    /** The UTF-8 bytes of a quoted string; escapes are \" \\ \n \t \0 and \xNN. */
    static byte[] string(String quoted) throws Bad {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            flush(plain, out);
            char e = quoted.charAt(++i);
            switch (e) {
                case '"': out.write('"'); break;
                case '\\': out.write('\\'); break;
                case 'n': out.write('\n'); break;
                case 't': out.write('\t'); break;
                case '0': out.write(0); break;
                case 'x': {
                    int close = quoted.length() - 1;
                    String hex = i + 2 < close ? quoted.substring(i + 1, i + 3) : "";
                    if (!isByte(hex)) {
                        throw new Bad(i - 1, ConsoleWords.of("string.badHexEscape"));
                    }
                    out.write(Integer.parseInt(hex, 16));
                    i += 2;
                    break;
                }
                default:
                    throw new Bad(i - 1, ConsoleWords.of("string.badEscape", String.valueOf(e)));
            }
        }
        flush(plain, out);
        return out.toByteArray();
    }

    private static void flush(StringBuilder plain, ByteArrayOutputStream out) {
        out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        plain.setLength(0);
    }

    /** {@code r-x} style permissions as PERM_READ/WRITE/EXECUTE bits (the same bits as Mach's VM_PROT_*). */
    static int perms(String text) throws Bad {
        if (!PERMS.matcher(text).matches()) {
            throw new Bad(0, ConsoleWords.of("perms.bad", Excerpt.of(text)));
        }
        int p = 0;
        p |= text.charAt(0) == 'r' ? 1 : 0;
        p |= text.charAt(1) == 'w' ? 2 : 0;
        p |= text.charAt(2) == 'x' ? 4 : 0;
        return p;
    }

    /** {@code READ|INSPECT}, {@code SAME_RIGHTS}, {@code NONE} or a number. */
    static int rights(String text) throws Bad {
        if (text.isEmpty()) {
            throw new Bad(0, ConsoleWords.of("rights.missing"));
        }
        int rights = 0;
        int at = 0;
        for (String part : text.split("\\|", -1)) {
            if (part.isEmpty()) {
                throw new Bad(at, ConsoleWords.of("rights.empty", Excerpt.of(text)));
            }
            int bits;
            if (Character.isDigit(part.charAt(0))) {
                long n = number(part);
                if (n < 0 || n > MAX_RIGHTS) {
                    // zx_rights_t is 32 bits: a cast would keep the low bits (0x100000004 would mean READ)
                    throw new Bad(at, ConsoleWords.of("rights.tooLarge", Excerpt.of(part)));
                }
                bits = (int) n;
            } else {
                bits = Rights.parse(part);
                if (bits == -1) {
                    throw new Bad(at, ConsoleWords.of("rights.unknown", Excerpt.of(part)));
                }
            }
            rights |= bits;
            at += part.length() + 1;
        }
        return rights;
    }

    static CachePolicy cachePolicy(String text) throws Bad {
        String n = text.toUpperCase(Locale.ROOT).replaceFirst("^ZX_CACHE_POLICY_", "");
        for (CachePolicy p : CachePolicy.values()) {
            if (p.name().equals(n)) {
                return p;
            }
        }
        throw new Bad(0, ConsoleWords.of("policy.unknown", Excerpt.of(text)));
    }

    static TaskFlavor flavor(String text) throws Bad {
        String n = text.toUpperCase(Locale.ROOT);
        for (TaskFlavor f : TaskFlavor.values()) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new Bad(0, ConsoleWords.of("flavor.unknown", Excerpt.of(text)));
    }

    /** {@code documented} or {@code today}, any case. */
    static memscope.model.Fidelity fidelity(String text) throws Bad {
        for (memscope.model.Fidelity f : memscope.model.Fidelity.values()) {
            if (f.word().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new Bad(0, ConsoleWords.of("fidelity.expected", Excerpt.of(text)));
    }

    static boolean onOff(String text) throws Bad {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "on": case "true": case "1": return true;
            case "off": case "false": case "0": return false;
            default: throw new Bad(0, ConsoleWords.of("onOff.expected", Excerpt.of(text)));
        }
    }
}
