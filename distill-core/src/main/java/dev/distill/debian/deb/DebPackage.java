package dev.distill.debian.deb;

import dev.distill.debian.ControlStanza;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of one .deb, fully read and checked.
 *
 * @param source where the package was read from (a file name), for messages
 * @param control the fields of the control file
 * @param md5sums path (normalised, as in {@link DebEntry#path()}) to MD5 hex from the md5sums
 *     member, in file order; empty when the package has none
 * @param conffiles the absolute paths listed in the conffiles member (flags such as
 *     "remove-on-upgrade" stripped)
 * @param controlMembers every member of the control archive by name (control, md5sums, postinst, …)
 * @param entries the data archive's entries in archive order (the root directory "./" is left out)
 */
public record DebPackage(
    String source,
    ControlStanza control,
    Map<String, String> md5sums,
    List<String> conffiles,
    Map<String, byte[]> controlMembers,
    List<DebEntry> entries) {

  public DebPackage {
    md5sums = Collections.unmodifiableMap(new LinkedHashMap<>(md5sums));
    conffiles = List.copyOf(conffiles);
    Map<String, byte[]> copy = new LinkedHashMap<>();
    controlMembers.forEach((k, v) -> copy.put(k, v.clone()));
    controlMembers = Collections.unmodifiableMap(copy);
    entries = List.copyOf(entries);
  }

  /** Every control-archive member by name; the byte arrays are fresh copies. */
  @Override
  public Map<String, byte[]> controlMembers() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    controlMembers.forEach((k, v) -> copy.put(k, v.clone()));
    return Collections.unmodifiableMap(copy);
  }

  /** The {@code Package} field. */
  public String packageName() {
    return control.get("Package", "");
  }

  /** The {@code Version} field as written. */
  public String version() {
    return control.get("Version", "");
  }

  /** The {@code Architecture} field. */
  public String architecture() {
    return control.get("Architecture", "");
  }

  /** A copy of a control-archive member's bytes, such as {@code postinst}. */
  public Optional<byte[]> controlMember(String name) {
    byte[] b = controlMembers.get(name);
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  /** The entry at a normalised path ({@code usr/bin/nginx}), if the package has one. */
  public Optional<DebEntry> entry(String path) {
    for (DebEntry e : entries) {
      if (e.path().equals(path)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
