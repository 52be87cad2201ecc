/**
 * 住民票の写しの広域交付 (docs/domain.md §7, §8): the process {@code wide-area-copy} at the counter of the issuing
 * municipality (its tenant). The requester is identified with the card and its PIN (PIN pad) or a photo ID; the
 * request goes over Juki-net to the home municipality, whose register answers automatically (the process
 * {@code wide-area-copy-answer}, tenant = the home municipality) with only what the copy may show — never 本籍, 筆頭者
 * or the in-town address history — and records the provision. The clerk checks the answer, collects the fee and
 * issues the copy as a PDF kept with the case ({@code /staff/wide-area-copies}).
 */
package jp.jukiflow.widearea;
