package jp.jukiflow.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * RFC 9457 answers of the security chain itself, for API paths that need a login or a role (the 24-hour line):
 * 401 with {@code WWW-Authenticate: Basic}, 403 — each with a Japanese {@code detail} and a stable {@code code}.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"jukiflow\"");
        write(request, response, 401, "UNAUTHENTICATED", "ログインが必要です",
                "この API は HTTP Basic 認証で、24時間受付（callcenter）の利用者として呼び出してください。");
    }

    static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "ACCESS_DENIED", "権限がありません",
                "この API は24時間受付（callcenter グループ）の利用者だけが使えます。");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                              String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:jukiflow:problem:" + code.toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\",\"code\":\"" + code + "\"}");
    }
}
