package io.deskbridge.core.conversation;

/**
 * The five steps of answering a complaint (handbook 004), in the order they must happen: the apology
 * comes only after thanking and explaining why the complaint matters.
 */
public enum ComplaintStep {
  THANKED,
  EXPLAINED,
  APOLOGISED,
  ACTING,
  ANSWERED
}
