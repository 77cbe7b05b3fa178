package io.sparkfeed.collections;

import io.sparkfeed.platform.UserFacingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's alert settings: the drop that makes an alert, and whether alerts come by mail too. */
@Service
public class Alerts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Alerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AlertSettings settings(long accountId) {
        return jdbc.sql("select threshold_percent, email, language from alert_settings where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new AlertSettings(rs.getInt(1), rs.getBoolean(2), rs.getString(3)))
                .optional()
                .orElseGet(AlertSettings::defaults);
    }

    /** Saves the settings; mails come in {@code locale}'s language (English or French). */
    @Transactional
    public void change(long accountId, int thresholdPercent, boolean email, Locale locale) {
        if (thresholdPercent < AlertSettings.MIN_THRESHOLD || thresholdPercent > AlertSettings.MAX_THRESHOLD) {
            throw new UserFacingException(
                    "alerts.threshold.invalid", AlertSettings.MIN_THRESHOLD, AlertSettings.MAX_THRESHOLD);
        }
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        jdbc.sql("""
                        insert into alert_settings (account_id, threshold_percent, email, language, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (account_id) do update set threshold_percent = excluded.threshold_percent,
                            email = excluded.email, language = excluded.language, updated_at = excluded.updated_at""")
                .params(accountId, thresholdPercent, email, language, Timestamp.from(clock.instant()))
                .update();
    }
}
