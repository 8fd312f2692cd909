package dev.distill.image;

import dev.distill.fs.EntryType;

/**
 * One path of a flattened image as {@code distill inspect} lists it: type, permission bits, numeric
 * owner, size of a regular file, link target, and the index of the layer (0 = bottom) that last
 * wrote it.
 */
public record ImageFile(
    String path,
    EntryType type,
    int mode,
    long uid,
    long gid,
    long size,
    String linkTarget,
    int layer) {}
