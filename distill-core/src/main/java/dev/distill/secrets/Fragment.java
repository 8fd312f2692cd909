package dev.distill.secrets;

/**
 * A piece of text to scan: a file, a chunk of a large file, or the added lines of one diff hunk.
 * {@code startLine} is the 1-based line number of its first line; {@code commit} is null outside
 * git history. {@code firstOfFile} is false for later chunks, so path-only rules report once;
 * {@code startColumnOffset} is how far into its line a chunk cut from a long line starts.
 */
public record Fragment(
    String raw,
    String path,
    int startLine,
    CommitInfo commit,
    boolean firstOfFile,
    int startColumnOffset) {

  public static Fragment of(String raw, String path) {
    return new Fragment(raw, path, 1, null, true, 0);
  }
}
