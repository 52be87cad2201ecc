package jp.jukiflow.metrics.internal;

import java.util.Set;

/**
 * The procedure a mail template belongs to, by name: the procedure key sharing the most leading words with the
 * template ({@code transfer-out-received} → {@code transfer-out-by-mail}, {@code mail-clerk-answer} →
 * {@code mail-review}); {@value #OTHER} when none shares a word.
 */
final class TemplateProcedures {

    static final String OTHER = "other";

    private TemplateProcedures() {
    }

    static String procedureOf(String template, Set<String> procedureKeys) {
        String[] words = template.split("-");
        String best = OTHER;
        int bestShared = 0;
        for (String key : procedureKeys.stream().sorted().toList()) {
            String[] keyWords = key.split("-");
            int shared = 0;
            while (shared < Math.min(words.length, keyWords.length) && words[shared].equals(keyWords[shared])) {
                shared++;
            }
            if (shared > bestShared) {
                best = key;
                bestShared = shared;
            }
        }
        return best;
    }
}
