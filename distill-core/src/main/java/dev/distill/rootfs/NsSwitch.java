package dev.distill.rootfs;

import dev.distill.fs.RootFs;

/**
 * /etc/nsswitch.conf: users and groups from files, hosts from files then DNS. Without it glibc
 * falls back to defaults that try NIS and skip /etc/hosts ordering.
 */
public final class NsSwitch implements RootFsStep {
  static final String CONTENT =
      """
      passwd:         files
      group:          files
      shadow:         files
      gshadow:        files

      hosts:          files dns
      networks:       files

      protocols:      files
      services:       files
      ethers:         files
      rpc:            files
      """;

  @Override
  public void applyTo(RootFs.Builder builder) {
    builder.put(Accounts.file("etc/nsswitch.conf", CONTENT));
  }
}
