package org.lepha.academy.security.internal;

import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets only a few bcrypt computations run at once. Requests run on virtual threads, which
 * are not time-sliced: a wave of sign-ins (a class of cadets arriving together) would
 * otherwise occupy every carrier thread with ~100 ms hashes, stalling all other requests
 * (including those holding a database connection, until the pool runs dry). Measured with
 * the load generator, see docs/performance.md, "Load: simultaneous quiz takers".
 */
class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	BoundedPasswordEncoder(PasswordEncoder delegate, int concurrent) {
		this.delegate = delegate;
		this.permits = new Semaphore(Math.max(1, concurrent), true);
	}

	/** Half the cores (at least one) for hashing, the rest for everything else. */
	static int defaultConcurrency() {
		return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		permits.acquireUninterruptibly();
		try {
			return delegate.encode(rawPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		permits.acquireUninterruptibly();
		try {
			return delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

}
