package jp.jukiflow.metrics.internal;

import java.util.List;

/** One table of the dashboard: shown on the page and downloadable as CSV under its id. */
record Table(String id, String title, List<String> header, List<List<String>> rows) {
}
