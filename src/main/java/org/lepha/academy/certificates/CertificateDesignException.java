package org.lepha.academy.certificates;

import org.lepha.academy.base.RefusedException;

/**
 * A design (or an uploaded image) was refused; {@link #messageKey()} is the UI string
 * that says why, with {@link #arguments()}. Nothing was changed.
 */
public class CertificateDesignException extends RefusedException {

	private final transient Object[] arguments;

	public CertificateDesignException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments.clone();
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
