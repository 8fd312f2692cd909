package dev.distill.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema of the gate settings accepts this repository's distill.yaml, and the
 * schema and the loader agree on what is wrong.
 */
class GateSchemaTest {
  static final Path ROOT = Path.of("..");

  private static Schema schema() throws IOException {
    try (InputStream in = Files.newInputStream(ROOT.resolve("docs/distill-gate.schema.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  private static String asJson(String yaml) throws IOException {
    return new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml));
  }

  @Test
  void theRepositorysOwnSettingsMatchTheSchemaAndLoad() throws IOException {
    String yaml = Files.readString(ROOT.resolve("distill.yaml"));
    assertThat(schema().validate(asJson(yaml), InputFormat.JSON)).isEmpty();
    GateConfig c = GateConfigLoader.parse(yaml, ROOT, "distill.yaml");
    assertThat(c.services()).containsExactly("nginx", "redis");
  }

  @Test
  void schemaAndLoaderRejectTheSameMistakes() throws IOException {
    Schema schema = schema();
    for (String bad :
        new String[] {
          "smok: true\n",
          "vulnerabilities: {failon: HIGH}\n",
          "vulnerabilities: {fail-on: SEVERE}\n",
          "release: buster\n",
          "smoke: 3\n",
          "services: [Web App]\n"
        }) {
      assertThat(schema.validate(asJson(bad), InputFormat.JSON)).as(bad).isNotEmpty();
      assertThatThrownBy(() -> GateConfigLoader.parse(bad, ROOT, "distill.yaml")).as(bad);
    }
  }
}
