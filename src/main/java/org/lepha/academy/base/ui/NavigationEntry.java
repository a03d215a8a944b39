package org.lepha.academy.base.ui;

import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A feature's place in the side navigation. Features contribute these as beans, so the
 * shared layout knows no feature.
 *
 * @param labelKey UI string key of the label
 * @param view the route target
 * @param roles role names (without {@code ROLE_}) that see the entry
 * @param homeRank when a user's start page is chosen, the visible entry with the lowest
 * rank wins; {@code Integer.MAX_VALUE} for entries that are never a start page
 */
public record NavigationEntry(String labelKey, Class<? extends Component> view, VaadinIcon icon, Set<String> roles,
		int order, int homeRank) {

}
