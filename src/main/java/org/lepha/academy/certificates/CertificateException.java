package org.lepha.academy.certificates;

/**
 * A request about certificates that cannot be done; the message is a UI translation key.
 */
public class CertificateException extends RuntimeException {

	public CertificateException(String messageKey) {
		super(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
