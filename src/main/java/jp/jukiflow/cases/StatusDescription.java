package jp.jukiflow.cases;

/** The Japanese words a resident reads for a status: its label and what happens next. */
public record StatusDescription(String procedureLabel, String label, String nextStep) {
}
