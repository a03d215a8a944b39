package org.lepha.academy.base.db;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. With {@code url} set (environment variable {@code DB_URL}) the
 * app uses that external MariaDB; otherwise it starts an embedded one with its data under
 * {@code dataDir}.
 */
@ConfigurationProperties("app.db")
public record DatabaseProperties(String url, String user, String password, @DefaultValue("data") Path dataDir,
		@DefaultValue("0") int embeddedPort, @DefaultValue("20") int poolSize,
		@DefaultValue("3s") Duration connectionTimeout) {

	public boolean external() {
		return url != null && !url.isBlank();
	}

}
