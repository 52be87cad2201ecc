/**
 * Documents: the printed output of the procedures. Japanese calendar dates ({@link jp.jukiflow.documents.JapaneseDates}),
 * A4 PDFs with an embedded Japanese font ({@link jp.jukiflow.documents.JapanesePdf}, laid out on the
 * {@link jp.jukiflow.documents.PdfPage}s of a {@link jp.jukiflow.documents.PdfDocument}), and the copy of the resident
 * record of the wide-area issue ({@link jp.jukiflow.documents.ResidentRecordCopy},
 * {@link jp.jukiflow.documents.ResidentRecordCopyPdf}). It reads no register and knows no process: callers hand it
 * the facts to print.
 */
package jp.jukiflow.documents;
