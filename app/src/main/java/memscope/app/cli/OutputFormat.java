package memscope.app.cli;

/** How a command prints its results: lines for people, or JSON for programs. */
enum OutputFormat {
    text, json
}
