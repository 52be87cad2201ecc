package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.ANSWER;

import java.nio.charset.StandardCharsets;

import jp.jukiflow.jukinet.WideAreaCopyResponse;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The home municipality's answer kept with the case ({@code copyAnswer}: its Juki-net JSON as UTF-8 bytes). */
final class CopyAnswer {

    private CopyAnswer() {
    }

    static WideAreaCopyResponse of(VariableScope scope) {
        Object value = scope.getVariable(ANSWER);
        if (!(value instanceof byte[] bytes)) {
            throw new IllegalStateException("The case holds no answer of the home municipality");
        }
        return WideAreaCopyResponse.fromJson(new String(bytes, StandardCharsets.UTF_8));
    }
}
