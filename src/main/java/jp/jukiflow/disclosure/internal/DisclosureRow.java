package jp.jukiflow.disclosure.internal;

/** A line of the disclosure table as the page shows it (dates in 和暦, items joined). */
public record DisclosureRow(String date, String recipient, String purpose, String items, String reference,
                            String source) {
}
