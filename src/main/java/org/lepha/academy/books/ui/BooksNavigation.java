package org.lepha.academy.books.ui;

import java.util.Set;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.lepha.academy.base.ui.NavigationEntry;
import org.lepha.academy.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "Course books" entry in the side navigation, for everyone who may download a book.
 */
@Configuration(proxyBeanMethods = false)
class BooksNavigation {

	@Bean
	NavigationEntry courseBooksEntry() {
		return new NavigationEntry("book.nav", BooksView.class, VaadinIcon.BOOK,
				Set.of(Role.Names.CADET, Role.Names.TRAINER, Role.Names.ADMIN), 16, Integer.MAX_VALUE);
	}

}
