/**
 * The JavaFX inspector and the {@code memscope} command line. Nothing is exported: only what reflection reaches
 * is opened, so a new package needs no line here unless a framework instantiates or reads its classes
 * reflectively (picocli commands, FXML controllers, JavaFX's PropertyValueFactory).
 */
module memscope.app {
    requires memscope.model;
    requires javafx.controls;
    requires javafx.swing;
    requires org.fxmisc.richtext;
    requires org.fxmisc.flowless;
    requires reactfx; // RichTextFX's paragraph lists; its jar names no module, so the name comes from the file
    requires org.controlsfx.controls;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.desktop;
    requires java.management;
    requires java.prefs;

    // Application.launch instantiates MemScopeApp from javafx.graphics
    exports memscope.app to javafx.graphics;
    // picocli instantiates the commands, the version provider and the completion generator, and sets their fields
    opens memscope.app.cli to info.picocli;
}
