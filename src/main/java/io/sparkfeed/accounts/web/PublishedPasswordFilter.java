package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.DemoLogins;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login with the published demo password unless it comes from this machine: a loopback address that no
 * proxy forwarded (a proxy on the same host connects from loopback too, but says whom it forwards). Runs before
 * Spring Security, so the attempt never reaches the account store and reveals nothing about which accounts exist.
 * Behind a proxy the {@code prod} profile makes the container resolve the client's own address first.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class PublishedPasswordFilter extends OncePerRequestFilter {

    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/login"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (DemoLogins.PASSWORD.equals(request.getParameter("password")) && !fromThisMachine(request)) {
            response.sendRedirect(request.getContextPath() + "/login?demoLocalOnly");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromThisMachine(HttpServletRequest request) {
        if (FORWARDING_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
            return false;
        }
        String address = request.getRemoteAddr();
        if (address == null || !ADDRESS_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            // an address literal (checked above), so no name lookup happens
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
