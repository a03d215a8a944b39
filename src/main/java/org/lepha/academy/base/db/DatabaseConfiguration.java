package org.lepha.academy.base.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One data source, pointed either at the external MariaDB given by {@code DB_URL} or at
 * the embedded one. Schema changes come only from Liquibase.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	@Bean
	@ConditionalOnExpression("'${app.db.url:}'.isBlank()")
	EmbeddedMariaDb embeddedMariaDb(DatabaseProperties properties) {
		return EmbeddedMariaDb.startShared(properties.dataDir().toAbsolutePath(), properties.embeddedPort());
	}

	@Bean
	DataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedMariaDb> embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("academy");
		if (properties.external()) {
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		else {
			config.setJdbcUrl(embedded.getObject().jdbcUrl());
			config.setUsername("root");
		}
		config.setMaximumPoolSize(properties.poolSize());
		// A short timeout turns a lost database into a quick, clear message for the user
		// instead of a request that hangs for half a minute.
		config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		config.setValidationTimeout(Math.min(properties.connectionTimeout().toMillis(), 2000));
		config.setKeepaliveTime(60_000);
		config.addDataSourceProperty("connectTimeout", String.valueOf(properties.connectionTimeout().toMillis()));
		return new HikariDataSource(config);
	}

}
