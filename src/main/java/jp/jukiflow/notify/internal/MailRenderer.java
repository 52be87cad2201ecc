package jp.jukiflow.notify.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.notify.MailTemplate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates: Thymeleaf TEXT mode, {@code classpath:templates/mail/<id>.txt}, whose first line is
 * {@code 件名: <subject>}, then a blank line, then the body. Every body gets the common header
 * ({@code common/header.txt}: the addressee, who writes) and footer ({@code common/footer.txt}: receipt number,
 * status page, the municipality's address and office hours). Texts a page shows too are written once in
 * {@code messages.properties} and used here as {@code #{key}} (Locale.JAPAN).
 *
 * <p>The engine is private to this class: a {@code TemplateEngine} bean would replace Spring Boot's web one.
 */
@Component
public class MailRenderer {

    static final String TEMPLATE_FOLDER = "templates/mail/";
    static final String HEADER = "common/header";
    static final String FOOTER = "common/footer";
    private static final Pattern SUBJECT_LINE = Pattern.compile("^件名[:：]\\s*");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u3000]+$", Pattern.MULTILINE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private final TemplateEngine engine;
    private final MailSettings settings;

    MailRenderer(MailSettings settings, Clock clock, MessageSource messages) {
        this.settings = settings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATE_FOLDER);
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        SpringTemplateEngine spring = new SpringTemplateEngine();
        spring.setTemplateResolver(resolver);
        // #{…}: texts shared with the pages (messages.properties), e.g. what to bring to the special transfer-in
        spring.setTemplateEngineMessageSource(messages);
        spring.addDialect(new MailDialect(new JapaneseMailText(clock.getZone())));
        this.engine = spring;
    }

    /**
     * Renders a template for a municipality. The municipality's own facts ({@code municipalityName},
     * {@code prefecture}, {@code sectionName}, {@code officeName}, {@code officeHours}, {@code intakeAddress}) are
     * added to the model and win over variables of the same name.
     *
     * @throws IllegalArgumentException when a required variable of the template is missing or blank
     */
    public RenderedMail render(MailTemplate template, Municipality municipality, Map<String, Object> model) {
        requireVariables(template, model);
        Context context = new Context(Locale.JAPAN);
        context.setVariables(withMunicipality(municipality, model));
        String main = engine.process(template.id(), context).replace("\r\n", "\n");
        int newline = main.indexOf('\n');
        String firstLine = (newline < 0 ? main : main.substring(0, newline)).strip();
        if (!SUBJECT_LINE.matcher(firstLine).find()) {
            throw new IllegalStateException("The mail template " + template.id()
                    + " must start with a line 「件名: …」, found: " + firstLine);
        }
        String subject = SUBJECT_LINE.matcher(firstLine).replaceFirst("").replaceAll("\\s+", " ").strip();
        String text = newline < 0 ? "" : main.substring(newline + 1);
        String body = engine.process(HEADER, context) + "\n" + text + "\n" + engine.process(FOOTER, context);
        return new RenderedMail(subject, tidy(body));
    }

    private Map<String, Object> withMunicipality(Municipality municipality, Map<String, Object> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("municipalityName", municipality.name());
        variables.put("prefecture", municipality.prefecture());
        variables.put("sectionName", settings.sectionName());
        variables.put("officeName", municipality.mainOffice().name());
        variables.put("officeHours", JapaneseMailText.officeHours(municipality.mainOffice().hours()));
        variables.put("intakeAddress", settings.senderAddress(municipality));
        return variables;
    }

    private static void requireVariables(MailTemplate template, Map<String, Object> model) {
        List<String> missing = template.requiredVariables().stream()
                .filter(name -> model.get(name) == null || model.get(name).toString().isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("メール「" + template.label() + "」（" + template.id() + "）に必要な値 "
                    + String.join(", ", missing) + " がありません。");
        }
    }

    /** No trailing spaces, at most one blank line in a row, no blank lines at the start or end. */
    private static String tidy(String body) {
        String text = TRAILING_SPACE.matcher(body.replace("\r\n", "\n")).replaceAll("");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip() + "\n";
    }
}
