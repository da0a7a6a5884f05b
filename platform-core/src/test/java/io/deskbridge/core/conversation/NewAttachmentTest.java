package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file arriving with a message is checked before anything is stored. */
class NewAttachmentTest {

  private static final String FIELD = "attachments[0]";
  private static final long LIMIT = 10;

  private static NewAttachment file(String name, String contentType, int size) {
    return new NewAttachment(name, contentType, new byte[size]);
  }

  private static List<String> failingFields(NewAttachment file) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> file.validate(FIELD, LIMIT));
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void fileWithinTheLimitIsAccepted() {
    assertDoesNotThrow(() -> file("log.txt", "text/plain", 10).validate(FIELD, LIMIT));
    assertDoesNotThrow(() -> file("photo.svg", "image/svg+xml", 0).validate(FIELD, LIMIT));
  }

  @Test
  void fileOverTheLimitIsRefused() {
    assertEquals(List.of("attachments[0].data"), failingFields(file("log.txt", "text/plain", 11)));
  }

  @Test
  void missingContentIsRefused() {
    assertEquals(List.of("attachments[0].data"), failingFields(new NewAttachment("log.txt", "text/plain", null)));
  }

  @Test
  void malformedContentTypeIsRefused() {
    assertEquals(List.of("attachments[0].contentType"), failingFields(file("log.txt", "text", 1)));
    assertEquals(List.of("attachments[0].contentType"), failingFields(file("log.txt", "text/plain; charset=utf-8", 1)));
  }

  @Test
  void missingNameIsRefused() {
    assertEquals(List.of("attachments[0].name"), failingFields(file(" ", "text/plain", 1)));
    assertEquals(List.of("attachments[0].name"), failingFields(file(null, "text/plain", 1)));
  }

  @Test
  void everyProblemOfOneFileIsReported() {
    assertEquals(List.of("attachments[0].name", "attachments[0].contentType", "attachments[0].data"),
        failingFields(file(null, "bad type", 11)));
  }

  @Test
  void fileWithoutContentTypeIsStoredAsOctetStream() {
    NewAttachment file = file("dump.bin", null, 1);

    assertDoesNotThrow(() -> file.validate(FIELD, LIMIT));
    assertEquals("application/octet-stream", file.contentType());
    assertEquals("image/png", file("a.png", "image/png", 1).contentType());
  }
}
