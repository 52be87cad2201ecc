package jp.jukiflow.intake.internal;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail body into plain text with the line structure a reader sees: block elements and {@code <br>}
 * end lines, table cells are separated by a tab, {@code <blockquote>} lines are quoted with "> " (so the label
 * parser ignores a quoted earlier mail, as in text mail), scripts and styles are dropped.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "pre", "blockquote", "dl", "dt", "dd", "section", "article", "header", "footer",
            "address", "hr", "form", "fieldset", "center", "body", "html");

    private HtmlText() {
    }

    static String toText(String html) {
        Element body = Jsoup.parse(html).body();
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, body);
        return collector.text();
    }

    private static final class Collector implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private boolean lineStart = true;
        private boolean pendingSpace;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(preDepth > 0 ? text.getWholeText() : text.text());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    newLine();
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (!lineStart) {
                        out.append('\t');
                        pendingSpace = false;
                    }
                } else if (BLOCKS.contains(tag)) {
                    endLine();
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (tag.equals("img") && !element.attr("alt").isBlank()) {
                    appendText("[" + element.attr("alt") + "]");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("blockquote")) {
                    endLine();
                    quoteDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                    endLine();
                } else if (BLOCKS.contains(tag)) {
                    endLine();
                }
            }
        }

        private void appendText(String text) {
            if (preDepth > 0) {
                String[] lines = text.split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        newLine();
                    }
                    if (!lines[i].isEmpty()) {
                        startLineIfNeeded();
                        out.append(lines[i]);
                    }
                }
                return;
            }
            String collapsed = text.replace('\u00a0', ' ');
            if (collapsed.isBlank()) {
                if (!lineStart && !collapsed.isEmpty()) {
                    pendingSpace = true;
                }
                return;
            }
            boolean leadingSpace = Character.isWhitespace(collapsed.charAt(0));
            boolean trailingSpace = Character.isWhitespace(collapsed.charAt(collapsed.length() - 1));
            collapsed = collapsed.strip().replaceAll("\\s+", " ");
            if ((pendingSpace || leadingSpace) && !lineStart) {
                out.append(' ');
            }
            startLineIfNeeded();
            out.append(collapsed);
            pendingSpace = trailingSpace;
        }

        private void startLineIfNeeded() {
            if (lineStart) {
                out.append("> ".repeat(quoteDepth));
                lineStart = false;
            }
        }

        private void newLine() {
            out.append('\n');
            lineStart = true;
            pendingSpace = false;
        }

        private void endLine() {
            if (!lineStart) {
                newLine();
            }
        }

        String text() {
            return out.toString().replaceAll("\n{3,}", "\n\n").strip();
        }
    }
}
