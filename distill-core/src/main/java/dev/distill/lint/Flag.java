package dev.distill.lint;

/**
 * One {@code --name=value} flag of an instruction, e.g. {@code --from=build}; value may be empty.
 */
public record Flag(String name, String value) {}
