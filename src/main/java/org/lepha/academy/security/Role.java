package org.lepha.academy.security;

/**
 * What a user may do. A user may hold several roles (a trainer who also translates).
 */
public enum Role {

	CADET, TRAINER, TRANSLATOR, ADMIN;

	/** Spring Security authority name. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Role names for {@code @RolesAllowed} and {@code @PreAuthorize}. */
	public static final class Names {

		public static final String CADET = "CADET";

		public static final String TRAINER = "TRAINER";

		public static final String TRANSLATOR = "TRANSLATOR";

		public static final String ADMIN = "ADMIN";

		private Names() {
		}

	}

}
