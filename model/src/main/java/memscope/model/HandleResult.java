package memscope.model;

/** Result of a syscall: {@code status}, and the other fields only when it is OK. */
public record HandleResult(Status status, int handle) {
}
