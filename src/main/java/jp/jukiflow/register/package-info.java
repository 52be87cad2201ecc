/**
 * Resident register (住民基本台帳): identifiers of residents — the resident code (住民票コード)
 * and the individual number (個人番号, "My Number").
 */
package jp.jukiflow.register;
