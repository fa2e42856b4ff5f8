package sa.civilaffairs.cc.console.web;

/**
 * An entry of the console's menu, shown to users whose role {@code access} allows. {@code accessKey} is the
 * keyboard shortcut (Alt+key in Chromium), one letter.
 */
public record NavLink(String path, String labelKey, Access access, String accessKey) {
    public NavLink {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("nav path: '" + path + "' (expected: an absolute path)");
        }
        if (accessKey == null || !accessKey.matches("[a-z0-9]?")) {
            throw new IllegalArgumentException("nav accessKey: '" + accessKey + "' (expected: one letter or none)");
        }
    }
}
