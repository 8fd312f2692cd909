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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * CycloneDX 1.6 JSON: the described element as {@code metadata.component}, the OS, one library
 * component per package (purl, licences, source package and partial-package properties).
 */
public final class CycloneDxJsonWriter implements SbomWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String format() {
    return "cyclonedx-json";
  }

  @Override
  public void write(SbomInput in, OutputStream out) throws IOException {
    MAPPER.writeValue(new SpdxJsonWriter.NonClosing(out), document(in));
  }

  /** The BOM as a JSON tree (tests validate it against the CycloneDX schema). */
  public ObjectNode document(SbomInput in) {
    ObjectNode bom = MAPPER.createObjectNode();
    bom.put("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
    bom.put("bomFormat", "CycloneDX");
    bom.put("specVersion", "1.6");
    bom.put(
        "serialNumber",
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(
                SpdxJsonWriter.fingerprint(in).getBytes(StandardCharsets.UTF_8)));
    bom.put("version", 1);
    ObjectNode meta = bom.putObject("metadata");
    meta.put(
        "timestamp",
        DateTimeFormatter.ISO_INSTANT.format(in.created().truncatedTo(ChronoUnit.SECONDS)));
    ObjectNode tool = meta.putObject("tools").putArray("components").addObject();
    tool.put("type", "application");
    tool.put("name", "distill");
    tool.put("version", in.toolVersion());
    ObjectNode subject = meta.putObject("component");
    subject.put("type", in.subjectDigest().isPresent() ? "container" : "operating-system");
    subject.put("bom-ref", "subject");
    subject.put("name", in.subjectName());
    in.subjectDigest().ifPresent(d -> subject.put("version", d));
    in.subjectDigest()
        .filter(d -> d.startsWith("sha256:"))
        .ifPresent(
            d -> {
              ObjectNode h = subject.putArray("hashes").addObject();
              h.put("alg", "SHA-256");
              h.put("content", d.substring(7));
            });

    ArrayNode components = bom.putArray("components");
    ArrayNode dependsOn = MAPPER.createArrayNode();
    in.os()
        .ifPresent(
            os -> {
              ObjectNode c = components.addObject();
              c.put("type", "operating-system");
              c.put("bom-ref", "os:" + os.id() + "-" + os.versionId());
              c.put("name", os.id());
              c.put("version", os.versionId());
              c.put("description", os.prettyName());
            });
    for (InstalledPackage p : in.packages()) {
      String purl = DebPurl.of(p, in.distroMajor());
      ObjectNode c = components.addObject();
      c.put("type", "library");
      c.put("bom-ref", purl);
      c.put("publisher", "Debian");
      c.put("name", p.name());
      c.put("version", p.version());
      c.put("purl", purl);
      if (!p.licenses().isEmpty()) {
        ArrayNode ls = c.putArray("licenses");
        for (String l : p.licenses()) {
          ObjectNode lic = ls.addObject().putObject("license");
          Optional<String> id = Licenses.spdxId(l);
          if (id.isPresent()) {
            lic.put("id", id.get());
          } else {
            lic.put("name", l);
          }
        }
      }
      ArrayNode props = c.putArray("properties");
      prop(props, "distill:package:source", p.sourceName());
      prop(props, "distill:package:source-version", p.sourceVersion());
      prop(props, "distill:package:architecture", p.architecture());
      if (!p.files().isEmpty()) {
        long present = p.files().stream().filter(PackageFile::present).count();
        prop(props, "distill:package:files-present", present + "/" + p.files().size());
        prop(props, "distill:package:partial", Boolean.toString(p.isPartial()));
      }
      dependsOn.add(purl);
    }
    ArrayNode deps = bom.putArray("dependencies");
    ObjectNode root = deps.addObject();
    root.put("ref", "subject");
    root.set("dependsOn", dependsOn);
    return bom;
  }

  private static void prop(ArrayNode props, String name, String value) {
    ObjectNode p = props.addObject();
    p.put("name", name);
    p.put("value", value);
  }
}
