package memscope.model;

/** Result of a syscall: {@code status}, and the other fields only when it is OK. */
public record ProcessResult(Status status, int process, int rootVmar) {
}
