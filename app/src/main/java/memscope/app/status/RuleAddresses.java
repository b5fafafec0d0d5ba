package memscope.app.status;

import java.util.function.LongFunction;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.text.HexFormat;

/**
 * How a refusal names the address its rule is about: the kernel's address, and in a file document the file offset
 * beside it, as the address column shows it ({@code the mapping ends at 0x1001000 (file offset 0x1000)}).
 */
public final class RuleAddresses implements LongFunction<String> {
    private final Messages messages;
    private final Documents documents;

    public RuleAddresses(Messages messages, Documents documents) {
        this.messages = messages;
        this.documents = documents;
    }

    @Override
    public String apply(long address) {
        String kernel = HexFormat.address(address);
        Document doc = documents.current().orElse(null);
        if (doc == null || doc.kind() != Document.Kind.FILE) {
            return kernel;
        }
        long offset = doc.fromKernel(address);
        // the file's end is named too: a write clipped there names the first address past the file
        boolean inFile = offset >= doc.range().start() && offset <= doc.range().end();
        return inFile ? messages.get("rule.address.inFile", kernel, HexFormat.address(offset)) : kernel;
    }
}
