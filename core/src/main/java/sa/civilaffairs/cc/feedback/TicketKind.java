package sa.civilaffairs.cc.feedback;

/** The three kinds of Tahseen feedback. */
public enum TicketKind {
    COMPLAINT, SUGGESTION, INQUIRY
}
