package dev.distill.lint;

import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile: its parser directives ({@code syntax}, {@code escape}…), the comments
 * outside instructions, and the instructions in order.
 */
public record Dockerfile(
    String path,
    Map<String, String> directives,
    List<Comment> comments,
    List<Instruction> instructions) {
  public Dockerfile {
    directives = Map.copyOf(directives);
    comments = List.copyOf(comments);
    instructions = List.copyOf(instructions);
  }
}
