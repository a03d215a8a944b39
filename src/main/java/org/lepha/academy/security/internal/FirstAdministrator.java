package org.lepha.academy.security.internal;

import java.util.Locale;
import java.util.Set;

import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.PasswordPolicy;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production (no demo data) the first administrator comes from {@code ADMIN_USERNAME}
 * and {@code ADMIN_PASSWORD}; it is created only while no administrator exists, so the
 * variables can be removed after the first start.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAccountService accounts;

	private final PasswordPolicy policy;

	private final UiTranslationProvider strings;

	private final String username;

	private final String password;

	FirstAdministrator(UserAccountService accounts, PasswordPolicy policy, UiTranslationProvider strings,
			@Value("${app.admin.username:}") String username, @Value("${app.admin.password:}") String password) {
		this.accounts = accounts;
		this.policy = policy;
		this.strings = strings;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (username.isBlank() || password.isBlank()) {
			return;
		}
		SystemAccess.asAdministrator(() -> {
			if (!accounts.hasAnyUserWithRole(Role.ADMIN)) {
				// The same policy as every other password, with the reason in English for
				// the
				// operator reading the start-up log.
				policy.check(username, password).ifPresent((reason) -> {
					throw new IllegalStateException("ADMIN_PASSWORD is refused: "
							+ strings.getTranslation(reason, Locale.ENGLISH, PasswordPolicy.MIN_LENGTH));
				});
				accounts.createUser(new NewUser(username, username, null, Locale.ENGLISH, Set.of(Role.ADMIN), null,
						password, false));
				log.info("Created the first administrator '{}' from ADMIN_USERNAME", username);
			}
			return null;
		});
	}

}
