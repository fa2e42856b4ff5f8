package sa.civilaffairs.cc.console.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Optional;
import sa.civilaffairs.cc.text.Language;

/**
 * The console's two cookies: the session token (HttpOnly, SameSite=Strict, Secure and {@code __Host-} prefixed when
 * the browser reaches us over HTTPS) and the chosen language.
 */
public final class WebCookies {
    public static final String LANGUAGE = "cc_lang";

    private final boolean secure;
    private final String sessionName;

    public WebCookies(boolean secure) {
        this.secure = secure;
        // __Host- makes the browser refuse the cookie unless Secure, Path=/ and no Domain: no sub-domain can plant it.
        this.sessionName = secure ? "__Host-cc_session" : "cc_session";
    }

    public String sessionName() {
        return sessionName;
    }

    public Optional<String> sessionToken(HttpServerRequest request) {
        Cookie c = request.getCookie(sessionName);
        return c == null || c.getValue().isEmpty() ? Optional.empty() : Optional.of(c.getValue());
    }

    public Cookie session(String token) {
        return base(sessionName, token).setHttpOnly(true);
    }

    public Cookie endSession() {
        return base(sessionName, "").setHttpOnly(true).setMaxAge(0);
    }

    public Cookie language(Language language) {
        return base(LANGUAGE, language.code()).setHttpOnly(true).setMaxAge(365L * 24 * 3600);
    }

    /**
     * The language of a page: the one the user chose (the language cookie), else Arabic, whatever the browser's own
     * language (the console is Arabic first).
     */
    public static Language pageLanguage(HttpServerRequest request) {
        Cookie c = request.getCookie(LANGUAGE);
        return c == null ? Language.AR : Language.fromCode(c.getValue());
    }

    /**
     * The language of an API answer: the language cookie, else the first Accept-Language tag (the pages' script
     * sends the page's language), else Arabic.
     */
    public static Language language(HttpServerRequest request) {
        Cookie c = request.getCookie(LANGUAGE);
        if (c != null) {
            return Language.fromCode(c.getValue());
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Language.EN;
        }
        return Language.AR;
    }

    private Cookie base(String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }
}
