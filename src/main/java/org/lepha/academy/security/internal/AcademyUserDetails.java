package org.lepha.academy.security.internal;

import java.util.Collection;
import java.util.List;

import org.lepha.academy.security.UserAccount;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal: the account id travels with the session so services can do
 * object-level checks without another lookup.
 */
public final class AcademyUserDetails implements UserDetails {

	private final UserAccount account;

	private final String passwordHash;

	public AcademyUserDetails(UserAccount account, String passwordHash) {
		this.account = account;
		this.passwordHash = passwordHash;
	}

	public UserAccount account() {
		return account;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = account.roles()
			.stream()
			.map((r) -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return account.username();
	}

	@Override
	public boolean isEnabled() {
		return account.enabled();
	}

}
