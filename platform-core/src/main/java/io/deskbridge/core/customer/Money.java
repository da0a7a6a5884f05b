package io.deskbridge.core.customer;

import io.deskbridge.core.shared.Validation;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in one currency, e.g. a customer's lifetime value. Never a float. */
@Embeddable
public class Money {

  @Column(name = "ltv_amount", precision = 19, scale = 2)
  private BigDecimal amount;

  @Column(name = "ltv_currency", length = 3)
  private String currency;

  protected Money() {}

  public Money(BigDecimal amount, String currency) {
    new Validation()
        .check(amount != null && amount.signum() >= 0, "ltv.amount", "must be zero or more")
        .check(isCurrency(currency), "ltv.currency", "must be an ISO 4217 code such as USD or RUB")
        .orThrow();
    this.currency = currency;
    this.amount = amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static boolean isCurrency(String code) {
    return code != null && Currency.getAvailableCurrencies().stream()
        .anyMatch(c -> c.getCurrencyCode().equals(code));
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m
        && Objects.equals(amount, m.amount)
        && Objects.equals(currency, m.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, currency);
  }

  @Override
  public String toString() {
    return amount + " " + currency;
  }
}
