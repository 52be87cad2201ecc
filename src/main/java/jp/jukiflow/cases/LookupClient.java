package jp.jukiflow.cases;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who asks for a request's status, as the look-up limit counts them: the client's address as the servlet sees it
 * ({@code HttpServletRequest.getRemoteAddr()}). Behind a reverse proxy that address is what Spring Boot's forwarded-header
 * handling ({@code server.forward-headers-strategy}) made of it; {@code X-Forwarded-For} is never read here, so a client
 * cannot name itself. An IPv6 client counts by its /64 network: one subscriber usually holds a whole /64 and could
 * otherwise take a new address for every guess.
 *
 * @param key the counted identity: an IPv4 address, an IPv6 /64 network ({@code 2001:db8:0:1::/64}), or the
 *            address text as given (at most 64 characters)
 */
public record LookupClient(String key) {

    static final int MAX_LENGTH = 64;
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    public LookupClient {
        if (key == null || key.isBlank()) {
            key = "unknown";
        }
        if (key.length() > MAX_LENGTH) {
            key = key.substring(0, MAX_LENGTH);
        }
    }

    /** The client of a remote address as the servlet reports it. */
    public static LookupClient of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return new LookupClient(null);
        }
        String address = remoteAddress.strip();
        if (address.indexOf(':') < 0) {
            return new LookupClient(address);
        }
        // an IPv6 literal, maybe in brackets, maybe with a zone; an IPv4-mapped address comes back as the IPv4
        // address. Only hex digits, ':' and '.' reach InetAddress, so nothing is ever looked up in the DNS.
        String literal = address.replaceAll("^\\[|]$", "").replaceAll("%.*$", "");
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return new LookupClient(address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return new LookupClient(network.append(":/64").toString());
            }
            return new LookupClient(parsed.getHostAddress());
        } catch (UnknownHostException e) {
            return new LookupClient(address);
        }
    }
}
