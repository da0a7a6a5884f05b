package io.deskbridge.plugin.jira;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * What an escalated issue says about the conversation: the agent's own words, the facts (customer,
 * plan, category), the link to the dialog and the selected messages. Cloud needs it as an Atlassian
 * Document (a plain string is a 400 there); Data Center takes wiki markup.
 *
 * @param facts lines such as "Customer: Ada"
 * @param messages lines such as "Customer Ada, 2026-11-27 10:00 UTC: I cannot log in"
 */
record IssueDescription(String agentText, List<String> facts, String dialogTitle, String dialogUrl,
    List<String> messages) {

  JsonObject adf() {
    JsonArrayBuilder content = Json.createArrayBuilder();
    if (agentText != null && !agentText.isBlank()) {
      agentText.lines().filter(l -> !l.isBlank()).forEach(l -> content.add(paragraph(text(l))));
    }
    facts.forEach(f -> content.add(paragraph(text(f))));
    content.add(paragraph(Json.createObjectBuilder().add("type", "text").add("text", dialogTitle)
        .add("marks", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "link")
            .add("attrs", Json.createObjectBuilder().add("href", dialogUrl))))));
    if (!messages.isEmpty()) {
      content.add(Json.createObjectBuilder().add("type", "heading")
          .add("attrs", Json.createObjectBuilder().add("level", 3))
          .add("content", Json.createArrayBuilder().add(text("Messages"))));
      // ADF refuses empty text nodes, and a message may be only an attachment.
      messages.stream().filter(m -> !m.isBlank()).forEach(m -> content.add(paragraph(text(m))));
    }
    return Json.createObjectBuilder().add("type", "doc").add("version", 1).add("content", content).build();
  }

  /** Messages go in a noformat block: customers' asterisks and braces are not wiki markup. */
  String wiki() {
    StringBuilder s = new StringBuilder();
    if (agentText != null && !agentText.isBlank()) {
      s.append(agentText.strip()).append("\n\n");
    }
    facts.forEach(f -> s.append(f).append('\n'));
    s.append('[').append(dialogTitle.replace("|", "/").replace("]", ")")).append('|').append(dialogUrl)
        .append("]\n");
    if (!messages.isEmpty()) {
      s.append("\nh3. Messages\n{noformat}\n");
      messages.forEach(m -> s.append(m.replace("{noformat}", "(noformat)")).append("\n\n"));
      s.append("{noformat}\n");
    }
    return s.toString();
  }

  private static JsonObject paragraph(jakarta.json.JsonObjectBuilder inline) {
    return Json.createObjectBuilder().add("type", "paragraph")
        .add("content", Json.createArrayBuilder().add(inline)).build();
  }

  private static jakarta.json.JsonObjectBuilder text(String text) {
    return Json.createObjectBuilder().add("type", "text").add("text", text);
  }
}
