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
    /** The live contact center's texts (pops, agent states, chat, dashboard), kept in their own files. */
    private static final String LIVE_BUNDLE = "sa.civilaffairs.cc.console.push.messages";

    private final Map<Language, Map<String, String>> bundles;

    public Messages() {
        this.bundles = Map.of(Language.AR, load("ar"), Language.EN, load("en"));
    }

    private static Map<String, String> load(String tag) {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        Map<String, String> all = new TreeMap<>();
        for (String name : java.util.List.of(BUNDLE, LIVE_BUNDLE)) {
            ResourceBundle b = ResourceBundle.getBundle(name, Locale.forLanguageTag(tag), noFallback);
            for (String k : Collections.list(b.getKeys())) {
                if (all.put(k, b.getString(k)) != null) {
                    throw new IllegalStateException("message key " + k + " defined twice (" + name + ")");
                }
            }
        }
        return Collections.unmodifiableMap(all);
    }

    public String text(Language language, String key, String... args) {
        String pattern = bundles.get(language).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + language,
                    new MissingResourceException(key, BUNDLE, key));
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** Every key with the given prefix, for the pages' scripts. */
    public Map<String, String> withPrefix(Language language, String prefix) {
        Map<String, String> out = new TreeMap<>();
        bundles.get(language).forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    public java.util.Set<String> keys(Language language) {
        return bundles.get(language).keySet();
    }
}
