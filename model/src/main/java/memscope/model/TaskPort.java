package memscope.model;

/**
 * A send right to a task port in the caller's Mach IPC space: its name, the process whose address space it
 * reaches, and its flavour. The port refers to the process object itself, so closing the Zircon process
 * handle it came from does not kill it; killing the process does (the name becomes a dead name).
 */
record TaskPort(int name, ProcessObject process, TaskFlavor flavor) {
}
