package org.misinfodesk.local.hostile;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;

/**
 * The kinds of bad input the campaign throws, each made from a plausible body so that it reaches
 * past the first check.
 */
enum Inputs {

	MALFORMED_JSON {
		@Override
		byte[] body(String valid, Random random) {
			String broken = valid.replaceFirst(":", "").replaceFirst("\"", "");
			return (random.nextBoolean() ? broken : "{" + broken + ",,}").getBytes(StandardCharsets.UTF_8);
		}
	},
	TRUNCATED_JSON {
		@Override
		byte[] body(String valid, Random random) {
			return valid.substring(0, 1 + random.nextInt(Math.max(1, valid.length() - 1)))
				.getBytes(StandardCharsets.UTF_8);
		}
	},
	WRONG_TYPES {
		@Override
		byte[] body(String valid, Random random) {
			String[] replacements = { "12345", "[1,2,3]", "{\"a\":{\"b\":[]}}", "true", "null", "-1e309", "\"\"" };
			return valid.replaceAll("\"[^\"]*\"(\\s*[,}])", replacements[random.nextInt(replacements.length)] + "$1")
				.getBytes(StandardCharsets.UTF_8);
		}
	},
	DEEP_NESTING {
		@Override
		byte[] body(String valid, Random random) {
			int depth = 2_000 + random.nextInt(8_000);
			return ("{\"content\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
		}
	},
	HUGE_BODY {
		@Override
		byte[] body(String valid, Random random) {
			return ("{\"content\":\"" + "Tin giả ".repeat(300_000 + random.nextInt(100_000)) + "\"}")
				.getBytes(StandardCharsets.UTF_8);
		}
	},
	INVALID_UTF8 {
		@Override
		byte[] body(String valid, Random random) {
			byte[] prefix = "{\"content\":\"Tin ".getBytes(StandardCharsets.UTF_8);
			byte[][] invalid = { { (byte) 0xC3, (byte) 0x28 }, { (byte) 0xFF, (byte) 0xFE }, { (byte) 0xED, (byte) 0xA0,
					(byte) 0x80 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 } };
			byte[] bad = invalid[random.nextInt(invalid.length)];
			byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
			byte[] body = new byte[prefix.length + bad.length + suffix.length];
			System.arraycopy(prefix, 0, body, 0, prefix.length);
			System.arraycopy(bad, 0, body, prefix.length, bad.length);
			System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
			return body;
		}
	},
	VIETNAMESE_NFD {
		@Override
		byte[] body(String valid, Random random) {
			return Normalizer.normalize(valid.replace("\"x\"", "\"Thông tin sai sự thật về dịch bệnh ở Phủ Lý\""),
					Normalizer.Form.NFD)
				.getBytes(StandardCharsets.UTF_8);
		}
	},
	CONTROL_CHARACTERS {
		@Override
		byte[] body(String valid, Random random) {
			return valid.replace("\"x\"", "\"a\\u0000b\\u0007c\\u001b[31md\\u202Ee\\uFEFF\"")
				.getBytes(StandardCharsets.UTF_8);
		}
	},
	HTML_AND_SCRIPT {
		@Override
		byte[] body(String valid, Random random) {
			List<String> payloads = List.of("<script>alert(1)</script>", "\\\"><img src=x onerror=alert(1)>",
					"javascript:alert(1)", "<svg/onload=alert(1)>", "{{7*7}}${7*7}");
			return valid.replace("\"x\"", "\"" + payloads.get(random.nextInt(payloads.size())) + "\"")
				.getBytes(StandardCharsets.UTF_8);
		}
	},
	EMPTY_BODY {
		@Override
		byte[] body(String valid, Random random) {
			return new byte[0];
		}
	},
	BINARY_GARBAGE {
		@Override
		byte[] body(String valid, Random random) {
			byte[] garbage = new byte[1 + random.nextInt(4096)];
			random.nextBytes(garbage);
			return garbage;
		}
	};

	/** A value, valid for the JSON bodies the campaign starts from, that mutations look for. */
	static final String PLACEHOLDER = "x";

	abstract byte[] body(String valid, Random random);

	/** Hostile values for path variables and query parameters. */
	static final List<String> HOSTILE_TEXT = List.of("..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "%00",
			"%E0%A4%A", "%FF%FE", "a".repeat(5_000), "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "-1", "99999999999999999999",
			"NaN", "%20", "%C3%A1%CC%81", "' OR '1'='1", "%7B%22%24gt%22%3A%22%22%7D");

}
