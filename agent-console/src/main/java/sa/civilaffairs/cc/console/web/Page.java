package sa.civilaffairs.cc.console.web;

/**
 * A console screen: an HTML fragment (a classpath resource) rendered inside the common layout, its title's message
 * key, and the ES module under {@code /static/} that drives it (empty for none).
 */
public record Page(String template, String titleKey, String script) {
    public Page {
        if (template == null || !template.endsWith(".html")) {
            throw new IllegalArgumentException("page template: '" + template + "' (expected: a .html resource)");
        }
        if (script == null || !script.matches("[a-z0-9-]*")) {
            throw new IllegalArgumentException("page script: '" + script + "' (expected: a module name, a-z0-9-)");
        }
    }
}
