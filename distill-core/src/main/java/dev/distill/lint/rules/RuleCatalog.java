package dev.distill.lint.rules;

import dev.distill.findings.RuleDescriptor;
import dev.distill.lint.LintRule;
import java.util.List;

/** Every DL rule distill implements, in code order. */
public final class RuleCatalog {
  private RuleCatalog() {}

  private static final List<LintRule> ALL =
      List.of(
          new Dl1001InlineIgnorePragma(),
          new Dl3000AbsoluteWorkdir(),
          new Dl3001IrrelevantCommand(),
          new Dl3002LastUserRoot(),
          new Dl3003UseWorkdir(),
          new Dl3004NoSudo(),
          new Dl3006TagImage(),
          new Dl3007LatestTag(),
          new Dl3008AptPin(),
          new Dl3009AptListsCleanup(),
          new Dl3010UseAddForArchives(),
          new Dl3011ValidPort(),
          new Dl3012SingleHealthcheck(),
          new Dl3013PipPin(),
          new Dl3014AptYes(),
          new Dl3015AptNoRecommends(),
          new Dl3016NpmPin(),
          new Dl3018ApkPin(),
          new Dl3019ApkNoCache(),
          new Dl3020CopyNotAdd(),
          new Dl3021CopyDestinationSlash(),
          new Dl3022CopyFromKnownStage(),
          new Dl3023CopyFromOwnStage(),
          new Dl3024UniqueStageNames(),
          new Dl3025JsonCmd(),
          new Dl3026TrustedRegistry(),
          new Dl3027NoApt(),
          new Dl3028GemPin(),
          new Dl3029NoPlatformFlag(),
          new Dl3030YumYes(),
          new Dl3032YumClean(),
          new Dl3033YumPin(),
          new Dl3034ZypperNonInteractive(),
          new Dl3035ZypperNoDistUpgrade(),
          new Dl3036ZypperClean(),
          new Dl3037ZypperPin(),
          new Dl3038DnfYes(),
          new Dl3040DnfClean(),
          new Dl3041DnfPin(),
          new Dl3042PipNoCache(),
          new Dl3043OnbuildTrigger(),
          new Dl3044EnvSelfReference(),
          new Dl3045CopyRelativeWithoutWorkdir(),
          new Dl3046UseraddLongUid(),
          new Dl3047WgetProgress(),
          new Dl3048LabelKey(),
          new Dl3049LabelMissing(),
          new Dl3050SuperfluousLabel(),
          new Dl3051LabelEmpty(),
          new Dl3052LabelUrl(),
          new Dl3053LabelRfc3339(),
          new Dl3054LabelSpdx(),
          new Dl3055LabelGitHash(),
          new Dl3056LabelSemver(),
          new Dl3057HealthcheckMissing(),
          new Dl3058LabelEmail(),
          new Dl3059ConsecutiveRuns(),
          new Dl3060YarnCacheClean(),
          new Dl3061InstructionOrder(),
          new Dl3062GoPin(),
          new Dl3063ReservedStageName(),
          new Dl3064SecretInArgOrEnv(),
          new Dl3065RedundantTargetPlatform(),
          new Dl3066NumericUser(),
          new Dl3067CopyWholeStageRoot(),
          new Dl4000MaintainerDeprecated(),
          new Dl4001WgetOrCurl(),
          new Dl4003MultipleCmd(),
          new Dl4004MultipleEntrypoint(),
          new Dl4005UseShellInstruction(),
          new Dl4006Pipefail());

  public static List<LintRule> all() {
    return ALL;
  }

  /** The catalogue as SARIF and other reports list it. */
  public static List<RuleDescriptor> descriptors() {
    return ALL.stream().map(LintRule::descriptor).toList();
  }
}
