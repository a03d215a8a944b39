package org.lepha.academy.certificates;

/**
 * A certificate's PDF in one language, with the SHA-256 published on its verification
 * page.
 */
public record CertificateFile(String fileName, byte[] pdf, String sha256) {

}
