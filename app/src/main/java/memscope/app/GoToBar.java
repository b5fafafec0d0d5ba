package memscope.app;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import memscope.app.hex.ByteSource;
import memscope.app.hex.HexView;
import memscope.app.text.AddressParser;
import memscope.app.text.HexFormat;
import memscope.app.text.InputException;

/**
 * The go-to field: Ctrl+G puts the keyboard there; Enter (or Go) moves the hex view to the address and hands the
 * keyboard back to it, so the next digits edit memory; Escape leaves without moving. A bad address says why and
 * keeps the field focused to correct it.
 */
final class GoToBar {
    private final TextField field = new TextField();
    private final ToolBar bar;
    private final HexView hexView;
    private final AddressParser addresses;
    private final StatusReport report;

    /** Where the bar reports: a move, or what is wrong with the text. */
    interface StatusReport {
        void moved(long address);

        void problem(InputException problem);
    }

    GoToBar(Messages messages, HexView hexView, AddressParser addresses, StatusReport report) {
        this.hexView = hexView;
        this.addresses = addresses;
        this.report = report;
        field.setId("gotoAddress");
        field.promptTextProperty().bind(messages.text("goto.prompt"));
        field.setPrefColumnCount(24);
        field.setOnAction(e -> goToAndEdit());
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hexView.requestFocus();
                e.consume();
            }
        });
        Button go = new Button();
        go.textProperty().bind(messages.text("goto.button"));
        go.setOnAction(e -> goToAndEdit());
        bar = new ToolBar(field, go);
    }

    ToolBar node() {
        return bar;
    }

    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** Moves the hex view to the address {@code text} names, or says what is wrong with it and moves nothing. */
    boolean goTo(String text) {
        try {
            long address = addresses.parse(text);
            ByteSource shown = hexView.getSource(); // an open file's range, when limited
            if (shown != null && (address < shown.start() || address >= shown.end())) {
                throw new InputException("error.address.outside", HexFormat.address(address));
            }
            hexView.goTo(address);
            report.moved(address);
            return true;
        } catch (InputException e) {
            report.problem(e);
            return false;
        }
    }

    private void goToAndEdit() {
        if (goTo(field.getText())) {
            hexView.requestFocus();
        }
    }
}
