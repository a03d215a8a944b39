package org.lepha.academy.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.lepha.academy.security.SignInLock;

import org.lepha.academy.base.text.TextLimits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses logins for 15 minutes after 5 failed attempts within 15 minutes, counted per
 * account name and per client address separately. Failures are kept in the database, so
 * the count holds across restarts and across several server nodes. Unknown user names are
 * counted like known ones, so the throttle tells an attacker nothing about which accounts
 * exist.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	public LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** When the account or address may try again, if it is locked now. */
	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(String username, String clientAddress) {
		Instant now = clock.instant();
		Optional<Instant> byUser = lockedUntil(failureTimes("username", key(username), now), now);
		Optional<Instant> byAddress = lockedUntil(failureTimes("client_address", clientAddress, now), now);
		return byUser.isEmpty() ? byAddress
				: byAddress.map((a) -> a.isAfter(byUser.get()) ? a : byUser.get()).or(() -> byUser);
	}

	@Transactional
	public void recordFailure(String username, String clientAddress) {
		jdbc.sql("INSERT INTO login_failure (username, client_address, failed_at) VALUES (?, ?, ?)")
			.params(key(username), clientAddress, Timestamp.from(clock.instant()))
			.update();
	}

	/** A successful login clears the account's count (not the address's). */
	@Transactional
	public void recordSuccess(String username) {
		jdbc.sql("DELETE FROM login_failure WHERE username = ?").param(key(username)).update();
	}

	/**
	 * The name failures are counted under: what the form sent, cut to the longest user
	 * name there is. A megabyte typed as a user name is then stored (and compared) as 64
	 * characters instead of failing the insert ("Data too long") or being held whole.
	 */
	static String key(String username) {
		return username.length() <= TextLimits.USERNAME ? username : username.substring(0, TextLimits.USERNAME);
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	@Transactional
	public void forgetOldFailures() {
		jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?")
			.param(Timestamp.from(clock.instant().minus(WINDOW.plus(LOCK))))
			.update();
	}

	private List<Instant> failureTimes(String column, String value, Instant now) {
		// Only failures that can still contribute to a lock: a lock starts at the fifth
		// failure
		// of a 15-minute window and lasts 15 minutes.
		return jdbc
			.sql("SELECT failed_at FROM login_failure WHERE " + column + " = ? AND failed_at >= ? ORDER BY failed_at")
			.params(value, Timestamp.from(now.minus(WINDOW.plus(LOCK))))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	/**
	 * The locks in force now, by account name and by client address, for an
	 * administrator's list. Reads only the failures that can still hold a lock.
	 */
	@Transactional(readOnly = true)
	public List<SignInLock> currentLocks() {
		Instant now = clock.instant();
		List<SignInLock> locks = new ArrayList<>();
		locks.addAll(locksBy("username", SignInLock.Kind.ACCOUNT, now));
		locks.addAll(locksBy("client_address", SignInLock.Kind.ADDRESS, now));
		return locks;
	}

	/**
	 * Forgets the failures of one account name or client address, which ends its lock
	 * before the 15 minutes; returns whether there were any.
	 */
	@Transactional
	public boolean clear(SignInLock.Kind kind, String key) {
		String column = kind == SignInLock.Kind.ACCOUNT ? "username" : "client_address";
		return jdbc.sql("DELETE FROM login_failure WHERE " + column + " = ?").param(key).update() > 0;
	}

	private List<SignInLock> locksBy(String column, SignInLock.Kind kind, Instant now) {
		Map<String, List<Instant>> failures = new TreeMap<>();
		jdbc.sql("SELECT " + column + ", failed_at FROM login_failure WHERE failed_at >= ? ORDER BY failed_at")
			.param(Timestamp.from(now.minus(WINDOW.plus(LOCK))))
			.query((rs) -> {
				failures.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
			});
		List<SignInLock> locks = new ArrayList<>();
		failures.forEach((key, times) -> lockedUntil(times, now)
			.ifPresent((until) -> locks.add(new SignInLock(kind, key, times.size(), until))));
		return locks;
	}

	static Optional<Instant> lockedUntil(List<Instant> sortedFailures, Instant now) {
		Instant until = null;
		for (int i = MAX_FAILURES - 1; i < sortedFailures.size(); i++) {
			Instant fifth = sortedFailures.get(i);
			Instant first = sortedFailures.get(i - (MAX_FAILURES - 1));
			if (!Duration.between(first, fifth).minus(WINDOW).isPositive()) {
				Instant end = fifth.plus(LOCK);
				if (end.isAfter(now) && (until == null || end.isAfter(until))) {
					until = end;
				}
			}
		}
		return Optional.ofNullable(until);
	}

}
