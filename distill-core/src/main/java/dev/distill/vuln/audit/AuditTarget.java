package dev.distill.vuln.audit;

import dev.distill.pkgdb.FileTree;

/** What an audit check looks at: the image's files, its config, and a name for locations. */
public record AuditTarget(String name, FileTree files, ImageConfig config, boolean configKnown) {

  /** A bare root filesystem: config checks are skipped. */
  public static AuditTarget rootfs(FileTree files) {
    return new AuditTarget(files.describe(), files, ImageConfig.none(), false);
  }

  public static AuditTarget image(String name, FileTree files, ImageConfig config) {
    return new AuditTarget(name, files, config, true);
  }
}
