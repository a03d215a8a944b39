package org.lepha.academy.certificates.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the servlet's multipart limit fails while the request is read, before
 * any controller is chosen, so only an advice sees it. On the verification endpoints the
 * sender gets the page's own translated verdict; anywhere else the exception goes on to
 * Spring's default answer (413).
 */
@ControllerAdvice
class UploadTooLarge {

	private final VerificationController verification;

	UploadTooLarge(VerificationController verification) {
		this.verification = verification;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<?> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		String path = request.getRequestURI();
		if (path.equals("/verify/upload") || path.equals("/api/certificates/verify")) {
			return this.verification.tooLarge(request);
		}
		throw ex;
	}

}
