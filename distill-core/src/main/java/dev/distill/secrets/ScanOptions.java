package dev.distill.secrets;

/**
 * How a scan runs. {@code maxFileBytes} 0 means no limit; {@code chunkBytes} is the text fed to the
 * rules at once (cut after a newline) and {@code maxLineBytes} the longest run without a newline
 * before it is cut; {@code threads} bounds the worker pool.
 */
public record ScanOptions(
    long maxFileBytes,
    int chunkBytes,
    int maxLineBytes,
    int threads,
    boolean honourGitignore,
    int maxDecodeDepth) {

  public static ScanOptions defaults() {
    return new ScanOptions(
        50L * 1024 * 1024,
        100_000,
        1024 * 1024,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        false,
        5);
  }

  public ScanOptions withMaxFileBytes(long bytes) {
    return new ScanOptions(
        bytes, chunkBytes, maxLineBytes, threads, honourGitignore, maxDecodeDepth);
  }

  public ScanOptions withHonourGitignore(boolean honour) {
    return new ScanOptions(maxFileBytes, chunkBytes, maxLineBytes, threads, honour, maxDecodeDepth);
  }

  public ScanOptions withThreads(int n) {
    return new ScanOptions(
        maxFileBytes, chunkBytes, maxLineBytes, n, honourGitignore, maxDecodeDepth);
  }

  public ScanOptions withMaxDecodeDepth(int depth) {
    return new ScanOptions(maxFileBytes, chunkBytes, maxLineBytes, threads, honourGitignore, depth);
  }
}
