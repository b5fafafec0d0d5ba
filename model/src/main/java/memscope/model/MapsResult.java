package memscope.model;

/** Result of a syscall: {@code status}, and the other fields only when it is OK. */
public record MapsResult(Status status, java.util.List<MapEntry> entries) {
}
