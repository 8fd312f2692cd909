package dev.distill.lint;

/**
 * A here-document attached to an instruction ({@code RUN <<EOF}): its delimiter, whether tabs are
 * stripped ({@code <<-}), whether the delimiter was quoted (no expansion), its body, and the line
 * where the body starts.
 */
public record Heredoc(String delimiter, boolean stripTabs, boolean quoted, String body, int line) {}
