package org.lepha.academy.certificates;

/**
 * A certificate's Open Badges 3.0 credential, a signed JWT, as a file to download.
 *
 * @param mediaType {@code application/vc+jwt}
 */
public record CredentialFile(String fileName, String jwt, String mediaType) {

}
