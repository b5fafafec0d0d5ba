package memscope.app.edit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import memscope.app.text.RefusedInputException;

/** How text is turned into the bytes a search looks for. */
public enum TextEncoding {
    ASCII(StandardCharsets.US_ASCII, "ASCII"),
    UTF_8(StandardCharsets.UTF_8, "UTF-8"),
    UTF_16LE(StandardCharsets.UTF_16LE, "UTF-16LE"),
    UTF_16BE(StandardCharsets.UTF_16BE, "UTF-16BE");

    private final Charset charset;
    private final String label;

    TextEncoding(Charset charset, String label) {
        this.charset = charset;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The bytes of {@code text}; refuses characters the encoding cannot hold (é in ASCII) or lone surrogates. */
    public byte[] encode(String text) {
        try {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new RefusedInputException("search.error.notEncodable", text, label);
        }
    }
}
