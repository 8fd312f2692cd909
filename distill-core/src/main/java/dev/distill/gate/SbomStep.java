package dev.distill.gate;

import dev.distill.build.BuildSboms;
import java.util.Map;

/** SPDX 2.3 and CycloneDX 1.6 SBOMs of the exact package set a service was built from. */
final class SbomStep {
  static final String GATE = "sbom";

  private final String toolVersion;

  SbomStep(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  /** The outcome and the SBOM files by name. */
  record Outcome(StepResult step, Map<String, byte[]> files) {}

  Outcome run(GateConfig config, String service, String release, BuildStep.Built built) {
    if (!config.sbom()) {
      return new Outcome(StepResult.of(GateOutcome.skipped(GATE, service, "turned off")), Map.of());
    }
    Map<String, byte[]> files =
        BuildSboms.render(service, release, built.tag(), built.result(), toolVersion);
    int packages = built.result().archs().get(0).sbomPackages().size();
    return new Outcome(
        StepResult.of(
            GateOutcome.passed(
                GATE,
                service,
                files.size()
                    + " SBOM file(s) (SPDX 2.3, CycloneDX 1.6), "
                    + packages
                    + " packages")),
        files);
  }
}
