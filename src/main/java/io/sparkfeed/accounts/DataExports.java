package io.sparkfeed.accounts;

import io.sparkfeed.platform.SparkfeedProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Your data": a person asks for an export at {@code /me/data}; an instance claims it ({@code FOR UPDATE SKIP
 * LOCKED}) and writes a ZIP of every module's part ({@link PersonalData}) into {@code <data-dir>/exports}, moving
 * its progress after each part; the owner downloads it for {@link #KEEP} and then it is deleted. One export at a
 * time per account (a partial unique index), and asking is rate-limited. A claim lasts {@link #CLAIM}: an export
 * whose instance stopped is taken again by the next run.
 */
@Service
public class DataExports {

    public static final Duration KEEP = Duration.ofDays(7);
    static final Duration CLAIM = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(DataExports.class);
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final JdbcClient jdbc;
    private final List<PersonalData> parts;
    private final Path folder;
    private final Clock clock;

    DataExports(JdbcClient jdbc, List<PersonalData> parts, SparkfeedProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.parts =
                parts.stream().sorted(Comparator.comparing(PersonalData::name)).toList();
        this.folder = properties.dataDir().resolve("exports");
        this.clock = clock;
    }

    /** Asks for an export; refused while one is being built. */
    @Transactional
    public void request(long accountId) {
        try {
            jdbc.sql("""
                            insert into data_exports (account_id, status, parts_total, requested_at)
                            values (?, 'PENDING', ?, ?)""")
                    .params(accountId, parts.size(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException busy) {
            throw new AccountRejectedException("export", "data.export.busy");
        }
    }

    /** The account's newest export, if any. */
    @Transactional(readOnly = true)
    public Optional<DataExport> latest(long accountId) {
        return jdbc.sql("""
                        select id, status, parts_done, parts_total, requested_at, expires_at, size_bytes
                        from data_exports where account_id = ? order by id desc limit 1""").param(accountId).query(DataExports::export).optional();
    }

    /** The file of the owner's export while it is offered; empty for anyone else's, or an expired one. */
    @Transactional(readOnly = true)
    public Optional<Path> file(long accountId, long exportId) {
        return jdbc.sql("""
                        select file_name from data_exports
                        where id = ? and account_id = ? and status = 'READY' and expires_at > ?""")
                .params(exportId, accountId, Timestamp.from(clock.instant()))
                .query(String.class)
                .optional()
                .map(folder::resolve)
                .filter(Files::isRegularFile);
    }

    /** Builds the exports that are waiting, one at a time; returns how many were built. */
    public int buildPending() {
        int built = 0;
        Optional<long[]> claimed;
        while ((claimed = claim()).isPresent()) {
            build(claimed.get()[0], claimed.get()[1]);
            built++;
        }
        return built;
    }

    /** Deletes the files of exports past their seven days; returns how many. */
    @Transactional
    public int expire() {
        List<String> files = jdbc.sql("""
                        with expired as (
                            select id, file_name from data_exports
                            where status = 'READY' and expires_at <= ?
                            for update skip locked)
                        update data_exports d set status = 'EXPIRED', file_name = null
                        from expired e where d.id = e.id
                        returning e.file_name""")
                .param(Timestamp.from(clock.instant()))
                .query(String.class)
                .list();
        for (String file : files) {
            delete(folder.resolve(file));
        }
        return files.size();
    }

    /** Deletes every export of an account being deleted, rows and files, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(long accountId) {
        jdbc
                .sql("delete from data_exports where account_id = ? returning file_name")
                .param(accountId)
                .query(String.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .forEach(file -> delete(folder.resolve(file)));
    }

    private Optional<long[]> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update data_exports set status = 'RUNNING', claimed_until = :until, parts_done = 0
                        where id = (select id from data_exports
                                    where status = 'PENDING' or (status = 'RUNNING' and claimed_until < :now)
                                    order by id limit 1 for update skip locked)
                        returning id, account_id""")
                .param("until", Timestamp.from(now.plus(CLAIM)))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
    }

    private void build(long exportId, long accountId) {
        String name = "sparkfeed-" + exportId + "-" + HexFormat.of().formatHex(random(12)) + ".zip";
        Path file = folder.resolve(name);
        Path partial = folder.resolve(name + ".part");
        try {
            Files.createDirectories(folder);
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipSink sink = new ZipSink(zip);
                int done = 0;
                for (PersonalData part : parts) {
                    part.export(accountId, sink);
                    done++;
                    jdbc.sql("update data_exports set parts_done = ? where id = ?")
                            .params(done, exportId)
                            .update();
                }
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            Instant now = clock.instant();
            int updated = jdbc.sql("""
                            update data_exports set status = 'READY', finished_at = ?, expires_at = ?, file_name = ?,
                                                    size_bytes = ?, claimed_until = null
                            where id = ? and status = 'RUNNING'""")
                    .params(Timestamp.from(now), Timestamp.from(now.plus(KEEP)), name, Files.size(file), exportId)
                    .update();
            if (updated == 0) {
                delete(file); // the account is gone, or another instance finished it meanwhile
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Data export #{} of account {} failed: {}", exportId, accountId, e.toString());
            delete(partial);
            delete(file);
            jdbc.sql("update data_exports set status = 'FAILED', claimed_until = null where id = ?")
                    .param(exportId)
                    .update();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static DataExport export(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new DataExport(
                rs.getLong("id"),
                DataExport.Status.valueOf(rs.getString("status")),
                rs.getInt("parts_done"),
                rs.getInt("parts_total"),
                rs.getTimestamp("requested_at").toInstant(),
                expires == null ? null : expires.toInstant(),
                (Long) rs.getObject("size_bytes"));
    }

    /** Writes the parts into the ZIP; entry names are checked, since they come from the parts. */
    private record ZipSink(ZipOutputStream zip) implements PersonalData.Sink {

        @Override
        public void json(String name, Object value) throws IOException {
            entry(name + ".json");
            zip.write(JSON.writeValueAsBytes(value));
            zip.closeEntry();
        }

        @Override
        public void file(String path, PersonalData.Content content) throws IOException {
            entry(path);
            content.writeTo(zip);
            zip.closeEntry();
        }

        private void entry(String path) throws IOException {
            if (!path.matches("[a-z]+(/[a-z0-9_-]+)?\\.[a-z]{2,4}")) {
                throw new IllegalArgumentException("Not an export entry: " + path);
            }
            zip.putNextEntry(new ZipEntry(path));
        }
    }
}
