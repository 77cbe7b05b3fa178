package io.sparkfeed.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares, whatever issues them (Hibernate, JdbcClient, Spring Data),
 * MockMvc handles a request on the test's own thread, so a test can assert how many statements a page cost.
 */
public final class StatementCounter {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private static final ThreadLocal<List<String>> SQL = ThreadLocal.withInitial(ArrayList::new);

    /**
     * The session's own statements (Spring Session's tables) are listed but not counted: a page's budget is what the
     * page reads, and a session costs every signed-in request the same (see SessionStoreTests). MockMvc's signed-in
     * requests ({@code .with(user(...))}) even open a new session each time, which no browser does.
     */
    private static final Pattern SESSION_TABLES = Pattern.compile("(?i)\\bspring_session");

    private StatementCounter() {}

    public static void reset() {
        COUNT.get()[0] = 0;
        SQL.get().clear();
    }

    /** The SQL of the statements counted since the last reset (those prepared with their text), in order. */
    public static List<String> statements() {
        return List.copyOf(SQL.get());
    }

    public static int count() {
        return COUNT.get()[0];
    }

    /** Wraps the application's DataSource. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "";
                    if (!SESSION_TABLES.matcher(sql).find()) {
                        COUNT.get()[0]++;
                    }
                    SQL.get().add(sql);
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getTargetException();
                }
            };
            return (Connection) Proxy.newProxyInstance(
                    StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }
    }
}
