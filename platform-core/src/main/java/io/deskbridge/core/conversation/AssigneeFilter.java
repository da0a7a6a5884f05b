package io.deskbridge.core.conversation;

/** The assignee part of an inbox query: anyone, nobody ("Unassigned"), or one agent ("Mine"). */
public record AssigneeFilter(Kind kind, Long agentId) {

  public enum Kind {
    ANY,
    NONE,
    AGENT
  }

  public static AssigneeFilter any() {
    return new AssigneeFilter(Kind.ANY, null);
  }

  public static AssigneeFilter none() {
    return new AssigneeFilter(Kind.NONE, null);
  }

  public static AssigneeFilter agent(long agentId) {
    return new AssigneeFilter(Kind.AGENT, agentId);
  }
}
