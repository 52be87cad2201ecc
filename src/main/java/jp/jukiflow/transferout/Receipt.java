package jp.jukiflow.transferout;

/** What the resident gets back: the receipt number (受付番号), e.g. 013676-2026-000123, and where to follow it. */
public record Receipt(String receiptNumber, String statusCode, String statusLabel, String statusUrl) {
}
