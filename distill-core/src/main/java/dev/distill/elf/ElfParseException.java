package dev.distill.elf;

import dev.distill.DistillException;

/** A file is not ELF, or its ELF structures are truncated or inconsistent. */
public class ElfParseException extends DistillException {
  private static final long serialVersionUID = 1L;

  private final String file;

  public ElfParseException(String file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** The name of the file that could not be read. */
  public String file() {
    return file;
  }
}
