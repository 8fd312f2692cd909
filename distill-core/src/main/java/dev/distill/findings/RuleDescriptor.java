package dev.distill.findings;

/**
 * A rule in a tool's catalogue (lint DL codes, secret rules, CVE ids, audit checks): what SARIF's
 * {@code tool.driver.rules} lists.
 */
public record RuleDescriptor(
    String id, Severity defaultSeverity, String shortDescription, String helpUri) {}
