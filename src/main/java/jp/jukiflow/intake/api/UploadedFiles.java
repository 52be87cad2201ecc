package jp.jukiflow.intake.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.FieldError;
import org.springframework.web.multipart.MultipartFile;

/**
 * The copies a resident uploads (card, ID document): at most 5 files of 10 MB, PDF, JPEG or PNG — checked by the
 * declared type and by the file's first bytes, so a renamed file is refused.
 */
public final class UploadedFiles {

    public static final int MAX_FILES = 5;
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private UploadedFiles() {
    }

    /** The non-empty uploads as attachments, and the problems found (field {@code attachments[i]}). */
    public static List<Attachment> read(List<MultipartFile> files, List<FieldError> errors) {
        List<MultipartFile> present = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (present.size() > MAX_FILES) {
            errors.add(new FieldError("attachments", "TOO_MANY_FILES",
                    "添付できるファイルは" + MAX_FILES + "個までです（" + present.size() + "個選ばれています）。"));
            return List.of();
        }
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            MultipartFile f = present.get(i);
            String field = "attachments[" + i + "]";
            String name = safeFileName(f.getOriginalFilename());
            if (f.getSize() > MAX_BYTES) {
                errors.add(new FieldError(field, "FILE_TOO_LARGE", "「" + name + "」が大きすぎます。1ファイル10MBまでです。"));
                continue;
            }
            byte[] bytes = bytes(f);
            String type = sniff(bytes);
            if (type == null || !type.equals(normalise(f.getContentType()))) {
                errors.add(new FieldError(field, "FILE_TYPE", "「" + name + "」は添付できない形式です。PDF、JPEG、PNGのファイルを添付してください。"));
                continue;
            }
            attachments.add(new Attachment(name, type, bytes));
        }
        return attachments;
    }

    /**
     * A file name safe to store and show: no folders, no control or bidirectional-override characters, at most 100
     * characters (the extension kept), never empty.
     */
    public static String safeFileName(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (name.isEmpty()) {
            return "添付ファイル";
        }
        if (name.codePointCount(0, name.length()) <= 100) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
        return name.substring(0, name.offsetByCodePoints(0, 100 - extension.length())) + extension;
    }

    /** PDF, JPEG or PNG by magic bytes; null for anything else. */
    static String sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    private static String normalise(String contentType) {
        if (contentType == null) {
            return null;
        }
        String t = contentType.split(";")[0].strip().toLowerCase();
        return "image/jpg".equals(t) || "image/pjpeg".equals(t) ? "image/jpeg" : t;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(bytes, prefix.length),
                toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
