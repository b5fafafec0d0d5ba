package memscope.app.edit;

/** The "Copy as" menu: how a selection becomes text. */
public enum CopyFormat {
    /** {@code DE AD BE EF} */
    HEX("Hex"),
    /** {@code unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };} */
    C_ARRAY("C array"),
    /** {@code 3q2+7w==} */
    BASE64("Base64");

    private final String label;

    CopyFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String format(byte[] bytes) {
        switch (this) {
            case HEX:
                return CopyFormats.hex(bytes);
            case C_ARRAY:
                return CopyFormats.cArray(bytes);
            default:
                return CopyFormats.base64(bytes);
        }
    }
}
