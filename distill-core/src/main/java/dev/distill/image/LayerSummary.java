package dev.distill.image;

/**
 * What a reader learned about one layer: its blob descriptor, its diff_id (sha256 of the
 * uncompressed tar, verified), the uncompressed size and how many tar entries it holds.
 */
public record LayerSummary(
    Descriptor descriptor, Digest diffId, long uncompressedSize, int entryCount) {}
