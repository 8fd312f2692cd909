package dev.distill.rootfs;

import dev.distill.DistillException;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes /etc/passwd and /etc/group (0644 root:root): the distroless accounts root (0), nobody
 * (65534) and nonroot (65532), all with the shell /sbin/nologin, plus any accounts from the spec.
 * Each account gets a group of its own name unless a group with its gid is already listed.
 */
public final class Accounts implements RootFsStep {
  private final List<Account> accounts;

  public Accounts(List<Account> accounts) {
    this.accounts = List.copyOf(accounts);
    Set<String> names = new HashSet<>();
    Set<Integer> uids = new HashSet<>();
    for (Account a : accounts) {
      if (!names.add(a.name())) {
        throw new DistillException("account name " + a.name() + " is listed twice");
      }
      if (!uids.add(a.uid())) {
        throw new DistillException(
            "uid " + a.uid() + " of account " + a.name() + " is already used by another account");
      }
    }
  }

  /** root, nobody and nonroot. */
  public static List<Account> distrolessDefaults() {
    return List.of(Account.ROOT, Account.NOBODY, Account.NONROOT);
  }

  /** The distroless accounts followed by {@code extra} (from the spec). */
  public static Accounts distroless(List<Account> extra) {
    List<Account> all = new ArrayList<>(distrolessDefaults());
    all.addAll(extra);
    return new Accounts(all);
  }

  public List<Account> accounts() {
    return accounts;
  }

  @Override
  public void applyTo(RootFs.Builder builder) {
    StringBuilder passwd = new StringBuilder();
    Map<Integer, String> groups = new LinkedHashMap<>();
    Set<String> groupNames = new HashSet<>();
    for (Account a : accounts) {
      passwd.append(a.passwdLine()).append('\n');
      if (!groups.containsKey(a.gid()) && groupNames.add(a.name())) {
        groups.put(a.gid(), a.name());
      }
    }
    StringBuilder group = new StringBuilder();
    groups.forEach((gid, name) -> group.append(name).append(":x:").append(gid).append(":\n"));
    builder.put(file("etc/passwd", passwd.toString()));
    builder.put(file("etc/group", group.toString()));
  }

  static FsEntry file(String path, String text) {
    return FsEntry.file(path, 0644, 0, 0, text.getBytes(StandardCharsets.UTF_8), "distill");
  }
}
