package jp.jukiflow.transferout;

/** A document that came with a request (copy of the card, of an ID document, a letter of attorney …). */
public record Attachment(String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
