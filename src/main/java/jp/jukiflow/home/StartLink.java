package jp.jukiflow.home;

/**
 * A link on the start page. Each capability contributes its own link as a bean, so the page only ever links to
 * what exists.
 */
public record StartLink(int order, String title, String href, String description, String audience) {
}
