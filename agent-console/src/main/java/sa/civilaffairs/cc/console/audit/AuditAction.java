package sa.civilaffairs.cc.console.audit;

import java.util.regex.Pattern;

/**
 * What an audit entry records. A code rather than an enum so that features mounted later (booking, visits, tickets)
 * add their own actions without touching this class; the constants are the console's own.
 */
public record AuditAction(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,47}");

    public static final AuditAction SIGN_IN = new AuditAction("SIGN_IN");
    public static final AuditAction SIGN_IN_REFUSED = new AuditAction("SIGN_IN_REFUSED");
    public static final AuditAction SIGN_OUT = new AuditAction("SIGN_OUT");
    /** A person's registry data and history were shown. */
    public static final AuditAction PERSON_VIEW = new AuditAction("PERSON_VIEW");
    /** An agent unmasked a person's mobile number. */
    public static final AuditAction MOBILE_REVEAL = new AuditAction("MOBILE_REVEAL");
    public static final AuditAction USER_CREATE = new AuditAction("USER_CREATE");
    /** The audit log itself was searched (it holds full national IDs). */
    public static final AuditAction AUDIT_SEARCH = new AuditAction("AUDIT_SEARCH");

    public AuditAction {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("audit action: '" + code + "' (expected: UPPER_SNAKE_CASE, 2-48 chars)");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
