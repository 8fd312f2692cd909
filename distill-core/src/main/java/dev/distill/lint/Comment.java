package dev.distill.lint;

/**
 * A comment line outside any instruction (pragmas such as {@code # hadolint ignore=} live here).
 */
public record Comment(int line, String text) {}
