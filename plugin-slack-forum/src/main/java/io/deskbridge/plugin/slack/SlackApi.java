package io.deskbridge.plugin.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.RequestPacer;
import io.deskbridge.core.plugin.spi.RequestPacers;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Web API calls the module makes, through Slack's SDK pointed at the configured base URL. Slack
 * answers errors with HTTP 200 and {@code ok:false}; they become {@link SlackCallFailed} here, as do
 * 429s (with Slack's {@code Retry-After}) and network failures, so no caller forgets to look.
 */
final class SlackApi implements AutoCloseable {

  /** Errors a retry cannot fix: a wrong token, a missing scope, a channel the bot cannot post to. */
  private static final Set<String> PERMANENT = Set.of("not_authed", "invalid_auth", "account_inactive",
      "token_revoked", "token_expired", "missing_scope", "channel_not_found", "not_in_channel", "is_archived",
      "invalid_blocks", "msg_too_long", "no_text", "restricted_action", "cant_update_message", "invalid_name",
      "user_not_found");

  /** What chat.postMessage answered: where the question lives. */
  record Posted(String channel, String ts) {}

  private final Slack slack;
  private final MethodsClient methods;
  /** chat.postMessage: about one message a second per channel (bursts tolerated, not sustained). */
  private final RequestPacers pacers;

  SlackApi(SlackForumConfig config, RequestPacers pacers) {
    this.pacers = pacers;
    SlackConfig sdk = new SlackConfig();
    sdk.setMethodsEndpointUrlPrefix(config.baseUrl().toString());
    sdk.setPrettyResponseLoggingEnabled(false);
    // The SDK's own call statistics run background threads per instance and are not needed: the
    // outbox and the per-channel pacer already keep to Slack's limits.
    sdk.getMethodsConfig().setStatsEnabled(false);
    this.slack = Slack.getInstance(sdk);
    this.methods = slack.methods(config.botToken().reveal());
  }

  Posted post(String channel, String text, List<LayoutBlock> blocks) {
    var response = inTurn(channel, () -> call("chat.postMessage", () -> methods.chatPostMessage(
        r -> r.channel(channel).text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false))));
    return new Posted(response.getChannel(), response.getTs());
  }

  void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    call("chat.update", () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /** Adds the reaction; one that is already there is fine (a retried job). */
  void react(String channel, String ts, String name) {
    try {
      call("reactions.add", () -> methods.reactionsAdd(r -> r.channel(channel).timestamp(ts).name(name)));
    } catch (SlackCallFailed e) {
      if (!"reactions.add: already_reacted".equals(e.getMessage())) {
        throw e;
      }
    }
  }

  /** The name colleagues know a Slack user by: display name, else real name, else the handle. */
  Optional<String> userName(String userId) {
    var response = call("users.info", () -> methods.usersInfo(r -> r.user(userId)));
    var user = response.getUser();
    if (user == null) {
      return Optional.empty();
    }
    String display = user.getProfile() == null ? null : user.getProfile().getDisplayName();
    for (String name : new String[] {display, user.getRealName(), user.getName()}) {
      if (name != null && !name.isBlank()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** auth.test: the workspace and the bot's own user id. */
  String whoAmI() {
    var response = call("auth.test", () -> methods.authTest(r -> r));
    return response.getUser() + " in " + response.getTeam();
  }

  /** A post to a channel waits for the channel's turn: about one a second, bursts tolerated, not sustained. */
  private <T> T inTurn(String channel, RequestPacer.Call<T, RuntimeException> post) {
    try {
      return pacers.pacer("post:" + channel, 1).call(post);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallFailed(DeliveryResult.retry("interrupted while waiting for " + channel + "'s turn"));
    }
  }

  @FunctionalInterface
  private interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        String header = e.getResponse().header("Retry-After");
        long seconds = header == null ? 30 : Long.parseLong(header.trim());
        throw new SlackCallFailed(DeliveryResult.retryAfter(Duration.ofSeconds(seconds), method + ": ratelimited"));
      }
      throw new SlackCallFailed(status >= 500 ? DeliveryResult.retry(method + ": HTTP " + status)
          : DeliveryResult.failed(method + ": HTTP " + status));
    } catch (IOException e) {
      throw new SlackCallFailed(DeliveryResult.retry(method + ": " + e.getMessage()));
    }
    if (!response.isOk()) {
      String error = method + ": " + response.getError()
          + (response.getNeeded() == null ? "" : " (needs " + response.getNeeded() + ")");
      throw new SlackCallFailed(PERMANENT.contains(response.getError()) ? DeliveryResult.failed(error)
          : DeliveryResult.retry(error));
    }
    return response;
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (Exception e) {
      // Closing only releases the SDK's thread pools; nothing to report to the tenant.
    }
  }
}
