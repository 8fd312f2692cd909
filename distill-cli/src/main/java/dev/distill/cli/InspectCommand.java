package dev.distill.cli;

import dev.distill.assure.ScanTarget;
import dev.distill.image.ImageConfig;
import dev.distill.image.ImageFile;
import dev.distill.image.LayerSummary;
import dev.distill.image.ReadImage;
import dev.distill.pkgdb.InstalledPackage;
import dev.distill.pkgdb.PackageInventory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill inspect}: what an image holds — config, layers, sizes, packages, files. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what an image holds.",
      "Shows an image's config, layers and sizes, the Debian packages it records",
      "(status or status.d), and with --files every file with mode, owner and size."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "IMAGE",
      description = "OCI layout dir, docker-archive / docker save tar, or registry:HOST/NAME:TAG.")
  String image;

  @Option(names = "--files", description = "List every file.")
  boolean files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  BuildCommand.SummaryFormat format;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    ReadImage read = ScanTarget.readImage(image, Main.registryCredentials());
    PackageInventory inventory = ScanTarget.fromImage(read).packages().inventory(false);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("image", read.source());
    out.put(
        "manifestDigest", read.manifestDigest() == null ? null : read.manifestDigest().toString());
    ImageConfig c = read.config();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("platform", c.platform() == null ? null : c.platform().toString());
    config.put("created", c.created() == null ? null : c.created().toString());
    config.put("user", c.user());
    config.put("entrypoint", c.entrypoint());
    config.put("cmd", c.cmd());
    config.put("env", c.env());
    config.put("workingDir", c.workingDir());
    config.put("exposedPorts", c.exposedPorts());
    config.put("stopSignal", c.stopSignal());
    config.put("labels", c.labels());
    out.put("config", config);
    List<Map<String, Object>> layers = new ArrayList<>();
    for (LayerSummary l : read.layers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("digest", l.descriptor().digest().toString());
      m.put("compressedBytes", l.descriptor().size());
      m.put("uncompressedBytes", l.uncompressedSize());
      m.put("entries", l.entryCount());
      layers.add(m);
    }
    out.put("layers", layers);
    out.put("compressedBytes", read.compressedSize());
    out.put("fileBytes", read.fileBytes());
    out.put("fileCount", read.files().size());
    List<Map<String, String>> packages = new ArrayList<>();
    for (InstalledPackage p : inventory.packages()) {
      packages.add(Map.of("name", p.name(), "version", p.version(), "source", p.sourceName()));
    }
    out.put("packages", packages);
    if (files) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (ImageFile f : read.files()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("type", f.type().toString());
        m.put("mode", String.format("%04o", f.mode()));
        m.put("owner", f.uid() + ":" + f.gid());
        m.put("size", f.size());
        if (f.linkTarget() != null) {
          m.put("linkTarget", f.linkTarget());
        }
        list.add(m);
      }
      out.put("files", list);
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (format == BuildCommand.SummaryFormat.json) {
      Output.json(pw, out);
      return Main.CLEAN;
    }
    pw.println("image:    " + read.source());
    if (read.manifestDigest() != null) {
      pw.println("digest:   " + read.manifestDigest());
    }
    pw.println("platform: " + config.get("platform") + "   created: " + config.get("created"));
    pw.println("user:     " + c.user() + "   workdir: " + c.workingDir());
    pw.println("entrypoint: " + c.entrypoint() + "   cmd: " + c.cmd());
    pw.println("ports:    " + c.exposedPorts() + "   stop signal: " + c.stopSignal());
    pw.println("env:      " + c.env());
    pw.printf(
        "size:     %.1f MB files, %.1f MB compressed, %d entries, %d layer(s)%n",
        read.fileBytes() / 1e6, read.compressedSize() / 1e6, read.files().size(), layers.size());
    pw.println("packages (" + packages.size() + "):");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("  NAME", "VERSION", "SOURCE"));
    for (InstalledPackage p : inventory.packages()) {
      rows.add(List.of("  " + p.name(), p.version(), p.sourceName()));
    }
    Output.table(pw, rows);
    if (files) {
      List<List<String>> fileRows = new ArrayList<>();
      fileRows.add(List.of("MODE", "OWNER", "SIZE", "PATH"));
      for (ImageFile f : read.files()) {
        fileRows.add(
            List.of(
                String.format("%04o", f.mode()),
                f.uid() + ":" + f.gid(),
                Long.toString(f.size()),
                f.path() + (f.linkTarget() == null ? "" : " -> " + f.linkTarget())));
      }
      Output.table(pw, fileRows);
    }
    pw.flush();
    return Main.CLEAN;
  }
}
