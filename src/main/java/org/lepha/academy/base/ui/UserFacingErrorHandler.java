package org.lepha.academy.base.ui;

import java.sql.SQLException;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.lepha.academy.base.text.SafeNames.UnsafeNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Turns failures into a message the user understands, in their language. A lost database
 * gets its own message: the action was not saved, try again in a moment (the pool
 * reconnects by itself when the database is back).
 */
@Component
public class UserFacingErrorHandler implements ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(UserFacingErrorHandler.class);

	@Override
	public void error(ErrorEvent event) {
		Throwable error = event.getThrowable();
		String key = messageKey(error);
		if ("error.unexpected".equals(key)) {
			log.error("Unexpected error in the UI", error);
		}
		else {
			log.warn("{}: {}", key, error.toString());
		}
		UI ui = UI.getCurrent();
		if (ui != null) {
			ui.access(() -> {
				// One message at a time: while the database is down every click fails,
				// and a stack of identical boxes would cover the page being worked on.
				Notification previous = ComponentUtil.getData(ui, Notification.class);
				if (previous != null) {
					previous.close();
				}
				Notification notification = Notification.show(ui.getTranslation(key), 8000,
						Notification.Position.TOP_CENTER);
				notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
				ComponentUtil.setData(ui, Notification.class, notification);
			});
		}
	}

	/** The UI string key that explains the failure. */
	public static String messageKey(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof UnsafeNameException unsafe) {
				return unsafe.messageKey();
			}
			if (t instanceof AccessDeniedException) {
				return "error.accessDenied";
			}
			if (t instanceof DataAccessException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLException) {
				return "error.database";
			}
		}
		return "error.unexpected";
	}

}
