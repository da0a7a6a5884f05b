package io.deskbridge.core.sla;

/**
 * What an SLA target is counted in. Wall-clock units (minutes, hours, calendar days) ignore the
 * tenant's opening hours; business units count only open time (handbook 003: "4 business hours").
 * Each unit caps its amount at about a year, which keeps every calculation bounded.
 */
public enum SlaUnit {
  /** For short targets and for trying a policy out; a helpdesk promise is rarely under a minute. */
  SECONDS(TimeMeasure.WALL_CLOCK, 366L * 24 * 60 * 60),
  MINUTES(TimeMeasure.WALL_CLOCK, 366L * 24 * 60),
  HOURS(TimeMeasure.WALL_CLOCK, 366L * 24),
  BUSINESS_HOURS(TimeMeasure.BUSINESS, 366L * 24),
  BUSINESS_DAYS(TimeMeasure.BUSINESS, 366),
  CALENDAR_DAYS(TimeMeasure.WALL_CLOCK, 366);

  private final TimeMeasure measure;
  private final long maxAmount;

  SlaUnit(TimeMeasure measure, long maxAmount) {
    this.measure = measure;
    this.maxAmount = maxAmount;
  }

  public boolean isBusinessTime() {
    return measure == TimeMeasure.BUSINESS;
  }

  public long maxAmount() {
    return maxAmount;
  }

  TimeMeasure measure() {
    return measure;
  }
}
