package org.lepha.academy.security;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.vaadin.flow.internal.CurrentInstance;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (demo data, the first administrator) as the system, through the same
 * role-checked services that users call, instead of opening unchecked back doors in them.
 */
public final class SystemAccess {

	private SystemAccess() {
	}

	public static <T> T asAdministrator(Supplier<T> work) {
		// Inside a UI request Vaadin's security-context strategy answers from the user's
		// session, which would hide the system identity; system work is not part of the
		// user's UI, so the UI's current instances are set aside while it runs.
		Map<Class<?>, CurrentInstance> ui = CurrentInstance.getInstances();
		CurrentInstance.clearAll();
		try {
			return runAsAdministrator(work);
		}
		finally {
			CurrentInstance.restoreInstances(ui);
		}
	}

	private static <T> T runAsAdministrator(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
