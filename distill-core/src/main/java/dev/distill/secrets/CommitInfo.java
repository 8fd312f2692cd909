package dev.distill.secrets;

/** The commit a git-history fragment comes from. {@code date} is ISO-8601 UTC. */
public record CommitInfo(String sha, String author, String email, String date, String message) {}
