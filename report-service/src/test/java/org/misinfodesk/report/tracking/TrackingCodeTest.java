package org.misinfodesk.report.tracking;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrackingCodeTest {

	@Test
	void alphabetHas32SymbolsWithoutLookAlikes() {
		assertThat(TrackingCode.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
		assertThat(TrackingCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
	}

	@Test
	void carriesAtLeast40RandomBits() {
		double bits = TrackingCode.LENGTH * (Math.log(TrackingCode.ALPHABET.length()) / Math.log(2));

		assertThat(bits).isGreaterThanOrEqualTo(40);
	}

	@Test
	void isTwoGroupsOfFourSymbolsFromTheAlphabet() {
		TrackingCodes codes = new TrackingCodes();
		for (int i = 0; i < 1000; i++) {
			assertThat(codes.next().value()).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}");
		}
	}

	@Test
	void usesEverySymbolOfTheAlphabet() {
		Set<Character> seen = new HashSet<>();
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 500; i++) {
			TrackingCode.random(random).value().replace("-", "").chars().forEach((c) -> seen.add((char) c));
		}

		assertThat(seen).hasSize(32);
	}

	@Test
	void rarelyRepeatsItself() {
		SecureRandom random = new SecureRandom();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 20_000; i++) {
			codes.add(TrackingCode.random(random).value());
		}

		// 20,000 draws from 2^40 clash with probability about 2e-4
		assertThat(codes).hasSizeGreaterThanOrEqualTo(19_999);
	}

	@Test
	void readsCodesTypedInLowerCaseWithoutDashOrWithSpaces() {
		assertThat(TrackingCode.parse("7kq4m9tx")).contains(new TrackingCode("7KQ4-M9TX"));
		assertThat(TrackingCode.parse(" 7KQ4 M9TX ")).contains(new TrackingCode("7KQ4-M9TX"));
		assertThat(TrackingCode.parse("7kq4-m9tx")).contains(new TrackingCode("7KQ4-M9TX"));
	}

	@Test
	void refusesWhatCannotBeACode() {
		assertThat(TrackingCode.parse(null)).isEmpty();
		assertThat(TrackingCode.parse("7KQ4-M9T")).isEmpty();
		assertThat(TrackingCode.parse("7KQ4-M9TXX")).isEmpty();
		assertThat(TrackingCode.parse("0KQ4-M9TX")).isEmpty();
		assertThat(TrackingCode.parse("IKQ4-M9TX")).isEmpty();
		assertThat(TrackingCode.parse("7KQ4/M9TX")).isEmpty();
		assertThat(TrackingCode.parse("ẠKQ4-M9TX")).isEmpty();
	}

	@Test
	void holdsOnlyCanonicalCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TrackingCode("7kq4-m9tx"));
		assertThatIllegalArgumentException().isThrownBy(() -> new TrackingCode("7KQ4M9TX"));
	}

}
