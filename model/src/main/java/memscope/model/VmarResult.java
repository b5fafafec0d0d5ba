package memscope.model;

/** Result of a syscall: {@code status}, and the other fields only when it is OK. */
public record VmarResult(Status status, int vmar, long address) {
}
