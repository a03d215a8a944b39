package org.lepha.academy.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the images of served modules to signed-in users. Only plain file names inside a
 * module's {@code media/} folder are served; SVG is sent with a policy that forbids
 * scripts.
 */
@RestController
class ContentMediaController {

	private final ContentService content;

	ContentMediaController(ContentService content) {
		this.content = content;
	}

	@GetMapping("/content-media/{moduleId}/{fileName:.+}")
	ResponseEntity<Resource> media(@PathVariable String moduleId, @PathVariable String fileName) {
		return content.mediaFile(moduleId, fileName).map(this::send).orElse(ResponseEntity.notFound().build());
	}

	private ResponseEntity<Resource> send(Path file) {
		var type = MediaTypeFactory.getMediaType(file.getFileName().toString())
			.orElse(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM);
		try {
			return ResponseEntity.ok()
				.contentType(type)
				.contentLength(Files.size(file))
				.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
				.header("X-Content-Type-Options", "nosniff")
				.body(new FileSystemResource(file));
		}
		catch (java.io.IOException ex) {
			return ResponseEntity.notFound().build();
		}
	}

}
