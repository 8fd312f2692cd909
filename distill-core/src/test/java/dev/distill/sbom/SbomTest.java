package dev.distill.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.distill.pkgdb.PackageInventory;
import dev.distill.pkgdb.PackageSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPDX and CycloneDX output: schema-valid, deterministic, with purls, licences and files. */
class SbomTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Schema spdxSchema;
  private static Schema cdxSchema;

  @TempDir static Path root;

  @BeforeAll
  static void setUp() throws IOException {
    SchemaRegistry spdx =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2019_09,
            b -> b.schemas(Map.of("http://spdx.org/rdf/terms/2.3", text("spdx-schema-v2.3.json"))));
    spdxSchema = spdx.getSchema(SchemaLocation.of("http://spdx.org/rdf/terms/2.3"));
    SchemaRegistry cdx =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            b ->
                b.schemas(
                    Map.of(
                        "http://cyclonedx.org/schema/bom-1.6.schema.json",
                        text("bom-1.6.schema.json"),
                        "http://cyclonedx.org/schema/spdx.schema.json",
                        text("spdx.schema.json"),
                        "http://cyclonedx.org/schema/jsf-0.82.schema.json",
                        text("jsf-0.82.schema.json"))));
    cdxSchema = cdx.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"));

    // A distroless-style root: one package with a DEP-5 copyright file and a missing file.
    write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");
    write(
        "var/lib/dpkg/status.d/libcap2",
        "Package: libcap2\nVersion: 1:2.66-4+deb12u3+b1\nArchitecture: amd64\n"
            + "Source: libcap2 (1:2.66-4+deb12u3)\n");
    write(
        "var/lib/dpkg/status.d/libcap2.md5sums",
        "0123456789abcdef0123456789abcdef  usr/lib/x86_64-linux-gnu/libcap.so.2.66\n"
            + "fedcba9876543210fedcba9876543210  usr/share/doc/libcap2/changelog.gz\n");
    write("usr/lib/x86_64-linux-gnu/libcap.so.2.66", "ELF");
    write(
        "usr/share/doc/libcap2/copyright",
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
            + "Files: *\nCopyright: someone\nLicense: BSD-3-clause or GPL-2\n\n"
            + "Files: debian/*\nLicense: GPL-2+\n text\n");
  }

  private static void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static String text(String schema) {
    try (InputStream in = SbomTest.class.getResourceAsStream("/schemas/" + schema)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path vulndataImage(String name) {
    try {
      return Path.of(SbomTest.class.getResource("/vulndata/images/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SbomInput input(Path dir, Optional<String> digest) {
    PackageInventory inv = PackageSource.ofDirectory(dir).inventory();
    return new SbomInput(
        inv.packages(),
        inv.os(),
        "test-image",
        digest,
        Instant.ofEpochSecond(1700000000L),
        "0.1.0");
  }

  private static String render(SbomWriter w, SbomInput in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(in, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void spdxIsSchemaValidWithPurlsLicencesFilesAndPartialNote() throws IOException {
    String json =
        render(new SpdxJsonWriter(), input(root, Optional.of("sha256:" + "ab".repeat(32))));
    List<Error> errors = spdxSchema.validate(json, InputFormat.JSON);
    assertThat(errors).isEmpty();
    JsonNode doc = MAPPER.readTree(json);
    assertThat(doc.path("creationInfo").path("created").asText()).isEqualTo("2023-11-14T22:13:20Z");
    JsonNode pkg = doc.path("packages").get(1);
    assertThat(pkg.path("name").asText()).isEqualTo("libcap2");
    assertThat(pkg.path("externalRefs").get(0).path("referenceLocator").asText())
        .isEqualTo("pkg:deb/debian/libcap2@1%3A2.66-4%2Bdeb12u3%2Bb1?arch=amd64&distro=debian-12");
    assertThat(pkg.path("sourceInfo").asText()).contains("libcap2 1:2.66-4+deb12u3");
    assertThat(pkg.path("licenseDeclared").asText())
        .isEqualTo("BSD-3-Clause AND GPL-2.0-only AND GPL-2.0-or-later");
    assertThat(pkg.path("comment").asText()).contains("1 of the 2 files");
    assertThat(doc.path("files")).hasSize(1);
    assertThat(doc.path("files").get(0).path("fileName").asText())
        .isEqualTo("./usr/lib/x86_64-linux-gnu/libcap.so.2.66");
    assertThat(doc.path("files").get(0).path("checksums").toString())
        .contains("SHA256")
        .contains("SHA1");
    assertThat(doc.path("packages").get(0).path("checksums").get(0).path("checksumValue").asText())
        .isEqualTo("ab".repeat(32));
  }

  @Test
  void cycloneDxIsSchemaValidWithPurlsAndPartialProperty() throws IOException {
    String json = render(new CycloneDxJsonWriter(), input(root, Optional.empty()));
    List<Error> errors = cdxSchema.validate(json, InputFormat.JSON);
    assertThat(errors).isEmpty();
    JsonNode bom = MAPPER.readTree(json);
    JsonNode lib = bom.path("components").get(1);
    assertThat(lib.path("purl").asText())
        .isEqualTo("pkg:deb/debian/libcap2@1%3A2.66-4%2Bdeb12u3%2Bb1?arch=amd64&distro=debian-12");
    assertThat(lib.path("licenses").toString()).contains("\"id\":\"GPL-2.0-or-later\"");
    assertThat(lib.path("properties").toString())
        .contains("distill:package:partial\",\"value\":\"true")
        .contains("1/2");
  }

  @Test
  void vulndataImagesGiveValidDeterministicSboms() throws IOException {
    for (String img : List.of("nginx-bookworm-stale-distroless", "redis-trixie-current")) {
      SbomInput in = input(vulndataImage(img), Optional.empty());
      String spdx = render(new SpdxJsonWriter(), in);
      String cdx = render(new CycloneDxJsonWriter(), in);
      assertThat(spdxSchema.validate(spdx, InputFormat.JSON)).as(img).isEmpty();
      assertThat(cdxSchema.validate(cdx, InputFormat.JSON)).as(img).isEmpty();
      assertThat(render(new SpdxJsonWriter(), input(vulndataImage(img), Optional.empty())))
          .isEqualTo(spdx);
      assertThat(render(new CycloneDxJsonWriter(), input(vulndataImage(img), Optional.empty())))
          .isEqualTo(cdx);
      // One SPDX package per installed package, plus the described element.
      assertThat(MAPPER.readTree(spdx).path("packages")).hasSize(in.packages().size() + 1);
    }
  }

  @Test
  void schemaRejectsABrokenDocument() throws IOException {
    JsonNode doc = new SpdxJsonWriter().document(input(root, Optional.empty()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("creationInfo");
    assertThat(spdxSchema.validate(doc.toString(), InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void sourceDateEpochFixesTheTimestamp() {
    assertThat(SbomInput.createdFrom(Map.of("SOURCE_DATE_EPOCH", "86400"), Instant.now()))
        .isEqualTo(Instant.ofEpochSecond(86400));
  }
}
