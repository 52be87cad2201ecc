package jp.jukiflow.municipality.internal;

import java.time.Clock;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;

import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.municipality.YearEndClosure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business calendar every deadline uses, on the application's clock. The year-end closure comes from the
 * municipalities' 休日条例, so it is a setting ({@code jukiflow.calendar.year-end-closure}, default 12-29..01-03).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    @Bean
    BusinessCalendar businessCalendar(Clock clock,
                                      @Value("${jukiflow.calendar.year-end-closure.first:12-29}") String first,
                                      @Value("${jukiflow.calendar.year-end-closure.last:01-03}") String last) {
        return new BusinessCalendar(clock, new YearEndClosure(MonthDay.parse(first, MONTH_DAY), MonthDay.parse(last, MONTH_DAY)));
    }
}
