package dev.distill.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (installed by {@code scripts/setup.sh}): the
 * screenshot is not blank and the key figures are in the rendered DOM.
 */
class HtmlReportChromiumIT {
  /** Set DISTILL_HTML_SCREENSHOT to keep a copy of the screenshot for a human to look at. */
  private static final String KEEP = System.getenv("DISTILL_HTML_SCREENSHOT");

  @TempDir static Path dir;
  static Path html;

  @BeforeAll
  static void render() throws IOException {
    html = dir.resolve("report.html");
    Files.write(html, new HtmlReportWriter().render(HtmlReportFixtures.sample()));
  }

  @Test
  void screenshotIsNotBlank() throws Exception {
    Path png = dir.resolve("report.png");
    run("--screenshot=" + png, "--window-size=1280,2000");
    assertThat(png).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("decodable PNG").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    int background = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
    Set<Integer> colours = new HashSet<>();
    long differing = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        if (rgb != background) {
          differing++;
        }
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    assertThat(differing).as("pixels unlike the background").isGreaterThan(10_000);
    // The HIGH severity bar's red and the image bar's blue are painted.
    assertThat(colours).contains(0xFFD32F2F, 0xFF1976D2);
    if (KEEP != null) {
      Files.copy(png, Path.of(KEEP), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void keyFiguresAreInTheDom() throws Exception {
    String dom = run("--dump-dom");
    assertThat(dom)
        .contains("23.5 MB", "192.0 MB", "31.0 MB", "88%")
        .contains("CVE-2024-5535", "CVE-2023-44487", "A001")
        .contains("libssl3", "redis-server")
        .contains("<th class=\"num\">6</th>");
    // The hostile message is text, not a script element.
    assertThat(dom).doesNotContain("<script").contains("&lt;script&gt;alert");
  }

  private static String run(String... args) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    cmd.add(html.toUri().toString());
    Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = dir.resolve("chromium-" + System.nanoTime() + ".err");
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError("chromium is not installed; run scripts/setup.sh as root", e);
    }
    // A guard against a hung browser, not a speed assertion.
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + Files.readString(err));
    }
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
