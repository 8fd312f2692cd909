package dev.distill.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published JSON Schema of the image spec accepts every shipped spec and rejects bad ones. */
class SpecSchemaTest {
  static final Path ROOT = Path.of("..");

  private static Schema schema() throws IOException {
    try (InputStream in = Files.newInputStream(ROOT.resolve("docs/distill-spec.schema.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  private static String asJson(String yaml) throws IOException {
    return new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml));
  }

  @Test
  void everyShippedSpecMatchesTheSchema() throws IOException {
    Schema schema = schema();
    List<Path> specs;
    try (Stream<Path> s = Files.list(ROOT.resolve("images"))) {
      specs = s.map(p -> p.resolve("distill.yaml")).filter(Files::isRegularFile).toList();
    }
    assertThat(specs).hasSizeGreaterThanOrEqualTo(5);
    for (Path spec : specs) {
      List<Error> errors = schema.validate(asJson(Files.readString(spec)), InputFormat.JSON);
      assertThat(errors).as(spec.toString()).isEmpty();
    }
  }

  @Test
  void badSpecsAreRejectedByTheSchemaToo() throws IOException {
    Schema schema = schema();
    assertThat(schema.validate(asJson("name: x\nexecutable: [/bin/x]\n"), InputFormat.JSON))
        .isNotEmpty();
    assertThat(schema.validate(asJson("name: x\nreleases: [buster]\n"), InputFormat.JSON))
        .isNotEmpty();
    assertThat(schema.validate(asJson("packages: [nginx]\n"), InputFormat.JSON)).isNotEmpty();
  }
}
