package jp.jukiflow.journey;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person in a browser-like session over HTTP: cookies kept, redirects followed, forms filled from the page they are
 * on (hidden fields, the CSRF token included). A clerk signs in once with {@link #signIn}; a resident on the portal
 * needs no sign-in.
 */
public class WebUser {

    private final String baseUrl;
    private final HttpClient client;

    public WebUser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in on the application's login page, as a clerk does once a day. */
    public WebUser signIn(String user, String password) {
        Page login = get("/login");
        Page after = login.submit("form", Map.of("username", user, "password", password));
        if (after.url().contains("/login")) {
            throw new AssertionError("Sign-in of " + user + " failed: " + after.text());
        }
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Page postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** A file a person attaches to a form. */
    public record Upload(String field, String fileName, String contentType, byte[] content) {
    }

    /** Posts a multipart form (text fields and files), as a browser does for a form with {@code enctype}. */
    public Page postMultipart(String path, Map<String, String> fields, java.util.List<Upload> files) {
        String boundary = "----journey" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = s -> body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            text.accept(value + "\r\n");
        });
        for (Upload f : files) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field()
                    + "\"; filename=\"" + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n");
            body.writeBytes(f.content());
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(this, r.statusCode(), r.uri().toString(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A page as received: status, final URL, HTML. */
    public record Page(WebUser user, int status, String url, String html) {

        public Document document() {
            return Jsoup.parse(html, url);
        }

        public String text() {
            return document().text();
        }

        /**
         * Submits the first form matching {@code selector} as a browser would: its fields as they are on the page
         * (hidden ones included, checked boxes only), overridden by {@code values}; to its action with its method.
         */
        public Page submit(String selector, Map<String, String> values) {
            Element form = document().selectFirst(selector);
            if (form == null) {
                throw new AssertionError("No form " + selector + " on " + url + ": " + text());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : form.select("input[name], select[name], textarea[name]")) {
                String type = input.attr("type");
                if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                    continue;
                }
                if (type.equals("submit") || type.equals("button")) {
                    continue;
                }
                String value = input.tagName().equals("textarea") ? input.text()
                        : input.tagName().equals("select") ? selected(input) : input.val();
                fields.put(input.attr("name"), value);
            }
            fields.putAll(values);
            String action = form.absUrl("action").isEmpty() ? url : form.absUrl("action");
            if (form.attr("method").equalsIgnoreCase("get")) {
                return user.get(action + (action.contains("?") ? "&" : "?") + encode(fields));
            }
            return user.postForm(action, fields);
        }

        private static String selected(Element select) {
            Element option = select.selectFirst("option[selected]");
            if (option == null) {
                option = select.selectFirst("option");
            }
            return option == null ? "" : option.val();
        }
    }
}
