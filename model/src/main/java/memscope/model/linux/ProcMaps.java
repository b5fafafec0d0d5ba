package memscope.model.linux;

import java.util.ArrayList;
import java.util.List;

/** Parses the text of {@code /proc/PID/maps}. */
final class ProcMaps {
    private ProcMaps() {
    }

    /** One mapping per well-formed line, in the file's (address) order; other lines are skipped. */
    static List<LinuxMapping> parse(String text) {
        List<LinuxMapping> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            LinuxMapping m = line(text, at, end);
            if (m != null) {
                out.add(m);
            }
            at = end + 1;
        }
        return out;
    }

    /** {@code start-end perms offset dev inode [path]}; the path is the rest of the line after the padding. */
    private static LinuxMapping line(String text, int from, int to) {
        String[] field = new String[5];
        int at = from;
        for (int i = 0; i < 5; i++) {
            while (at < to && text.charAt(at) == ' ') {
                at++;
            }
            int start = at;
            while (at < to && text.charAt(at) != ' ') {
                at++;
            }
            if (start == at) {
                return null;
            }
            field[i] = text.substring(start, at);
        }
        while (at < to && text.charAt(at) == ' ') {
            at++;
        }
        String path = text.substring(at, to);
        int dash = field[0].indexOf('-');
        if (dash < 0 || field[1].length() != 4) {
            return null;
        }
        try {
            return new LinuxMapping(Long.parseUnsignedLong(field[0].substring(0, dash), 16),
                    Long.parseUnsignedLong(field[0].substring(dash + 1), 16), field[1],
                    Long.parseUnsignedLong(field[2], 16), field[3], Long.parseLong(field[4]), path);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
