package org.lepha.academy.security.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Users and their roles in {@code app_user} and {@code user_role}.
 */
@Repository
public class UserAccountRepository {

	private final JdbcClient jdbc;

	public UserAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored user with the hash, only for authentication. */
	public record StoredUser(UserAccount account, String passwordHash) {
	}

	public Optional<StoredUser> findByUsername(String username) {
		return jdbc.sql("""
				SELECT id, username, full_name, email, preferred_locale, academy_id, enabled, must_change_password,
				       password_hash
				FROM app_user WHERE username = ?""")
			.param(username)
			.query((rs, n) -> new StoredUser(mapAccount(rs, n), rs.getString("password_hash")))
			.optional()
			.map((stored) -> new StoredUser(withRoles(stored.account()), stored.passwordHash()));
	}

	public Optional<UserAccount> findById(long id) {
		return jdbc.sql("""
				SELECT id, username, full_name, email, preferred_locale, academy_id, enabled, must_change_password
				FROM app_user WHERE id = ?""").param(id).query(this::mapAccount).optional().map(this::withRoles);
	}

	public List<UserAccount> findAll() {
		Map<Long, Set<Role>> roles = allRoles();
		return jdbc.sql("""
				SELECT id, username, full_name, email, preferred_locale, academy_id, enabled, must_change_password
				FROM app_user ORDER BY username""")
			.query(this::mapAccount)
			.list()
			.stream()
			.map((a) -> copyWithRoles(a, roles.getOrDefault(a.id(), Set.of())))
			.toList();
	}

	public long insert(NewUser user, String passwordHash) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO app_user (username, full_name, email, password_hash, preferred_locale, academy_id,
				                      enabled, must_change_password)
				VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)""")
			.params(user.username(), user.fullName(), user.email(), passwordHash, user.locale().toLanguageTag(),
					user.academyId(), user.mustChangePassword())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Role role : user.roles()) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		return id;
	}

	public void updateLocale(long userId, Locale locale) {
		jdbc.sql("UPDATE app_user SET preferred_locale = ? WHERE id = ?")
			.params(locale.toLanguageTag(), userId)
			.update();
	}

	public boolean dataSaver(long userId) {
		return jdbc.sql("SELECT data_saver FROM app_user WHERE id = ?")
			.params(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void updateDataSaver(long userId, boolean on) {
		jdbc.sql("UPDATE app_user SET data_saver = ? WHERE id = ?").params(on, userId).update();
	}

	public void updatePassword(long userId, String passwordHash, boolean mustChange) {
		jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = ? WHERE id = ?")
			.params(passwordHash, mustChange, userId)
			.update();
	}

	/**
	 * Deactivates or reactivates an account; returns whether it changed (false when it
	 * already was in that state).
	 */
	public boolean setEnabled(long userId, boolean enabled, java.time.Instant when) {
		return jdbc.sql("""
				UPDATE app_user SET enabled = ?, deactivated_at = ?
				WHERE id = ? AND enabled <> ?""")
			.params(enabled, enabled ? null : java.sql.Timestamp.from(when), userId, enabled)
			.update() > 0;
	}

	/** How many enabled accounts hold the role. */
	public long countEnabledWithRole(Role role) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM user_role r JOIN app_user u ON u.id = r.user_id
				WHERE r.role = ? AND u.enabled""").param(role.name()).query(Long.class).single();
	}

	public boolean anyWithRole(Role role) {
		return jdbc.sql("SELECT COUNT(*) FROM user_role WHERE role = ?")
			.param(role.name())
			.query(Long.class)
			.single() > 0;
	}

	public Set<String> existingUsernames(Set<String> candidates) {
		if (candidates.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT username FROM app_user WHERE username IN (:names)")
			.param("names", candidates)
			.query(String.class)
			.list());
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	public Set<Locale> translatorLocales(long userId) {
		return Set.copyOf(jdbc.sql("SELECT locale FROM translator_locale WHERE user_id = ? ORDER BY locale")
			.param(userId)
			.query((rs, n) -> Locale.forLanguageTag(rs.getString(1)))
			.list());
	}

	public void addTranslatorLocale(long userId, Locale locale) {
		jdbc.sql("INSERT IGNORE INTO translator_locale (user_id, locale) VALUES (?, ?)")
			.params(userId, locale.toLanguageTag())
			.update();
	}

	private UserAccount mapAccount(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
				rs.getString("email"), Locale.forLanguageTag(rs.getString("preferred_locale")), Set.of(),
				rs.getObject("academy_id", Long.class), rs.getBoolean("enabled"),
				rs.getBoolean("must_change_password"));
	}

	private UserAccount withRoles(UserAccount account) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("SELECT role FROM user_role WHERE user_id = ?")
			.param(account.id())
			.query((rs, n) -> Role.valueOf(rs.getString(1)))
			.list()
			.forEach(roles::add);
		return copyWithRoles(account, roles);
	}

	private Map<Long, Set<Role>> allRoles() {
		Map<Long, Set<Role>> map = new HashMap<>();
		jdbc.sql("SELECT user_id, role FROM user_role").query((rs) -> {
			map.computeIfAbsent(rs.getLong(1), (k) -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
		});
		return map;
	}

	private static UserAccount copyWithRoles(UserAccount a, Set<Role> roles) {
		return new UserAccount(a.id(), a.username(), a.fullName(), a.email(), a.locale(), roles, a.academyId(),
				a.enabled(), a.mustChangePassword());
	}

}
