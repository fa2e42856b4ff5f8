package sa.civilaffairs.cc.cases;

import sa.civilaffairs.cc.reference.Reference;

/** A change asked for a reference that names no case of the store's kind. Nothing was written. */
public final class UnknownCaseException extends CaseException {
    private final Reference reference;

    public UnknownCaseException(Reference reference) {
        super(reference + ": no such case (expected: the reference of an existing case of this kind)");
        this.reference = reference;
    }

    public Reference reference() {
        return reference;
    }
}
