package org.lepha.academy.base.startup;

/**
 * A setting the operator got wrong (a missing file, a wrong password), found while the
 * application starts. The message is the one line the operator sees: it names the file
 * and the setting, and never a secret.
 */
public class MisconfigurationException extends RuntimeException {

	public MisconfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

	public MisconfigurationException(String message) {
		super(message);
	}

}
