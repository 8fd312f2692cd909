package dev.distill.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distill.DistillException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads OpenVEX documents: statements whose status is {@code not_affected} (with a justification or
 * impact statement, as the spec requires) or {@code fixed} become suppressions for their products
 * (purls or package names; none = every package). Statements may carry an {@code expires} date (a
 * distill extension; OpenVEX has none), after which they no longer apply.
 */
public final class OpenVex {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> STATUSES =
      Set.of("not_affected", "affected", "fixed", "under_investigation");
  private static final Set<String> JUSTIFICATIONS =
      Set.of(
          "component_not_present",
          "vulnerable_code_not_present",
          "vulnerable_code_not_in_execute_path",
          "vulnerable_code_cannot_be_controlled_by_adversary",
          "inline_mitigations_already_exist");

  private OpenVex() {}

  public static List<Suppression> read(Path file) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new DistillException(
          "VEX file " + file + " is not JSON (" + firstLine(e) + "); give an OpenVEX document", e);
    }
    return parse(doc, file.toString());
  }

  public static List<Suppression> parse(JsonNode doc, String origin) {
    if (doc == null
        || !doc.isObject()
        || !doc.path("@context").asText("").startsWith("https://openvex.dev/ns")
        || !doc.path("statements").isArray()) {
      throw new DistillException(
          "VEX file "
              + origin
              + " is not an OpenVEX document: it needs an @context of https://openvex.dev/ns/…"
              + " and a statements array");
    }
    List<Suppression> out = new ArrayList<>();
    int i = 0;
    for (JsonNode st : doc.path("statements")) {
      String where = origin + " statement " + i++;
      JsonNode v = st.path("vulnerability");
      String id = v.isTextual() ? v.asText() : v.path("name").asText("");
      if (id.isBlank()) {
        throw new DistillException(where + ": no vulnerability name");
      }
      String status = st.path("status").asText("");
      if (!STATUSES.contains(status)) {
        throw new DistillException(
            where + ": status '" + status + "' is not one of " + String.join(", ", STATUSES));
      }
      String justification = st.path("justification").asText("");
      String impact = st.path("impact_statement").asText("");
      if (status.equals("not_affected")) {
        if (justification.isEmpty() && impact.isEmpty()) {
          throw new DistillException(
              where + ": a not_affected statement needs a justification or impact_statement");
        }
        if (!justification.isEmpty() && !JUSTIFICATIONS.contains(justification)) {
          throw new DistillException(where + ": unknown justification '" + justification + "'");
        }
      }
      if (!status.equals("not_affected") && !status.equals("fixed")) {
        continue;
      }
      Optional<LocalDate> expires = expiry(st, where);
      String reason =
          "VEX "
              + status
              + (justification.isEmpty() ? "" : " (" + justification + ")")
              + (impact.isEmpty() ? "" : ": " + impact);
      List<String> products = new ArrayList<>();
      for (JsonNode p : st.path("products")) {
        String pid = p.isTextual() ? p.asText() : p.path("@id").asText("");
        if (!pid.isEmpty()) {
          products.add(pid);
        }
        for (JsonNode sub : p.path("subcomponents")) {
          String sid = sub.isTextual() ? sub.asText() : sub.path("@id").asText("");
          if (!sid.isEmpty()) {
            products.add(sid);
          }
        }
      }
      if (products.isEmpty()) {
        out.add(new Suppression(id, Optional.empty(), reason, expires, where));
      }
      for (String p : products) {
        out.add(new Suppression(id, Optional.of(p), reason, expires, where));
      }
    }
    return List.copyOf(out);
  }

  private static Optional<LocalDate> expiry(JsonNode st, String where) {
    String e = st.path("expires").asText("");
    if (e.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          e.length() == 10 ? LocalDate.parse(e) : OffsetDateTime.parse(e).toLocalDate());
    } catch (DateTimeParseException ex) {
      throw new DistillException(where + ": expires '" + e + "' is not an ISO date");
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.split("\n")[0];
  }
}
