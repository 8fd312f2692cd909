package dev.distill.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.distill.DistillException;
import dev.distill.findings.Finding;
import dev.distill.findings.Location;
import dev.distill.findings.RuleDescriptor;
import dev.distill.findings.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ReportWritersTest {
  private static final RuleDescriptor DL3008 =
      new RuleDescriptor(
          "DL3008",
          Severity.WARNING,
          "Pin versions",
          "https://github.com/hadolint/hadolint/wiki/DL3008");
  private static final Finding PIN =
      new Finding(
          "distill-lint",
          "DL3008",
          Severity.WARNING,
          "apt-get install curl without a version <&\">",
          new Location("dir with space/Dockerfile", 3, 0),
          "abc123",
          Map.of());
  private static final Finding SECRET =
      new Finding(
          "distill-secrets",
          "aws-key",
          Severity.HIGH,
          "AWS key",
          Location.of("src/a.env", 7),
          "def456",
          Map.of("commit", "0123abc"));
  private static final List<Report> REPORTS =
      List.of(
          new Report("distill-lint", "1.0", List.of(DL3008), List.of(PIN)),
          new Report("distill-secrets", "1.0", List.of(), List.of(SECRET)));

  private static String write(ReportWriter w, List<Report> reports) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(reports, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textIsOneLinePerFindingInHadolintStyle() throws IOException {
    String text = write(new TextReportWriter(), REPORTS);
    assertThat(text.lines())
        .containsExactly(
            "dir with space/Dockerfile:3 DL3008 warning: apt-get install curl without a version <&\">",
            "src/a.env:7 aws-key high: AWS key");
  }

  @Test
  void jsonListsEveryFindingWithCodeLevelAndPlace() throws IOException {
    JsonNode json = new ObjectMapper().readTree(write(new JsonReportWriter(), REPORTS));
    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("code").asText()).isEqualTo("DL3008");
    assertThat(json.get(0).get("level").asText()).isEqualTo("warning");
    assertThat(json.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(json.get(1).get("properties").get("commit").asText()).isEqualTo("0123abc");
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchema() throws IOException {
    String sarif = write(new SarifReportWriter(), REPORTS);
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    List<Error> errors = schema.validate(sarif, InputFormat.JSON);
    assertThat(errors).isEmpty();

    JsonNode root = new ObjectMapper().readTree(sarif);
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.get("runs").get(0);
    assertThat(run.at("/tool/driver/rules/0/id").asText()).isEqualTo("DL3008");
    assertThat(run.at("/tool/driver/rules/0/helpUri").asText()).endsWith("/DL3008");
    JsonNode result = run.get("results").get(0);
    assertThat(result.get("ruleIndex").asInt()).isZero();
    assertThat(result.get("level").asText()).isEqualTo("warning");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("dir%20with%20space/Dockerfile");
    assertThat(result.at("/partialFingerprints/distillFingerprint~1v1").asText())
        .isEqualTo("abc123");
    // a rule missing from the catalogue is added so ruleIndex stays valid
    JsonNode second = root.get("runs").get(1);
    assertThat(second.at("/tool/driver/rules/0/id").asText()).isEqualTo("aws-key");
    assertThat(second.at("/results/0/level").asText()).isEqualTo("error");
  }

  @Test
  void sarifSchemaCheckRejectsABrokenLog() throws IOException {
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    String broken = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}}}]}";
    assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void checkstyleGroupsByFileAndEscapes() throws Exception {
    Document doc = parseXml(write(new CheckstyleReportWriter(), REPORTS));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("checkstyle");
    assertThat(doc.getElementsByTagName("file").getLength()).isEqualTo(2);
    var error = (org.w3c.dom.Element) doc.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message"))
        .isEqualTo("apt-get install curl without a version <&\">");
    assertThat(error.getAttribute("severity")).isEqualTo("warning");
    assertThat(error.getAttribute("source")).isEqualTo("distill-lint.DL3008");
  }

  @Test
  void junitHasOneFailurePerFindingAndPassesWhenClean() throws Exception {
    Document doc = parseXml(write(new JunitReportWriter(), REPORTS));
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
    Document clean =
        parseXml(
            write(
                new JunitReportWriter(),
                List.of(new Report("distill-lint", "1", List.of(), List.of()))));
    assertThat(clean.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    assertThat(clean.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void formatsAreFoundByName() {
    assertThat(ReportWriters.forFormat("sarif")).isInstanceOf(SarifReportWriter.class);
    assertThat(ReportWriters.forFormat("text")).isInstanceOf(TextReportWriter.class);
    assertThat(ReportWriters.all())
        .extracting(ReportWriter::format)
        .containsExactly("tty", "json", "sarif", "checkstyle", "junit", "csv");
    assertThatThrownBy(() -> ReportWriters.forFormat("html"))
        .isInstanceOf(DistillException.class)
        .hasMessageContaining("html");
  }

  @Test
  void everyWriterIsFoundByItsOwnFormatName() {
    for (ReportWriter w : ReportWriters.all()) {
      assertThat(ReportWriters.forFormat(w.format())).isInstanceOf(w.getClass());
    }
  }

  private static Document parseXml(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
