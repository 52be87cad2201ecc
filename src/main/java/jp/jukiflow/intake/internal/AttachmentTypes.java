package jp.jukiflow.intake.internal;

import java.util.Locale;

/** The content type of an attachment sent as octet-stream, told from its first bytes or its name. */
final class AttachmentTypes {

    private AttachmentTypes() {
    }

    static String sniff(byte[] content, String name, String declared) {
        if (content.length >= 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') {
            return "application/pdf";
        }
        if (content.length >= 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G') {
            return "image/png";
        }
        if (content.length >= 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".pdf")) {
                return "application/pdf";
            } else if (lower.endsWith(".png")) {
                return "image/png";
            } else if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
                return "image/jpeg";
            }
        }
        return declared.isBlank() ? "application/octet-stream" : declared;
    }

    /** The file name extension for a content type, for an attachment that came without a name. */
    static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> ".bin";
        };
    }
}
