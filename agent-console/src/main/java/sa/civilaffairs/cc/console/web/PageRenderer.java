package sa.civilaffairs.cc.console.web;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.civilaffairs.cc.console.session.ConsoleSession;
import sa.civilaffairs.cc.text.Language;

/**
 * Renders a {@link Page} inside the common layout, in the user's language: {@code <html lang dir>} and Bootstrap's
 * RTL or LTR stylesheet follow the language, so the layout is mirrored by Bootstrap's logical utilities, not by hand.
 * Templates hold {@code {{t:key}}} (a message, escaped) and {@code {{name}}} (a value, escaped unless the name ends in
 * {@code Html}); the strings the page's script needs travel in a JSON data block (not executed, so CSP-compatible).
 */
public final class PageRenderer {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(t:)?([A-Za-z0-9_.-]+)}}");
    private static final String LAYOUT = "/sa/civilaffairs/cc/console/web/pages/layout.html";
    private static final String ERROR = "/sa/civilaffairs/cc/console/web/pages/error.html";

    private final Messages messages;
    private final List<NavLink> navigation;
    private final String bootstrapCss;
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    public PageRenderer(Messages messages, List<NavLink> navigation) {
        this.messages = messages;
        this.navigation = List.copyOf(navigation);
        this.bootstrapCss = "/webjars/bootstrap/" + webjarVersion("bootstrap") + "/css/";
    }

    public String render(Page page, Language language, Optional<ConsoleSession> session, String path) {
        String body = fill(template(page.template()), language, Map.of());
        JsonObject strings = new JsonObject();
        messages.withPrefix(language, "js.").forEach(strings::put);
        Map<String, String> values = new java.util.HashMap<>();
        values.put("lang", language.code());
        values.put("dir", language == Language.AR ? "rtl" : "ltr");
        values.put("bootstrapCss", bootstrapCss + (language == Language.AR ? "bootstrap.rtl.min.css" : "bootstrap.min.css"));
        values.put("title", messages.text(language, page.titleKey()));
        values.put("script", page.script().isEmpty() ? "console" : page.script());
        values.put("csrf", session.map(ConsoleSession::csrfToken).orElse(""));
        values.put("user", session.map(s -> s.displayName() + " · " + messages.text(language, "ui.role." + s.role().code()))
                .orElse(""));
        values.put("role", session.map(s -> s.role().code()).orElse(""));
        Language other = language == Language.AR ? Language.EN : Language.AR;
        values.put("otherLang", other.code());
        values.put("otherLangName", messages.text(language, "ui.switchLanguage"));
        values.put("messagesHtml", jsonForHtml(strings.encode()));
        values.put("navHtml", session.map(s -> nav(language, s, path)).orElse(""));
        values.put("signOutHtml", session.isPresent()
                ? "<button type=\"button\" class=\"btn btn-outline-danger btn-sm\" id=\"sign-out\">"
                + escape(messages.text(language, "ui.signOut")) + "</button>" : "");
        values.put("bodyHtml", body);
        return fill(template(LAYOUT), language, values);
    }

    /** A minimal page for a refusal (404, 403) in the user's language. */
    public String renderError(Language language, String message) {
        return fill(template(ERROR), language, Map.of("lang", language.code(),
                "dir", language == Language.AR ? "rtl" : "ltr",
                "bootstrapCss", bootstrapCss + (language == Language.AR ? "bootstrap.rtl.min.css" : "bootstrap.min.css"),
                "message", message));
    }

    private String nav(Language language, ConsoleSession s, String path) {
        StringBuilder out = new StringBuilder();
        for (NavLink link : navigation) {
            if (!link.access().allows(s.role())) {
                continue;
            }
            boolean here = link.path().equals(path);
            out.append("<li class=\"nav-item\"><a class=\"nav-link").append(here ? " active\" aria-current=\"page" : "")
                    .append("\" href=\"").append(escape(link.path())).append('"');
            if (!link.accessKey().isEmpty()) {
                out.append(" accesskey=\"").append(link.accessKey()).append('"');
            }
            out.append('>').append(escape(messages.text(language, link.labelKey()))).append("</a></li>");
        }
        return out.toString();
    }

    private String fill(String template, Language language, Map<String, String> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String name = m.group(2);
            String value;
            if (m.group(1) != null) {
                value = escape(messages.text(language, name));
            } else if (!values.containsKey(name)) {
                throw new IllegalArgumentException("template slot {{" + name + "}} has no value");
            } else {
                value = name.endsWith("Html") ? values.get(name) : escape(values.get(name));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String template(String resource) {
        return templates.computeIfAbsent(resource, r -> {
            try (InputStream in = PageRenderer.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalArgumentException("no page template " + r);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** JSON that is safe inside a {@code <script type="application/json">} element. */
    static String jsonForHtml(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static String webjarVersion(String artifact) {
        String resource = "/META-INF/maven/org.webjars/" + artifact + "/pom.properties";
        try (InputStream in = PageRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("webjar " + artifact + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
