package jp.jukiflow.jpki.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo JPKI certificate authority.
 *
 * @param crlUrl               the CRL distribution point written into every certificate
 * @param crlValidity          nextUpdate of a CRL = thisUpdate + this
 * @param jukiCertificateYears [design] validity of a JUKI card's certificate, counted from its issue day (the
 *                             historical rule of the 住基カード's 公的個人認証: 3 years)
 * @param caKeySecret          protects the CA's private key in the database (PKCS#8, PBES2); no default outside
 *                             the demo profile, and then no certificate can be issued
 */
@ConfigurationProperties("jukiflow.jpki")
public record JpkiSettings(@DefaultValue("http://localhost:8080/jpki/crl") String crlUrl,
                           @DefaultValue("PT24H") Duration crlValidity,
                           @DefaultValue("3") int jukiCertificateYears,
                           @DefaultValue("") String caKeySecret) {

    @Override
    public String toString() {
        return "JpkiSettings[crlUrl=" + crlUrl + ", crlValidity=" + crlValidity + ", jukiCertificateYears="
                + jukiCertificateYears + ", caKeySecret=***]";
    }
}
