/**
 * Cards (住基カード / マイナンバーカード): card types and statuses, validity periods, the 4-digit PIN
 * (暗証番号) rules, PIN hashing and the wrong-PIN lockout.
 *
 * <p>Plain Java; dates are always passed in by the caller (who takes "today" from an injected
 * {@link java.time.Clock}).
 */
package jp.jukiflow.card;
