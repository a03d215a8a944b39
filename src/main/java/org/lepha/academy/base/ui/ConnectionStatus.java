package org.lepha.academy.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import org.lepha.academy.base.i18n.Languages;

/**
 * What the page says when the line to the server drops (issue 18): a banner that stays
 * while the connection is lost, saying that answers not yet sent will be sent when it is
 * back, and a short "connection is back" afterwards, in the user's language and
 * direction.
 *
 * <p>
 * Vaadin's own connection indicator shows its status message only for a couple of seconds
 * and then collapses it to a thin bar, which a cadet on a bad line easily misses; so its
 * message is hidden (app.css) and this banner follows the client's connection state
 * instead ({@code window.Vaadin.connectionState}, the same store the indicator reads) and
 * the browser's {@code offline}/{@code online} events. Vaadin's reconnect texts are still
 * set from our translations, so nothing English shows through if its message is ever
 * displayed. See decision 0013.
 */
final class ConnectionStatus {

	/** How long "connection is back" stays, in milliseconds. */
	static final int BACK_ONLINE_MILLIS = 4000;

	private static final String SCRIPT = """
			const [offlineText, onlineText, dir, lang, backMillis] = [$0, $1, $2, $3, $4];
			let box = document.getElementById('network-status');
			if (!box) {
			  box = document.createElement('div');
			  box.id = 'network-status';
			  box.setAttribute('role', 'status');
			  box.setAttribute('aria-live', 'polite');
			  box.hidden = true;
			  document.body.appendChild(box);
			}
			box.setAttribute('dir', dir);
			box.setAttribute('lang', lang);
			const state = {lost: false, timer: null};
			const show = (lost) => {
			  if (lost === state.lost) return;
			  state.lost = lost;
			  clearTimeout(state.timer);
			  box.textContent = lost ? offlineText : onlineText;
			  box.className = lost ? 'network-offline' : 'network-online';
			  box.hidden = false;
			  if (!lost) state.timer = setTimeout(() => { box.hidden = true; }, backMillis);
			};
			const store = window.Vaadin && window.Vaadin.connectionState;
			// Lost while the browser is offline or the store is not "online" (its getter
			// covers connected and loading); the browser's own flag counts first, because
			// Vaadin's client reports "loading" also for a request it tries while offline.
			const lost = () => !navigator.onLine || (store ? !store.online : false);
			if (store && store.loadingFinished && !store.lephaReconnectFix) {
			  // Vaadin 25.2's store forgets its pending request count whenever its state is
			  // set, so a request that failed ("reconnecting") and was then resent with
			  // success ends with loadingFinished() on a count of zero, and the state stays
			  // "reconnecting" until the next request: the banner (and Vaadin's own
			  // indicator) would say offline although the server has answered. A finished
			  // request while the browser is online means the server is reachable again.
			  // Checked after the client's current task, because when it gives up it ends
			  // the request first and sets "connection-lost" right after.
			  store.lephaReconnectFix = true;
			  const finished = store.loadingFinished.bind(store);
			  store.loadingFinished = () => {
			    finished();
			    setTimeout(() => {
			      if (store.state === 'reconnecting' && navigator.onLine) store.state = 'connected';
			    }, 0);
			  };
			}
			window.addEventListener('offline', () => show(true));
			if (store && store.addStateChangeListener) {
			  store.addStateChangeListener(() => show(lost()));
			}
			window.addEventListener('online', () => show(lost()));
			""";

	private ConnectionStatus() {
	}

	static void install(UI ui, Locale locale) {
		String offline = ui.getTranslation("network.offline");
		ui.getReconnectDialogConfiguration().setDialogText(offline);
		ui.getReconnectDialogConfiguration().setDialogTextGaveUp(ui.getTranslation("network.gaveUp"));
		ui.getPage()
			.executeJs(SCRIPT, offline, ui.getTranslation("network.online"),
					Languages.isRightToLeft(locale) ? "rtl" : "ltr", locale.toLanguageTag(), BACK_ONLINE_MILLIS);
	}

}
