package org.lepha.academy.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.lepha.academy.HttpResponses;

/**
 * A file posted to the verification endpoints as a plain HTML form would post it
 * ({@code multipart/form-data}, field {@code file}), from a random client address so that
 * the rate limit of one test never refuses another's.
 */
final class UploadRequests {

	private UploadRequests() {
	}

	static HttpResponse<String> post(HttpClient http, int port, String path, byte[] file, String name)
			throws IOException, InterruptedException {
		String boundary = "----upload" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-Forwarded-For", HttpResponses.randomAddress())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
