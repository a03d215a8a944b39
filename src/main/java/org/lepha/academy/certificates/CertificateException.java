package org.lepha.academy.certificates;

import org.lepha.academy.base.RefusedException;

/**
 * A request about certificates that cannot be done; the message is a UI translation key.
 */
public class CertificateException extends RefusedException {

	public CertificateException(String messageKey) {
		super(messageKey);
	}

}
