package dev.distill.secrets;

/** A file's path and bytes, e.g. a file inside an image layer. */
public record NamedContent(String path, byte[] content) {}
