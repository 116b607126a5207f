package org.homestretch.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key under which sign-in failures from one client are counted. Takes the address Tomcat
 * reports ({@code request.getRemoteAddr()}), which is the proxy's {@code X-Forwarded-For} only
 * when {@code server.forward-headers-strategy=native} says a proxy is trusted.
 * <ul>
 * <li>Every loopback address ({@code ::1}, {@code 127.0.0.1}, ...) is one client.</li>
 * <li>An IPv4 address written as IPv6 ({@code ::ffff:192.0.2.1}) is that IPv4 address.</li>
 * <li>IPv6 counts per /64: one home or office gets a whole /64 and could otherwise take a
 * fresh address for every guess.</li>
 * </ul>
 */
public final class ClientAddress {

    static final String LOOPBACK = "127.0.0.1";
    private static final String UNKNOWN = "unknown";
    private static final int MAX_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {
    }

    /** The counting key for an address as Tomcat reports it; at most 64 characters. */
    public static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return UNKNOWN;
        }
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            // Not an address (a servlet container may report a name): count it as written.
            String name = literal.toLowerCase(Locale.ROOT);
            return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(literal); // a literal address: parsed, never looked up in DNS
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
        if (ip.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (ip instanceof Inet6Address) {
            byte[] bytes = ip.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return ip.getHostAddress();
    }
}
