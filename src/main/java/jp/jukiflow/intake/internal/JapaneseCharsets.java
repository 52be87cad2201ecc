package jp.jukiflow.intake.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the bytes of Japanese mail whatever its label says: the declared charset when the bytes really are in it
 * (ISO-2022-JP, Shift_JIS and EUC-JP fall back to their Microsoft supersets for ①, ㈱, 髙 …), else a guess between
 * UTF-8, windows-31j, EUC-JP and ISO-2022-JP, else a lenient decode that marks what it could not read.
 */
final class JapaneseCharsets {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
    static final Charset WINDOWS_ISO_2022_JP = Charset.forName("x-windows-iso2022jp");
    static final Charset EUC_JP = Charset.forName("EUC-JP");
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    private JapaneseCharsets() {
    }

    /** The decoded text, the charset used, and whether characters had to be replaced (nothing fitted). */
    record Decoded(String text, Charset charset, boolean replaced) {
    }

    static Decoded decode(byte[] bytes, String declaredCharset) {
        Charset declared = charset(declaredCharset);
        boolean highBytes = false;
        boolean escape = false;
        for (byte b : bytes) {
            if (b < 0) {
                highBytes = true;
            } else if (b == 0x1b) {
                escape = true;
            }
        }
        if (!highBytes) {
            if (escape) {
                Decoded jis = firstStrict(bytes, List.of(ISO_2022_JP, WINDOWS_ISO_2022_JP));
                return jis != null ? jis : new Decoded(new String(bytes, WINDOWS_ISO_2022_JP), WINDOWS_ISO_2022_JP, true);
            }
            // plain ASCII: every ASCII-compatible charset reads it alike
            Charset ascii = declared != null && isAsciiCompatible(declared) ? declared : StandardCharsets.US_ASCII;
            return new Decoded(new String(bytes, ascii), ascii, false);
        }
        // valid UTF-8 with multibyte sequences is hardly ever an accident, whatever the label says
        Decoded utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        List<Charset> declaredFamily = new ArrayList<>();
        if (declared != null && !isSingleByte(declared)) {
            declaredFamily.add(declared);
            if (declared.equals(SHIFT_JIS)) {
                declaredFamily.add(WINDOWS_31J);
            } else if (isIso2022(declared)) {
                declaredFamily.add(WINDOWS_ISO_2022_JP);
            }
        }
        Decoded fromLabel = firstStrict(bytes, declaredFamily);
        if (fromLabel != null) {
            return fromLabel;
        }
        Decoded best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Charset candidate : List.of(WINDOWS_31J, EUC_JP)) {
            Decoded d = strict(bytes, candidate);
            if (d != null) {
                int score = japaneseScore(d.text());
                if (score > bestScore) {
                    best = d;
                    bestScore = score;
                }
            }
        }
        if (best != null && (declared == null || !isSingleByte(declared) || bestScore > 0)) {
            return best;
        }
        if (declared != null && isSingleByte(declared)) {
            Decoded d = strict(bytes, declared);
            if (d != null) {
                return d;
            }
        }
        Charset fallback = declared != null && !isIso2022(declared) ? declared : WINDOWS_31J;
        return new Decoded(new String(bytes, fallback), fallback, true);
    }

    /** A Java charset for a MIME charset name, mapping the usual aliases; null when unknown or absent. */
    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        switch (n) {
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis" -> {
                return SHIFT_JIS;
            }
            case "windows-31j", "cp932", "ms932", "x-ms932", "cswindows31j" -> {
                return WINDOWS_31J;
            }
            case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2", "jis" -> {
                return ISO_2022_JP;
            }
            case "cp50220", "cp50221", "cp50222", "x-windows-iso2022jp" -> {
                return WINDOWS_ISO_2022_JP;
            }
            case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "euc_jp" -> {
                return EUC_JP;
            }
            case "utf8", "utf-8", "x-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.forName(n);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return null;
                }
            }
        }
    }

    private static Decoded firstStrict(byte[] bytes, List<Charset> charsets) {
        for (Charset c : charsets) {
            Decoded d = strict(bytes, c);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static Decoded strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            if (text.indexOf('\ufffd') >= 0) {
                return null;
            }
            return new Decoded(text, charset, false);
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            // not text in this charset, or a charset that cannot decode at all (Charset.newDecoder throws the latter)
            return null;
        }
    }

    /** Kana and kanji count for, half-width kana and private-use characters (typical of a wrong guess) against. */
    private static int japaneseScore(String text) {
        int score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u3040' && c <= '\u30ff') || (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3000' && c <= '\u303f')
                    || (c >= '\uff01' && c <= '\uff5e')) {
                score += 2;
            } else if (c >= '\uff61' && c <= '\uff9f') {
                score -= 1;
            } else if ((c >= '\ue000' && c <= '\uf8ff') || c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                score -= 5;
            }
        }
        return score;
    }

    private static boolean isIso2022(Charset c) {
        return c.equals(ISO_2022_JP) || c.equals(WINDOWS_ISO_2022_JP) || c.name().toLowerCase(Locale.ROOT).contains("2022");
    }

    private static boolean isSingleByte(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.equals("us-ascii") || n.startsWith("iso-8859") || n.startsWith("windows-125");
    }

    private static boolean isAsciiCompatible(Charset c) {
        return !isIso2022(c) && !c.name().toLowerCase(Locale.ROOT).startsWith("utf-16")
                && !c.name().toLowerCase(Locale.ROOT).startsWith("utf-32");
    }
}
