package dev.distill.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distill.DistillException;
import dev.distill.fs.EntryType;
import dev.distill.fs.FsEntry;
import dev.distill.fs.RootFs;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsTest {

  @Test
  void writesTheDistrolessAccounts() {
    RootFs.Builder b = RootFs.builder();
    Accounts.distroless(List.of()).applyTo(b);
    RootFs fs = b.build();

    assertThat(Fixtures.text(fs, "etc/passwd"))
        .isEqualTo(
            "root:x:0:0:root:/root:/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n"
                + "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n");
    assertThat(Fixtures.text(fs, "etc/group"))
        .isEqualTo("root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n");
    FsEntry passwd = fs.get("etc/passwd").orElseThrow();
    assertThat(passwd.mode()).isEqualTo(0644);
    assertThat(passwd.uid()).isZero();
    assertThat(passwd.gid()).isZero();
    assertThat(fs.get("etc").orElseThrow().type()).isEqualTo(EntryType.DIRECTORY);
  }

  @Test
  void extraAccountsFollowAndShareGroupsByGid() {
    RootFs.Builder b = RootFs.builder();
    Accounts.distroless(
            List.of(
                Account.of("redis", 999),
                new Account("worker", 1001, 999, "/srv/worker", Account.NO_LOGIN)))
        .applyTo(b);
    RootFs fs = b.build();

    assertThat(Fixtures.text(fs, "etc/passwd"))
        .endsWith(
            "redis:x:999:999:redis:/home/redis:/sbin/nologin\n"
                + "worker:x:1001:999:worker:/srv/worker:/sbin/nologin\n");
    assertThat(Fixtures.text(fs, "etc/group")).endsWith("nonroot:x:65532:\nredis:x:999:\n");
  }

  @Test
  void rejectsDuplicatesAndBadFields() {
    assertThatThrownBy(() -> Accounts.distroless(List.of(Account.of("nonroot", 5))))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("nonroot")
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> Accounts.distroless(List.of(Account.of("app", 65532))))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("65532");
    assertThatThrownBy(() -> Account.of("Bad:Name", 5))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("Bad:Name");
    assertThatThrownBy(() -> new Account("app", 5, 5, "relative", Account.NO_LOGIN))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("home");
  }

  @Test
  void homeDirectoriesAreOwnedAndPrivate() {
    RootFs.Builder b = RootFs.builder();
    new HomeDirectories(Accounts.distroless(List.of(Account.of("app", 1000))).accounts())
        .applyTo(b);
    RootFs fs = b.build();

    FsEntry nonroot = fs.get("home/nonroot").orElseThrow();
    assertThat(nonroot.type()).isEqualTo(EntryType.DIRECTORY);
    assertThat(nonroot.mode()).isEqualTo(0700);
    assertThat(nonroot.uid()).isEqualTo(65532);
    assertThat(nonroot.gid()).isEqualTo(65532);
    FsEntry root = fs.get("root").orElseThrow();
    assertThat(root.mode()).isEqualTo(0700);
    assertThat(root.uid()).isZero();
    assertThat(fs.get("home/app").orElseThrow().uid()).isEqualTo(1000);
    assertThat(fs.get("home").orElseThrow().mode()).isEqualTo(0755);
    assertThat(fs.get("nonexistent")).isEmpty();
  }

  @Test
  void tmpIsStickyAndWorldWritable() {
    RootFs.Builder b = RootFs.builder();
    new TmpDirectory().applyTo(b);
    FsEntry tmp = b.build().get("tmp").orElseThrow();
    assertThat(tmp.type()).isEqualTo(EntryType.DIRECTORY);
    assertThat(tmp.mode()).isEqualTo(01777);
    assertThat(tmp.uid()).isZero();
  }
}
