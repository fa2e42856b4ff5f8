package sa.civilaffairs.cc.console.live;

import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * What the IVR learnt before queueing the call, carried as channel variables ({@code ChanVariable: CC_LANG=ar} …,
 * manager.conf {@code channelvars=CC_LANG,CC_NID,CC_INTENT,CC_TRAIL,CC_REF}). Each part may be absent (null): the
 * caller may have skipped a step. {@code toString()} masks the national ID.
 *
 * @param language  CC_LANG, the language the caller chose
 * @param nationalId CC_NID when it is a valid national ID (full: it is for the agent's screen, never for logs)
 * @param intent    CC_INTENT, e.g. {@code book}
 * @param trail     CC_TRAIL, the menu path, e.g. {@code 1>1>3}
 * @param reference CC_REF when it is a valid reference number
 */
public record CallFindings(Language language, NationalId nationalId, String intent, String trail, Reference reference) {
    public static final CallFindings NONE = new CallFindings(null, null, null, null, null);

    public CallFindings {
        intent = blankToNull(intent);
        trail = blankToNull(trail);
    }

    /** Reads CC_* channel variables; empty or invalid values become absent. */
    public static CallFindings fromChannelVariables(Map<String, String> vars) {
        if (vars == null || vars.isEmpty()) {
            return NONE;
        }
        String lang = blankToNull(vars.get("CC_LANG"));
        String nid = blankToNull(vars.get("CC_NID"));
        String ref = blankToNull(vars.get("CC_REF"));
        return new CallFindings(
                lang == null ? null : Language.fromCode(lang),
                nid == null || !NationalId.isValid(nid) ? null : NationalId.parse(nid),
                vars.get("CC_INTENT"),
                vars.get("CC_TRAIL"),
                ref == null ? null : Reference.tryParse(ref).orElse(null));
    }

    public boolean isEmpty() {
        return language == null && nationalId == null && intent == null && trail == null && reference == null;
    }

    /** These findings, completed by {@code other} where these have none. */
    public CallFindings orElse(CallFindings other) {
        if (other == null) {
            return this;
        }
        return new CallFindings(
                language != null ? language : other.language,
                nationalId != null ? nationalId : other.nationalId,
                intent != null ? intent : other.intent,
                trail != null ? trail : other.trail,
                reference != null ? reference : other.reference);
    }

    public Optional<NationalId> nationalIdIfAny() {
        return Optional.ofNullable(nationalId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
