package sa.civilaffairs.cc.lost;

/** The document reported lost. */
public enum LostDocument {
    NATIONAL_ID, IQAMA, FAMILY_RECORD, BIRTH_CERTIFICATE, OTHER
}
