package org.dl4jsuite.common.report;

import org.dl4jsuite.common.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A short {@code report.md} for a run: title, key facts, then sections of markdown and image links, in order. */
public final class RunReport {

    /** Name of the file {@link #write(Path)} creates. */
    public static final String FILE_NAME = "report.md";

    private final String title;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> blocks = new ArrayList<>();

    public RunReport(String title) {
        this.title = title;
    }

    /** Adds a "key: value" line to the summary at the top; a repeated key replaces its value in place. */
    public RunReport fact(String key, Object value) {
        facts.put(key, TableCells.format(value));
        return this;
    }

    /** Adds a section with a level-2 heading and a markdown body (text, a {@link MarkdownTable}, ...). */
    public RunReport section(String heading, String markdown) {
        blocks.add("## " + heading + "\n\n" + markdown.strip() + "\n");
        return this;
    }

    /** Adds a link to an image that lies in the report's own directory, e.g. {@code image("loss", "loss.png")}. */
    public RunReport image(String altText, String fileName) {
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException(
                    "Image '" + fileName + "' must be a plain file name in the report directory");
        }
        // Spaces would end a markdown link target, so they are percent-encoded.
        blocks.add("![" + altText.replace("]", "\\]") + "](" + fileName.replace(" ", "%20") + ")\n");
        return this;
    }

    /** The report text. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        if (!facts.isEmpty()) {
            for (Map.Entry<String, String> fact : facts.entrySet()) {
                out.append("- **").append(fact.getKey()).append(":** ").append(fact.getValue()).append('\n');
            }
            out.append('\n');
        }
        for (String block : blocks) {
            out.append(block).append('\n');
        }
        // Exactly one trailing newline, however the last block ended.
        return out.toString().stripTrailing() + "\n";
    }

    /** Writes {@code dir/report.md} atomically, creating {@code dir} if needed; returns the file's path. */
    public Path write(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        AtomicFiles.write(file, toMarkdown().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return file;
    }
}
