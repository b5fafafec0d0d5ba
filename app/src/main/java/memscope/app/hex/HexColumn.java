package memscope.app.hex;

/** The two columns a caret can edit in. */
public enum HexColumn {
    HEX, ASCII;

    HexColumn other() {
        return this == HEX ? ASCII : HEX;
    }
}
