package sa.civilaffairs.cc.reference;

/** Hands out references that are unique across the whole system. Thread-safe. */
public interface References {
    Reference next(ReferenceKind kind);
}
