package jp.jukiflow.documents;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** The IPA font the PDFs embed (Debian's fonts-ipafont-gothic): missing, a test skips loudly, or fails on CI. */
public final class PdfFont {

    public static final String FONT = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";

    private PdfFont() {
    }

    public static void require() {
        if (!Files.isReadable(Path.of(FONT))) {
            String message = "*** " + FONT + " is missing: no PDF can be written. Install it with: "
                    + "apt-get install fonts-ipafont-gothic ***";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
    }
}
