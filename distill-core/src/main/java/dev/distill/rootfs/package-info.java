/**
 * Assembling a distroless root filesystem from the union of package entries.
 *
 * <p>Chain: package union ({@code FsEntry.origin()} = package name) -> {@link
 * dev.distill.rootfs.UsrMerge#apply} (when wanted) -> {@link dev.distill.elf.ElfClosure} + {@link
 * dev.distill.rootfs.FileSelector} -> conventions ({@link dev.distill.rootfs.Accounts}, {@link
 * dev.distill.rootfs.HomeDirectories}, {@link dev.distill.rootfs.TmpDirectory}, {@link
 * dev.distill.rootfs.OsRelease}, {@link dev.distill.rootfs.NsSwitch}, {@link
 * dev.distill.rootfs.CaBundle}, {@link dev.distill.rootfs.Tzdata}) -> {@link
 * dev.distill.rootfs.Copyrights} -> {@link dev.distill.rootfs.DpkgStatusD} -> {@link
 * dev.distill.rootfs.HardeningCheck}. {@link dev.distill.rootfs.DistrolessRootFs} runs it in one
 * call; each step is a {@link dev.distill.rootfs.RootFsStep} usable alone.
 */
package dev.distill.rootfs;
