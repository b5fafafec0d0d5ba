package memscope.model.linux;

import memscope.model.text.Text;

/** The words of the Linux personality: keys into {@code memscope/model/linux/messages*.properties}. */
final class LinuxWords {
    static final String BUNDLE = "memscope.model.linux.messages";

    private LinuxWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
