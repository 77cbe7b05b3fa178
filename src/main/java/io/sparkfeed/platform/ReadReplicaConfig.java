package io.sparkfeed.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read-only transactions on a streaming replica, when {@code sparkfeed.datasource.replica.url} is set (off by
 * default). The application's {@code DataSource} becomes Spring's {@link LazyConnectionDataSourceProxy} over the
 * primary's pool, with the replica's pool as its read-only data source: a transaction marked
 * {@code @Transactional(readOnly = true)} takes its connection from the replica, everything else (writes, and
 * statements outside a transaction: rate limits, locks, sessions) from the primary. Both pools take the
 * {@code spring.datasource.hikari.*} settings; {@code sparkfeed.datasource.replica.hikari.*} overrides them for the
 * replica, whose connections are read-only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sparkfeed.datasource.replica.url")
class ReadReplicaConfig {

    @Bean
    HikariDataSource primaryDataSource(DataSourceProperties properties, Environment environment) {
        HikariDataSource primary = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
        primary.setPoolName("primary");
        return primary;
    }

    @Bean
    HikariDataSource replicaDataSource(DataSourceProperties primary, Environment environment) {
        Binder binder = Binder.get(environment);
        HikariDataSource replica = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(environment.getRequiredProperty("sparkfeed.datasource.replica.url"))
                .username(environment.getProperty("sparkfeed.datasource.replica.username", primary.determineUsername()))
                .password(environment.getProperty("sparkfeed.datasource.replica.password", primary.determinePassword()))
                .build();
        binder.bind("spring.datasource.hikari", Bindable.ofInstance(replica));
        binder.bind("sparkfeed.datasource.replica.hikari", Bindable.ofInstance(replica));
        replica.setPoolName("replica");
        replica.setReadOnly(true);
        return replica;
    }

    @Bean
    @Primary
    DataSource dataSource(HikariDataSource primaryDataSource, HikariDataSource replicaDataSource) {
        LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primaryDataSource);
        routing.setReadOnlyDataSource(replicaDataSource);
        return routing;
    }
}
