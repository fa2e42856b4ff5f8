package sa.civilaffairs.cc.text;

/** The two languages every channel speaks. Arabic is the default wherever the citizen has not chosen. */
public enum Language {
    AR("ar"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1 code, as used in templates, prompts and Asterisk's CC_LANG. */
    public String code() {
        return code;
    }

    public static Language fromCode(String code) {
        if (code == null) {
            return AR;
        }
        return switch (code.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "en", "eng", "english" -> EN;
            default -> AR;
        };
    }
}
