package memscope.app.status;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.text.HexFormat;
import memscope.model.SyscallRecord;

/**
 * How a refusal names the address its rule is about: the kernel's address, and when the call was about an open
 * file's process, the file offset beside it, as the file's address column shows it ({@code the mapping ends at
 * 0x1001000 (file offset 0x1000)}). The file is the record's own (its process), never the tab shown now: a log
 * line keeps naming its file after another tab is chosen.
 */
public final class RuleAddresses {
    private final Messages messages;
    private final Documents documents;

    public RuleAddresses(Messages messages, Documents documents) {
        this.messages = messages;
        this.documents = documents;
    }

    /** How {@code record}'s rule names a kernel address. */
    public LongFunction<String> of(SyscallRecord record) {
        Optional<Document> file = record.processKoid() == 0 ? Optional.empty() : documents.open().stream()
                .filter(d -> d.kind() == Document.Kind.FILE && d.processKoid() == record.processKoid()).findFirst();
        return address -> {
            String kernel = HexFormat.address(address);
            // the file's end is named too: a write clipped there names the first address past the file
            OptionalLong offset = file.map(d -> d.fileOffset(address)).orElse(OptionalLong.empty());
            return offset.isPresent()
                    ? messages.get("rule.address.inFile", kernel, HexFormat.address(offset.getAsLong())) : kernel;
        };
    }
}
