package io.deskbridge.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The agent app in a real browser: a wrong password is refused in words, the right one signs in. */
@ExtendWith(DeskbridgeServer.class)
class AgentAppSignInIT {

  static Api api;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
  }

  @Test
  void anAgentSignsInAfterAWrongPasswordAndSignsOut() {
    TestTenant t = TestTenant.create(api, "signin");
    try (Browser browser = Browser.open(api.baseUrl())) {
      browser.go("/app/?tenant=" + t.slug());
      browser.type(By.name("email"), "agent@" + t.slug() + ".test");
      browser.type(By.name("password"), "not the password");
      browser.click(By.cssSelector("#login-form button[type=submit]"));
      assertTrue(browser.find(By.cssSelector("#login-form .form-error")).getText()
          .contains("Wrong workspace, email or password."));

      browser.type(By.name("password"), TestTenant.PASSWORD);
      browser.click(By.cssSelector("#login-form button[type=submit]"));
      assertEquals("Ivan Agent", browser.find(By.cssSelector("header.top .who")).getText());

      browser.click(By.id("sign-out"));
      browser.find(By.id("login-form"));
    }
  }
}
