package jp.jukiflow.jpki.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.jpki.CardCertificates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public documents of the demo PKI, fetched by relying parties without a login: the CRL and the CA certificate,
 * both DER. The CRL holds only serial numbers, reasons and dates, no personal data.
 */
@RestController
class JpkiController {

    static final String PKIX_CRL = "application/pkix-crl";
    static final String PKIX_CERT = "application/pkix-cert";

    private final CardCertificates certificates;

    JpkiController(CardCertificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/jpki/crl")
    void crl(HttpServletResponse response) throws IOException {
        write(response, PKIX_CRL, "jukiflow-demo.crl", certificates.currentCrl());
    }

    @GetMapping("/jpki/ca.crt")
    void caCertificate(HttpServletResponse response) throws IOException {
        write(response, PKIX_CERT, "jukiflow-demo-ca.crt", certificates.caCertificate());
    }

    /**
     * Writes DER bytes as they are, whatever the request's Accept header. The character encoding that
     * {@code server.servlet.encoding.force} puts on every response is taken off again: a binary type has no charset.
     */
    private static void write(HttpServletResponse response, String contentType, String fileName, byte[] der)
            throws IOException {
        response.setCharacterEncoding((String) null);
        response.setContentType(contentType);
        response.setContentLength(der.length);
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        response.getOutputStream().write(der);
    }
}
