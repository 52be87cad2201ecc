package jp.jukiflow.notify.internal;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link JapaneseMailText} available to the mail templates as {@code #jp}. */
final class MailDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String OBJECT_NAME = "jp";

    private final JapaneseMailText text;

    MailDialect(JapaneseMailText text) {
        super("jukiflow-mail");
        this.text = text;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(OBJECT_NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return OBJECT_NAME.equals(expressionObjectName) ? text : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
