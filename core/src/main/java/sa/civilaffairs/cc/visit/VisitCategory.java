package sa.civilaffairs.cc.visit;

/** Who a Taqdeer home visit is for (PRODUCT.md, "Services"). */
public enum VisitCategory {
    /** Aged 85 or over on the registry's birth date: eligible at once. */
    AGE_85_PLUS,
    /** A disability registered in the civil registry: eligible at once. */
    DISABILITY,
    /** A patient (hospital, care unit, bedridden at home): accepted to be reviewed by an agent. */
    PATIENT
}
