package sa.civilaffairs.cc.console.amidouble;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One AMI event filter, as set by the {@code Filter} action or {@code eventfilter} in manager.conf: the legacy form
 * (a regular expression over the whole event, {@code !} to exclude) and the Asterisk 21+ match criteria
 * {@code action(include|exclude)}, {@code name(Event)}, {@code header(Name)}.
 */
record EventFilter(boolean include, String eventName, String header, Pattern pattern) {
    private static final Pattern CRITERION = Pattern.compile("(action|name|header|method)\\(([^)]*)\\)");

    /** Thrown for a filter Asterisk would refuse; the message is Asterisk's. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    static EventFilter parse(String matchCriteria, String filter) throws Refused {
        boolean include = true;
        String name = null;
        String header = null;
        String expression = filter == null ? "" : filter;
        if (matchCriteria == null || matchCriteria.isBlank()) {
            if (expression.startsWith("!")) {
                include = false;
                expression = expression.substring(1);
            }
        } else {
            Matcher m = CRITERION.matcher(matchCriteria);
            int consumed = 0;
            while (m.find()) {
                switch (m.group(1)) {
                    case "action" -> include = !"exclude".equalsIgnoreCase(m.group(2));
                    case "name" -> name = m.group(2);
                    case "header" -> header = m.group(2).endsWith(":") ? m.group(2) : m.group(2) + ":";
                    default -> {
                        // method(): the double only matches regular expressions
                    }
                }
                consumed += m.group().length();
            }
            if (consumed == 0) {
                throw new Refused("Filter was formatted incorrectly.  Check the syntax of the filter given.");
            }
        }
        try {
            Pattern p = expression.isEmpty() ? null : Pattern.compile(expression);
            return new EventFilter(include, name, header, p);
        } catch (PatternSyntaxException e) {
            throw new Refused("Filter did not compile.  Check the syntax of the filter given.");
        }
    }

    boolean matches(AmiFrame event, String text) {
        if (eventName != null && !eventName.equalsIgnoreCase(event.event())) {
            return false;
        }
        if (pattern == null) {
            return true;
        }
        if (header == null) {
            return pattern.matcher(text).find();
        }
        String wanted = header.substring(0, header.length() - 1).toLowerCase(Locale.ROOT);
        for (AmiFrame.Header h : event.headers()) {
            if (h.name().toLowerCase(Locale.ROOT).equals(wanted) && pattern.matcher(h.value()).find()) {
                return true;
            }
        }
        return false;
    }
}
