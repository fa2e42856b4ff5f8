package sa.civilaffairs.cc.reference;

/** Hands out references that are unique across the whole system. Thread-safe. */
public interface References {
    Reference next(ReferenceKind kind);

    /** {@code count} new references at once (a store may hand out a block in one step), in no particular order. */
    default java.util.List<Reference> next(ReferenceKind kind, int count) {
        java.util.List<Reference> block = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            block.add(next(kind));
        }
        return block;
    }
}
