package dev.distill.pkgdb;

import java.util.Optional;

/**
 * A file a package ships, as its {@code md5sums} lists it, and whether the root filesystem holds it
 * (a distroless image keeps only part of a package). {@code sha1} and {@code sha256} are computed
 * when present.
 */
public record PackageFile(
    String path, String md5, boolean present, Optional<String> sha1, Optional<String> sha256) {}
