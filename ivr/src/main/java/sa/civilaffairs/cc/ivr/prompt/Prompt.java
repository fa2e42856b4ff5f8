package sa.civilaffairs.cc.ivr.prompt;

import java.util.Optional;
import sa.civilaffairs.cc.text.Language;

/**
 * One piece of what the IVR says: a prompt id of {@code config/prompts/catalogue.yaml}, in the call's language or,
 * when {@code language} is set, always in that one (the language menu speaks both).
 */
public record Prompt(String id, Optional<Language> language) {

    public Prompt {
        if (id == null || !id.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("prompt id: " + id + " (expected: lower case, digits, - and _)");
        }
        language = language == null ? Optional.empty() : language;
    }

    public static Prompt of(String id) {
        return new Prompt(id, Optional.empty());
    }

    public static Prompt in(String id, Language language) {
        return new Prompt(id, Optional.of(language));
    }

    /** The sound file Asterisk plays: {@code <prefix>/<language>/<id>}, without extension. */
    public String file(String prefix, Language callLanguage) {
        return prefix + "/" + language.orElse(callLanguage).code() + "/" + id;
    }
}
