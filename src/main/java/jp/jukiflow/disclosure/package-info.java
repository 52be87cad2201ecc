/**
 * Disclosure of provisions (提供状況の開示, docs/domain.md §8): with the resident at the counter, a clerk lists every
 * provision of that resident's data by their municipality — from the provision records and the audit log's PROVIDE
 * lines ({@link jp.jukiflow.audit.ProvisionRecords#disclosureOf}) — on the page {@code /staff/disclosures}, and hands
 * it over as a PDF 「本人確認情報の提供状況開示」 or a CSV. Each generation is itself logged (READ, purpose
 * 提供状況の開示). A separate module because it reads the register, which itself depends on the audit module.
 */
package jp.jukiflow.disclosure;
