package dev.distill.build;

import dev.distill.image.ImageConfig;
import dev.distill.image.Platform;
import dev.distill.spec.ImageSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pipeline step "image config": the OCI config of a spec — User, Entrypoint, Cmd, Env (PATH and
 * SSL_CERT_FILE first), ExposedPorts, WorkingDir, StopSignal and {@code org.opencontainers.image.*}
 * labels. The layer's diff_ids are added when the layer is written.
 */
public final class ImageConfigStep {
  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

  private ImageConfigStep() {}

  public static ImageConfig config(
      ImageSpec spec, String release, Platform platform, Instant created) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    if (spec.caCertificates()) {
      env.put("SSL_CERT_FILE", CA_BUNDLE);
    }
    env.putAll(new java.util.TreeMap<>(spec.env()));
    List<String> envList = new ArrayList<>();
    env.forEach((k, v) -> envList.add(k + "=" + v));

    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", spec.name());
    if (!spec.description().isEmpty()) {
      labels.put("org.opencontainers.image.description", spec.description());
    }
    labels.put("org.opencontainers.image.created", created.toString());
    labels.put("org.opencontainers.image.base.name", "debian:" + release);
    labels.put("dev.distill.release", release);
    labels.putAll(spec.labels());

    TreeSet<String> ports = new TreeSet<>();
    for (String p : spec.ports()) {
      ports.add(p.contains("/") ? p : p + "/tcp");
    }
    ImageConfig.Builder b =
        ImageConfig.builder(platform)
            .created(created)
            .user(spec.runAs().configValue())
            .entrypoint(spec.entrypoint())
            .cmd(spec.cmd())
            .env(envList)
            .exposedPorts(ports)
            .workingDir(spec.workdir())
            .labels(labels)
            .volumes(new TreeSet<>(spec.volumes()));
    spec.stopSignal().ifPresent(b::stopSignal);
    return b.build();
  }
}
