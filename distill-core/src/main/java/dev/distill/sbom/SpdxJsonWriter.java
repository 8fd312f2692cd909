package dev.distill.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distill.pkgdb.DebPurl;
import dev.distill.pkgdb.InstalledPackage;
import dev.distill.pkgdb.PackageFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeSet;

/**
 * SPDX 2.3 JSON: one package per installed package (purl, source package, declared licences from
 * DEP-5 copyright files), one file entry per file present in the root filesystem with its
 * checksums, and a comment on packages that contributed only part of their files.
 */
public final class SpdxJsonWriter implements SbomWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String format() {
    return "spdx-json";
  }

  @Override
  public void write(SbomInput in, OutputStream out) throws IOException {
    MAPPER.writeValue(new NonClosing(out), document(in));
  }

  /** The document as a JSON tree (tests validate it against the SPDX schema). */
  public ObjectNode document(SbomInput in) {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("spdxVersion", "SPDX-2.3");
    doc.put("dataLicense", "CC0-1.0");
    doc.put("SPDXID", "SPDXRef-DOCUMENT");
    doc.put("name", in.subjectName());
    doc.put(
        "documentNamespace",
        "https://distill.dev/spdx/" + id(in.subjectName()) + "-" + fingerprint(in));
    ObjectNode ci = doc.putObject("creationInfo");
    ci.put(
        "created",
        DateTimeFormatter.ISO_INSTANT.format(in.created().truncatedTo(ChronoUnit.SECONDS)));
    ci.putArray("creators").add("Tool: distill-" + in.toolVersion());

    ArrayNode packages = doc.putArray("packages");
    ArrayNode files = doc.putArray("files");
    ArrayNode rels = doc.putArray("relationships");
    TreeSet<String> licenseRefs = new TreeSet<>();

    ObjectNode subject = packages.addObject();
    subject.put("SPDXID", "SPDXRef-Subject");
    subject.put("name", in.subjectName());
    in.subjectDigest().ifPresent(d -> subject.put("versionInfo", d));
    subject.put("downloadLocation", "NOASSERTION");
    subject.put("filesAnalyzed", false);
    // A bare root filesystem gets no purpose: the published 2.3 schemas disagree on the spelling
    // of OPERATING-SYSTEM (tools-java has OPERATING_SYSTEM), so we write none rather than guess.
    in.subjectDigest().ifPresent(d -> subject.put("primaryPackagePurpose", "CONTAINER"));
    in.subjectDigest()
        .filter(d -> d.startsWith("sha256:"))
        .ifPresent(
            d -> {
              ObjectNode c = subject.putArray("checksums").addObject();
              c.put("algorithm", "SHA256");
              c.put("checksumValue", d.substring(7));
            });
    subject.put("licenseConcluded", "NOASSERTION");
    subject.put("licenseDeclared", "NOASSERTION");
    subject.put("copyrightText", "NOASSERTION");
    rel(rels, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Subject");

    for (InstalledPackage p : in.packages()) {
      String pid = "SPDXRef-Package-deb-" + id(p.name()) + "-" + id(p.architecture());
      ObjectNode n = packages.addObject();
      n.put("SPDXID", pid);
      n.put("name", p.name());
      n.put("versionInfo", p.version());
      n.put("supplier", "Organization: Debian");
      n.put("downloadLocation", "NOASSERTION");
      n.put("filesAnalyzed", false);
      n.put("sourceInfo", "built from source package " + p.sourceName() + " " + p.sourceVersion());
      n.put("licenseConcluded", "NOASSERTION");
      String declared = Licenses.expression(p.licenses());
      n.put("licenseDeclared", declared);
      for (String part : declared.split(" AND ")) {
        if (part.startsWith("LicenseRef-")) {
          licenseRefs.add(part);
        }
      }
      n.put("copyrightText", "NOASSERTION");
      ObjectNode ref = n.putArray("externalRefs").addObject();
      ref.put("referenceCategory", "PACKAGE-MANAGER");
      ref.put("referenceType", "purl");
      ref.put("referenceLocator", DebPurl.of(p, in.distroMajor()));
      long present = p.files().stream().filter(PackageFile::present).count();
      if (p.isPartial()) {
        n.put(
            "comment",
            "Partial package: the image holds "
                + present
                + " of the "
                + p.files().size()
                + " files this package ships.");
      }
      rel(rels, "SPDXRef-Subject", "CONTAINS", pid);
      for (PackageFile f : p.files()) {
        if (!f.present()) {
          continue;
        }
        String fid = "SPDXRef-File-" + id(p.name()) + "-" + sha(f.path()).substring(0, 16);
        ObjectNode fn = files.addObject();
        fn.put("SPDXID", fid);
        fn.put("fileName", "." + f.path());
        ArrayNode sums = fn.putArray("checksums");
        f.sha1().ifPresent(s -> checksum(sums, "SHA1", s));
        f.sha256().ifPresent(s -> checksum(sums, "SHA256", s));
        checksum(sums, "MD5", f.md5().toLowerCase(Locale.ROOT));
        fn.put("licenseConcluded", "NOASSERTION");
        fn.put("copyrightText", "NOASSERTION");
        rel(rels, pid, "CONTAINS", fid);
      }
    }
    if (!licenseRefs.isEmpty()) {
      ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
      for (String r : licenseRefs) {
        ObjectNode e = extracted.addObject();
        e.put("licenseId", r);
        e.put("name", r.substring("LicenseRef-".length()));
        e.put(
            "extractedText",
            "Licence named '"
                + r.substring("LicenseRef-".length())
                + "' in a Debian machine-readable copyright file; see /usr/share/doc/<package>/copyright.");
      }
    }
    if (files.isEmpty()) {
      doc.remove("files");
    }
    return doc;
  }

  private static void checksum(ArrayNode sums, String alg, String value) {
    ObjectNode c = sums.addObject();
    c.put("algorithm", alg);
    c.put("checksumValue", value);
  }

  private static void rel(ArrayNode rels, String from, String type, String to) {
    ObjectNode r = rels.addObject();
    r.put("spdxElementId", from);
    r.put("relationshipType", type);
    r.put("relatedSpdxElement", to);
  }

  /** SPDX ids allow letters, digits, dots and dashes. */
  static String id(String s) {
    String cleaned = s.replaceAll("[^A-Za-z0-9.-]", "-");
    return cleaned.isEmpty() ? "none" : cleaned;
  }

  /** A stable namespace suffix: the hash of the subject and the package identities. */
  static String fingerprint(SbomInput in) {
    StringBuilder s = new StringBuilder(in.subjectName()).append('\n');
    in.subjectDigest().ifPresent(d -> s.append(d).append('\n'));
    in.packages()
        .forEach(
            p ->
                s.append(p.name())
                    .append(' ')
                    .append(p.version())
                    .append(' ')
                    .append(p.architecture())
                    .append('\n'));
    return sha(s.toString()).substring(0, 32);
  }

  static String sha(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keeps Jackson from closing the caller's stream. */
  static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
