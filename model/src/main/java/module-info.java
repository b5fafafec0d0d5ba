/**
 * The simulated kernel, its readers and the console language. Every package is exported (the app and the command
 * line use them all); a new package needs an {@code exports} line here. Resources (bundles, scenarios, lessons)
 * are read by classes of this module only, through {@code Class.getResourceAsStream}, so none is opened.
 */
module memscope.model {
    requires com.fasterxml.jackson.databind;
    requires com.sun.jna;

    exports memscope.model;
    exports memscope.model.elf;
    exports memscope.model.file;
    exports memscope.model.history;
    exports memscope.model.io;
    exports memscope.model.lesson;
    exports memscope.model.linux;
    exports memscope.model.scenario;
    exports memscope.model.script;
    exports memscope.model.structure;
    exports memscope.model.text;

    // JNA builds the LibC proxy and reads the interface's methods reflectively
    opens memscope.model.linux to com.sun.jna;
}
