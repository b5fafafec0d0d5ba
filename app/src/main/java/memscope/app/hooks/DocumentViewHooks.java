package memscope.app.hooks;

import memscope.app.document.Document;
import memscope.app.hex.AddressRange;

/** What a feature that opens or saves documents asks of the window's views of them (the files). */
public interface DocumentViewHooks {
    /** Opens the file {@code name}, mapped at {@code range} in process {@code processKoid}, as a document and shows it. */
    void openFileDocument(long processKoid, AddressRange range, String name);

    /** Shows {@code doc}, one of the open documents, as a click on its tab does. */
    void showDocument(Document doc);

    /** Closes the view {@code doc} (not what it shows), showing its neighbour if it was shown. */
    void closeDocument(Document doc);

    /** The file process {@code processKoid} shows was saved: nothing its documents show is changed any more. */
    void markSaved(long processKoid);
}
