package sa.civilaffairs.cc.console.web;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import sa.civilaffairs.cc.text.Language;

/**
 * The console's texts in Arabic and English ({@code messages_ar.properties}, {@code messages_en.properties} beside
 * this class): API error messages, field messages, page labels and the strings the pages' scripts need.
 * Arguments are given as strings so numbers keep the Western digits the spec's examples use.
 */
public final class Messages {
    private static final String BUNDLE = "sa.civilaffairs.cc.console.web.messages";

    private final Map<Language, ResourceBundle> bundles;

    public Messages() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        this.bundles = Map.of(
                Language.AR, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("ar"), noFallback),
                Language.EN, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("en"), noFallback));
    }

    public String text(Language language, String key, String... args) {
        String pattern;
        try {
            pattern = bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + language, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** Every key with the given prefix, for the pages' scripts. */
    public Map<String, String> withPrefix(Language language, String prefix) {
        Map<String, String> out = new TreeMap<>();
        ResourceBundle b = bundles.get(language);
        for (String k : Collections.list(b.getKeys())) {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), b.getString(k));
            }
        }
        return out;
    }

    public java.util.Set<String> keys(Language language) {
        return bundles.get(language).keySet();
    }
}
