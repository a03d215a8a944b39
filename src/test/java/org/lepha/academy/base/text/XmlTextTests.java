package org.lepha.academy.base.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTextTests {

	@Test
	void markupCharactersAreEscaped() {
		assertThat(XmlText.escape("<b onload=\"x\">Tom & Jerry's</b>"))
			.isEqualTo("&lt;b onload=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;");
	}

	@Test
	void charactersXmlCannotHoldAreDroppedAndTheRestKept() {
		String dari = "نالوکسون\u200c ۴";
		assertThat(XmlText.escape("a\u0000b\u0007c\td\ne\rf\uFFFEg\uD800h" + dari + "\uD83D\uDE91"))
			.isEqualTo("abc\td\ne\rfgh" + dari + "\uD83D\uDE91");
	}

	@Test
	void nullIsEmpty() {
		assertThat(XmlText.escape(null)).isEmpty();
	}

}
