package sa.civilaffairs.cc.dialog;

/** What a citizen's keyword asks for (PRODUCT.md, "SMS on 77799"). */
public enum Intent {
    BOOK, STATUS, CANCEL, VISIT, FEEDBACK, LOST, CHAT, HELP, STOP
}
