package dev.distill.rootfs;

import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.util.List;

/**
 * Creates each account's home directory 0700, owned by the account (/root for root, /home/nonroot
 * for nonroot); {@code /nonexistent} and {@code /} are left alone.
 */
public final class HomeDirectories implements RootFsStep {
  private final List<Account> accounts;

  public HomeDirectories(List<Account> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    for (Account a : accounts) {
      if (a.home().equals(Account.NO_HOME) || a.home().equals("/")) {
        continue;
      }
      builder.put(FsEntry.directory(a.home(), 0700, a.uid(), a.gid(), "distill"));
    }
  }
}
