package dev.distill.lint;

import java.util.List;

/**
 * One build stage: its FROM (null for instructions before the first FROM), the image or stage it
 * starts from, its alias, the earlier stage it builds on (if {@code FROM <alias>}), and its
 * instructions after the FROM.
 */
public record Stage(
    int index,
    Instruction from,
    String image,
    String alias,
    Stage parent,
    List<Instruction> instructions) {

  public Stage {
    instructions = List.copyOf(instructions);
  }

  /** This stage and its ancestors (the stages it builds on), nearest first. */
  public List<Stage> lineage() {
    java.util.ArrayList<Stage> out = new java.util.ArrayList<>();
    for (Stage s = this; s != null; s = s.parent()) {
      out.add(s);
    }
    return out;
  }
}
