package sa.civilaffairs.cc.dialog;

/**
 * Where a dialog stands: the question last asked, so the next message is read as its answer. Each step names the
 * template of its prompt; its parser and its next step are the branch of {@link DialogEngine}'s switch for it.
 * {@link #freeText()} steps take any text as the answer, so keywords typed there are not commands (only {@code 0} or
 * الغاء abandon).
 */
public enum Step {
    BOOK_ID("dialog.book.id"),
    BOOK_SERVICE("dialog.book.service"),
    BOOK_REGION("dialog.book.region"),
    BOOK_OFFICE("dialog.book.office"),
    BOOK_DAY("dialog.book.day"),
    BOOK_TIME("dialog.book.time"),
    BOOK_CONFIRM("dialog.book.confirm"),
    STATUS_ID("dialog.status.id"),
    CANCEL_REF("dialog.cancel.ref"),
    CANCEL_CONFIRM("dialog.cancel.confirm"),
    VISIT_WHO("dialog.visit.who"),
    VISIT_ID("dialog.visit.id"),
    VISIT_REQUESTER_ID("dialog.visit.requester"),
    VISIT_CATEGORY("dialog.visit.category"),
    VISIT_PLACE("dialog.visit.place"),
    VISIT_REGION("dialog.visit.region"),
    VISIT_CITY("dialog.visit.city"),
    VISIT_ADDRESS("dialog.visit.address"),
    VISIT_CONTACT("dialog.visit.contact"),
    FEEDBACK_KIND("dialog.feedback.kind"),
    FEEDBACK_REGION("dialog.feedback.region"),
    FEEDBACK_TEXT("dialog.feedback.text"),
    LOST_ID("dialog.lost.id"),
    LOST_KIND("dialog.lost.kind"),
    LOST_OFFER("dialog.lost.offer"),
    CHAT("chat.started");

    private final String prompt;

    Step(String prompt) {
        this.prompt = prompt;
    }

    /** The template id of the question this step asks. */
    public String prompt() {
        return prompt;
    }

    public boolean freeText() {
        return this == VISIT_CITY || this == VISIT_ADDRESS || this == FEEDBACK_TEXT || this == CHAT;
    }
}
