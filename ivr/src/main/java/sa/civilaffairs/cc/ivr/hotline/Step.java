package sa.civilaffairs.cc.ivr.hotline;

/** The states of a hotline call (PRODUCT.md, "IVR on 920022133"); the names go to the end-of-call log line. */
public enum Step {
    LANGUAGE, MAIN_MENU, NATIONAL_ID,
    SERVICE, REGION, OFFICE, DAY, TIME, CONFIRM,
    MY_APPOINTMENTS, CANCEL_CONFIRM,
    STATUS_REFERENCE,
    TAQDEER_FOR, BENEFICIARY_ID, TAQDEER_PLACE, TAQDEER_REGION,
    LOST_DOCUMENT, LOST_REPLACEMENT,
    AGENT, DONE
}
