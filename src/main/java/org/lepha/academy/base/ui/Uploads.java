package org.lepha.academy.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * Vaadin's Upload speaks English by default ("Drop file here", "File is too big"); every
 * upload in the app gets the user's language through this.
 */
public final class Uploads {

	private Uploads() {
	}

	/** Sets the upload's texts in the language of its UI. */
	public static Upload localized(Upload upload) {
		UploadI18N i18n = new UploadI18N();
		i18n.setDropFiles(
				new UploadI18N.DropFiles().setOne(t(upload, "upload.drop")).setMany(t(upload, "upload.drop")));
		i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t(upload, "upload.add")).setMany(t(upload, "upload.add")));
		i18n.setError(new UploadI18N.Error().setTooManyFiles(t(upload, "upload.error.tooMany"))
			.setFileIsTooBig(t(upload, "upload.error.tooBig"))
			.setIncorrectFileType(t(upload, "upload.error.type")));
		i18n.setUploading(new UploadI18N.Uploading()
			.setStatus(new UploadI18N.Uploading.Status().setConnecting(t(upload, "upload.status.connecting"))
				.setStalled(t(upload, "upload.status.stalled"))
				.setProcessing(t(upload, "upload.status.processing"))
				.setHeld(t(upload, "upload.status.held")))
			.setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t(upload, "upload.remaining"))
				.setUnknown(t(upload, "upload.remaining.unknown")))
			.setError(new UploadI18N.Uploading.Error().setServerUnavailable(t(upload, "upload.error.server"))
				.setUnexpectedServerError(t(upload, "upload.error.server"))
				.setForbidden(t(upload, "upload.error.forbidden"))
				.setFileTooLarge(t(upload, "upload.error.tooBig"))));
		i18n.setFile(new UploadI18N.File().setRetry(t(upload, "upload.file.retry"))
			.setStart(t(upload, "upload.file.start"))
			.setRemove(t(upload, "upload.file.remove")));
		upload.setI18n(i18n);
		return upload;
	}

	private static String t(Upload upload, String key) {
		return upload.getTranslation(key);
	}

}
