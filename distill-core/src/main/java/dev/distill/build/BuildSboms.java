package dev.distill.build;

import dev.distill.pkgdb.OsRelease;
import dev.distill.sbom.SbomInput;
import dev.distill.sbom.SbomWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX 2.3 and CycloneDX 1.6 SBOMs of a build, from the exact package set (partly kept packages
 * are marked), one pair per architecture, named {@code <name>-<release>-<arch>.spdx.json} and
 * {@code .cdx.json}.
 */
public final class BuildSboms {
  private BuildSboms() {}

  /** File name to content, in a stable order. */
  public static Map<String, byte[]> render(
      String imageName,
      String release,
      String subject,
      ImageBuilder.Result result,
      String toolVersion) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (ImageBuilder.ArchBuild b : result.archs()) {
      var os =
          b.rootfs()
              .resolve("etc/os-release")
              .map(e -> OsRelease.parse(new String(e.content(), StandardCharsets.UTF_8)));
      SbomInput input =
          new SbomInput(
              b.sbomPackages(),
              os,
              subject,
              Optional.of(b.image().digest().toString()),
              b.image().config().created(),
              toolVersion);
      String base = imageName + "-" + release + "-" + b.arch();
      files.put(base + ".spdx.json", render(input, "spdx-json"));
      files.put(base + ".cdx.json", render(input, "cyclonedx-json"));
    }
    return files;
  }

  private static byte[] render(SbomInput input, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      SbomWriter.forFormat(format).write(input, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
