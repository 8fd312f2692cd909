package dev.distill.image.tar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BlockGzipTest {
  private static final int B = BlockGzip.BLOCK;

  /** Text-like bytes (compressible, with repeats across block boundaries) or random bytes. */
  private static byte[] sample(int size, boolean compressible, long seed) {
    Random random = new Random(seed);
    byte[] out = new byte[size];
    if (!compressible) {
      random.nextBytes(out);
      return out;
    }
    String[] words = {"usr/lib/", "x86_64-linux-gnu", "libssl.so.3", "nginx ", "\0\0\0\0", "ELF"};
    int i = 0;
    while (i < size) {
      byte[] w =
          words[random.nextInt(words.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int n = Math.min(w.length, size - i);
      System.arraycopy(w, 0, out, i, n);
      i += n;
    }
    return out;
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @Test
  void anyGunzipReadsBackEverySize() throws IOException {
    for (int size : new int[] {0, 1, 100, B - 1, B, B + 1, 3 * B + B / 2}) {
      for (boolean compressible : new boolean[] {true, false}) {
        byte[] data = sample(size, compressible, size);
        // A larger array than the length given: only the first `size` bytes count.
        byte[] padded = Arrays.copyOf(data, size + 17);
        byte[] gz = BlockGzip.compress(padded, size, 6);
        assertThat(gunzip(gz)).as("size %d compressible %s", size, compressible).isEqualTo(data);
        // The fixed header: no name, mtime 0, OS "unknown".
        assertThat(Arrays.copyOf(gz, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
      }
    }
  }

  @Test
  void theBytesDependOnTheInputAloneNotOnTheThreads() throws Exception {
    byte[] data = sample(5 * B + 12345, true, 42);
    byte[] everyCore = BlockGzip.compress(data, data.length, 6);
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      byte[] oneThread = one.submit(() -> BlockGzip.compress(data, data.length, 6)).get();
      assertThat(oneThread).isEqualTo(everyCore);
    } finally {
      one.shutdown();
    }
    assertThat(BlockGzip.compress(data.clone(), data.length, 6)).isEqualTo(everyCore);
    assertThat(BlockGzip.compress(data, data.length, 1)).isNotEqualTo(everyCore);
  }

  @Test
  void compressesAboutAsWellAsOneStream() throws IOException {
    byte[] data = sample(4 * B, true, 9);
    ByteArrayOutputStream single = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(single)) {
      gz.write(data);
    }
    int blocks = BlockGzip.compress(data, data.length, 6).length;
    // Priming each block with the previous 32 KiB keeps the loss to a fraction of a percent.
    assertThat((double) blocks).isLessThan(single.size() * 1.01);
  }
}
