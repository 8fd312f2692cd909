package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * /etc/ssl/certs/ca-certificates.crt (0644) made as update-ca-certificates makes it with the
 * default configuration, without running it: every {@code *.crt} under usr/share/ca-certificates,
 * in byte-wise sorted order of its path, each ending in a newline.
 */
public final class CaBundle implements RootFsStep {
  public static final String BUNDLE = "etc/ssl/certs/ca-certificates.crt";
  private static final String SOURCE = "usr/share/ca-certificates/";

  private final RootFs packages;

  /** {@code packages}: the union of the packages' files (ca-certificates among them). */
  public CaBundle(RootFs packages) {
    this.packages = packages;
  }

  /** The bundle's bytes. */
  public byte[] bundle() {
    List<FsEntry> certs = new ArrayList<>();
    for (FsEntry e : packages.entries()) {
      if (e.path().startsWith(SOURCE)
          && e.path().endsWith(".crt")
          && (e.type() == EntryType.FILE || e.type() == EntryType.HARDLINK)) {
        certs.add(e);
      }
    }
    if (certs.isEmpty()) {
      throw new DistillException(
          "no certificates under /"
              + SOURCE
              + " in the packages; add ca-certificates to the spec's packages");
    }
    // RootFs entries come sorted by path, which is the C-locale order update-ca-certificates uses.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (FsEntry cert : certs) {
      byte[] pem = PackageFiles.dataEntry(packages, cert).content();
      out.writeBytes(pem);
      if (pem.length > 0 && pem[pem.length - 1] != '\n') {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    builder.put(FsEntry.file(BUNDLE, 0644, 0, 0, bundle(), "ca-certificates"));
  }
}
