package org.lepha.academy.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * One browser tab speaking Vaadin Flow's client–server protocol over plain HTTP, as the
 * Flow client in Chromium does (captured from real traffic): the bootstrap page, the
 * {@code v-r=init} request that creates the UI and hands out the UI id and the
 * {@code Vaadin-Security-Key}, the {@code ui-navigate} event that renders the route, then
 * UIDL requests carrying {@code csrfToken}, {@code syncId}, {@code clientId} and RPC
 * invocations (DOM events and property syncs) on node ids. It keeps a model of the
 * server's element tree from the {@code changes} so elements can be found by their
 * {@code id} attribute, and checks every answer: HTTP status, no {@code appError}, no
 * expired session, the server's sync id in sequence.
 * <p>
 * Not thread-safe: one virtual thread drives one client.
 */
public final class VaadinClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	/** The browser's init parameters (screen, time zone...) that the server reads. */
	private static final String BROWSER_DETAILS = "&v-sh=800&v-sw=1280&v-wh=800&v-ww=1280&v-bh=800&v-bw=1280"
			+ "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64"
			+ "&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT"
			+ "&v-wla=SUPPORTED&v-ws=false";

	static final Map<String, Object> CLICK_DATA = clickData();

	private final HttpClient http;

	private final URI base;

	private final LoadStats stats;

	private final String acceptLanguage;

	private String session;

	private int uiId = -1;

	private String securityKey;

	private int syncId;

	private int clientId;

	private long heartbeatIntervalMillis = 300_000;

	private long lastHeartbeat = System.currentTimeMillis();

	private String route = "";

	private final Map<Integer, Node> nodes = new HashMap<>();

	public VaadinClient(HttpClient http, URI base, LoadStats stats, String acceptLanguage) {
		this.http = http;
		this.base = base;
		this.stats = stats;
		this.acceptLanguage = acceptLanguage;
	}

	/** An HTTP client fit for thousands of simulated tabs: HTTP/1.1 like a browser. */
	public static HttpClient newHttpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Signs in as the browser does: the login page (a Vaadin view), its UI, the form POST
	 * with the Spring Security CSRF token from the page, then the page the server
	 * redirects to, with a new UI.
	 */
	public void login(String username, String password) {
		String loginPage = openPage("login", "login-page");
		Matcher csrf = META_CSRF.matcher(loginPage);
		if (!csrf.find()) {
			throw new LoadFailure("login-page", "no _csrf meta tag on the login page");
		}
		String form = "_csrf=" + encode(csrf.group(1)) + "&username=" + encode(username) + "&password="
				+ encode(password);
		HttpResponse<byte[]> response = timed("login",
				request("/login").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)));
		String location = response.headers().firstValue("Location").orElse("");
		String path = URI.create(location).getPath();
		// Back to the login page (with or without ?error) means the login was refused.
		if (response.statusCode() != 302 || path == null || path.endsWith("/login")) {
			throw new LoadFailure("login", "login refused: HTTP " + response.statusCode() + " to " + location);
		}
		openPage(path.startsWith("/") ? path.substring(1) : path, "page");
	}

	/**
	 * Loads a page as a full browser load: the bootstrap HTML, then a new UI for it.
	 * @param location the route without the leading slash
	 * @return the bootstrap HTML
	 */
	public String openPage(String location, String type) {
		HttpResponse<byte[]> page = timed(type, request("/" + location).GET());
		if (page.statusCode() != 200) {
			throw new LoadFailure(type, "HTTP " + page.statusCode() + " for /" + location);
		}
		String html = body(page);
		init(location);
		navigate("/" + location, "navigate");
		return html;
	}

	private void init(String location) {
		nodes.clear();
		HttpResponse<byte[]> response = timed("init",
				request("/?v-r=init&location=" + encode(location) + "&query=&v-curdate=" + System.currentTimeMillis()
						+ "&v-wn=v-" + System.nanoTime() + BROWSER_DETAILS)
					.GET());
		if (response.statusCode() != 200) {
			throw new LoadFailure("init", "HTTP " + response.statusCode());
		}
		Map<String, Object> json = map(parse(body(response)));
		Map<String, Object> config = map(json.getOrDefault("appConfig", json));
		uiId = ((Number) config.get("v-uiId")).intValue();
		if (config.get("heartbeatInterval") instanceof Number seconds && seconds.intValue() > 0) {
			heartbeatIntervalMillis = seconds.longValue() * 1000;
		}
		Map<String, Object> uidl = map(config.get("uidl"));
		securityKey = (String) uidl.get("Vaadin-Security-Key");
		if (securityKey == null) {
			throw new LoadFailure("init", "no Vaadin-Security-Key in the init response");
		}
		syncId = -1;
		apply("init", uidl);
		lastHeartbeat = System.currentTimeMillis();
	}

	/**
	 * Client-side navigation in the open UI (what the router sends after a page load or a
	 * router link click).
	 */
	public void navigate(String path, String type) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("route", path);
		data.put("query", "");
		data.put("appShellTitle", "");
		data.put("historyState", Map.of("idx", 0));
		data.put("trigger", "");
		rpc(type, List.of(event(1, "ui-navigate", data)));
		route = path;
	}

	/** Clicks the element with this id attribute. */
	public void click(String elementId, String type) {
		rpc(type, List.of(event(require(elementId, type).id, "click", CLICK_DATA)));
	}

	/** Sends RPC invocations in one UIDL request and applies the server's answer. */
	public void rpc(String type, List<Map<String, Object>> invocations) {
		heartbeatIfDue();
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("csrfToken", securityKey);
		message.put("rpc", invocations);
		message.put("syncId", syncId);
		message.put("clientId", clientId);
		HttpResponse<byte[]> response = timed(type,
				request("/?v-r=uidl&v-uiId=" + uiId).header("Content-Type", "application/json; charset=UTF-8")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
		if (response.statusCode() != 200) {
			throw new LoadFailure(type, "HTTP " + response.statusCode());
		}
		String text = body(response);
		if (text.startsWith("for(;;);")) {
			text = text.substring("for(;;);".length());
		}
		Object parsed = parse(text);
		if (parsed instanceof List<?> list) {
			parsed = list.get(0);
		}
		apply(type, map(parsed));
	}

	/**
	 * The heartbeat Flow's client sends on a timer (every {@code heartbeatInterval}
	 * seconds) to tell the server the tab is still open.
	 */
	public void heartbeat() {
		HttpResponse<byte[]> response = timed("heartbeat",
				request("/?v-r=heartbeat&v-uiId=" + uiId).header("Content-Type", "text/plain;charset=utf-8")
					.POST(HttpRequest.BodyPublishers.noBody()));
		if (response.statusCode() != 200) {
			throw new LoadFailure("heartbeat", "HTTP " + response.statusCode());
		}
		lastHeartbeat = System.currentTimeMillis();
	}

	/**
	 * Waits as a user reading or thinking, sending heartbeats when they fall due as the
	 * open tab would.
	 */
	public void think(Duration duration) throws InterruptedException {
		long end = System.currentTimeMillis() + duration.toMillis();
		while (true) {
			long now = System.currentTimeMillis();
			if (now >= end) {
				return;
			}
			long nextHeartbeat = lastHeartbeat + heartbeatIntervalMillis;
			if (now >= nextHeartbeat) {
				heartbeat();
				continue;
			}
			Thread.sleep(Math.min(end, nextHeartbeat) - now);
		}
	}

	private void heartbeatIfDue() {
		if (System.currentTimeMillis() - lastHeartbeat >= heartbeatIntervalMillis) {
			heartbeat();
		}
	}

	/** The constants the server sent (event listener settings), by their keys. */
	private final Map<String, Object> constants = new HashMap<>();

	private void apply(String type, Map<String, Object> uidl) {
		if (uidl.containsKey("appError")) {
			throw new LoadFailure(type, "appError " + uidl.get("appError"));
		}
		if (uidl.get("meta") instanceof Map<?, ?> meta) {
			if (Boolean.TRUE.equals(meta.get("sessionExpired"))) {
				throw new LoadFailure(type, "session expired");
			}
			if (Boolean.TRUE.equals(meta.get("appError"))) {
				throw new LoadFailure(type, "appError in meta");
			}
		}
		if (uidl.get("syncId") instanceof Number id) {
			if (syncId >= 0 && id.intValue() != syncId + 1) {
				throw new LoadFailure(type, "out of sync: expected syncId " + (syncId + 1) + ", got " + id);
			}
			syncId = id.intValue();
		}
		if (uidl.get("clientId") instanceof Number id) {
			clientId = id.intValue();
		}
		if (uidl.get("constants") instanceof Map<?, ?> sent) {
			sent.forEach((key, value) -> constants.put(String.valueOf(key), value));
		}
		if (uidl.get("changes") instanceof List<?> changes) {
			for (Object change : changes) {
				applyChange(map(change));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void applyChange(Map<String, Object> change) {
		int id = ((Number) change.get("node")).intValue();
		String type = (String) change.get("type");
		if ("detach".equals(type)) {
			nodes.remove(id);
			return;
		}
		Node node = nodes.computeIfAbsent(id, Node::new);
		int feat = change.get("feat") instanceof Number n ? n.intValue() : -1;
		String key = (String) change.get("key");
		switch (type) {
			case "put" -> {
				Object value = change.containsKey("nodeValue") ? change.get("nodeValue") : change.get("value");
				switch (feat) {
					case 0 -> {
						if ("tag".equals(key)) {
							node.tag = (String) value;
						}
						else if ("visible".equals(key)) {
							node.visible = !Boolean.FALSE.equals(value);
						}
					}
					case 1 -> node.properties.put(key, value);
					case 3 -> node.attributes.put(key, value);
					// The DOM event listeners: the event's name and what the browser
					// sends with it (sent once as a constant, referred to by its key).
					case 4 -> node.listeners.put(key, constants.get(String.valueOf(value)) instanceof Map<?, ?> m
							? m.keySet().stream().map(String::valueOf).toList() : List.of());
					case 7 -> node.text = String.valueOf(value);
					default -> {
					}
				}
			}
			case "remove" -> {
				if (feat == 1) {
					node.properties.remove(key);
				}
				else if (feat == 3) {
					node.attributes.remove(key);
				}
				else if (feat == 4) {
					node.listeners.remove(key);
				}
			}
			case "clear" -> {
				if (feat == 2) {
					node.children.clear();
				}
				else if (feat == 11) {
					node.classes.clear();
				}
			}
			case "splice" -> {
				int index = ((Number) change.get("index")).intValue();
				int remove = change.get("remove") instanceof Number n ? n.intValue() : 0;
				if (feat == 2) {
					splice(node.children, index, remove, (List<Object>) change.get("addNodes"));
				}
				else if (feat == 11) {
					splice(node.classes, index, remove, (List<Object>) change.get("add"));
				}
			}
			default -> {
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void splice(List<T> list, int index, int remove, List<Object> add) {
		for (int i = 0; i < remove && index < list.size(); i++) {
			list.remove(index);
		}
		if (add != null) {
			List<T> values = new ArrayList<>();
			for (Object value : add) {
				values.add((T) (value instanceof Number n ? (Object) n.intValue() : value));
			}
			list.addAll(Math.min(index, list.size()), values);
		}
	}

	/** The attached element with this id attribute, if the server has rendered one. */
	public Optional<Node> byId(String elementId) {
		return nodes.values().stream().filter((n) -> elementId.equals(n.attributes.get("id"))).findFirst();
	}

	/**
	 * Whether the element with this id is there and shown, as a browser would render it:
	 * neither it nor an ancestor is hidden (by the {@code hidden} attribute, or by the
	 * server as an invisible component).
	 */
	public boolean shown(String elementId) {
		Optional<Node> node = byId(elementId);
		int depth = 0;
		while (node.isPresent() && depth++ < 64) {
			Node n = node.get();
			if (!n.visible || n.attributes.containsKey("hidden")) {
				return false;
			}
			node = nodes.values().stream().filter((p) -> p.children.contains(n.id)).findFirst();
		}
		return depth > 0;
	}

	/** Attached elements whose id attribute passes the test, in node order. */
	public List<Node> byIdMatching(Predicate<String> test) {
		return nodes.values()
			.stream()
			.filter((n) -> n.attributes.get("id") instanceof String id && test.test(id))
			.sorted(java.util.Comparator.comparingInt((Node n) -> n.id))
			.toList();
	}

	/** The element with this id, or a failure of the step that expected it. */
	public Node require(String elementId, String type) {
		return byId(elementId).orElseThrow(() -> new LoadFailure(type, "#" + elementId + " not on the page " + route));
	}

	/** Descendants of a node (depth first) with this tag. */
	public List<Node> descendants(Node root, String tag) {
		List<Node> found = new ArrayList<>();
		collect(root, tag, found, 0);
		return found;
	}

	private void collect(Node node, String tag, List<Node> found, int depth) {
		if (depth > 64) {
			return;
		}
		for (Integer childId : node.children) {
			Node child = nodes.get(childId);
			if (child != null) {
				if (tag.equals(child.tag)) {
					found.add(child);
				}
				collect(child, tag, found, depth + 1);
			}
		}
	}

	/** The text of an element: its text nodes, depth first. */
	public String text(Node node) {
		StringBuilder out = new StringBuilder();
		text(node, out, 0);
		return out.toString();
	}

	private void text(Node node, StringBuilder out, int depth) {
		if (node.text != null) {
			out.append(node.text);
		}
		if (depth < 64) {
			for (Integer childId : node.children) {
				Node child = nodes.get(childId);
				if (child != null) {
					text(child, out, depth + 1);
				}
			}
		}
	}

	public static Map<String, Object> event(int node, String event, Map<String, Object> data) {
		Map<String, Object> invocation = new LinkedHashMap<>();
		invocation.put("type", "event");
		invocation.put("node", node);
		invocation.put("event", event);
		invocation.put("data", data);
		return invocation;
	}

	/** A property change made in the browser and synced to the server. */
	public static Map<String, Object> sync(int node, String property, Object value) {
		Map<String, Object> invocation = new LinkedHashMap<>();
		invocation.put("type", "mSync");
		invocation.put("node", node);
		invocation.put("feature", 1);
		invocation.put("property", property);
		invocation.put("value", value);
		return invocation;
	}

	private HttpRequest.Builder request(String pathAndQuery) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery))
			.timeout(Duration.ofSeconds(120))
			.header("Accept-Encoding", "gzip")
			.header("Accept-Language", acceptLanguage);
		if (session != null) {
			builder.header("Cookie", "JSESSIONID=" + session);
		}
		return builder;
	}

	private HttpResponse<byte[]> timed(String type, HttpRequest.Builder request) {
		long start = System.nanoTime();
		HttpResponse<byte[]> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new LoadFailure(type, "I/O " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LoadFailure(type, "interrupted");
		}
		stats.record(type, System.nanoTime() - start);
		response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.findFirst()
			.ifPresent((c) -> session = c.substring("JSESSIONID=".length(), c.indexOf(';')));
		return response;
	}

	private static String body(HttpResponse<byte[]> response) {
		byte[] bytes = response.body();
		if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
				bytes = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static Object parse(String json) {
		return JSON.readValue(json, Object.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		if (value instanceof Map<?, ?> m) {
			return (Map<String, Object>) m;
		}
		throw new IllegalStateException("not a JSON object: " + value);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Map<String, Object> clickData() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("event.shiftKey", false);
		data.put("event.metaKey", false);
		data.put("event.detail", 1);
		data.put("event.ctrlKey", false);
		data.put("event.clientX", 400);
		data.put("event.clientY", 400);
		data.put("event.altKey", false);
		data.put("event.button", 0);
		data.put("event.screenY", 500);
		data.put("event.screenX", 410);
		return Map.copyOf(data);
	}

	/** An element of the server's tree as seen by the client. */
	public static final class Node {

		public final int id;

		public String tag;

		public String text;

		/** False when the server made the component invisible. */
		public boolean visible = true;

		public final Map<String, Object> properties = new HashMap<>();

		public final Map<String, Object> attributes = new HashMap<>();

		/** Per DOM event the server listens to, the expressions whose values it wants. */
		public final Map<String, List<String>> listeners = new HashMap<>();

		public final List<Integer> children = new ArrayList<>();

		public final List<String> classes = new ArrayList<>();

		Node(int id) {
			this.id = id;
		}

		@Override
		public String toString() {
			return "Node[" + id + " " + tag + " " + attributes + " " + properties + "]";
		}

	}

	/** A step that did not do what a browser would have seen it do. */
	public static final class LoadFailure extends RuntimeException {

		private final String type;

		public LoadFailure(String type, String message) {
			super(type + ": " + message);
			this.type = type;
		}

		public String type() {
			return type;
		}

	}

}
