package org.misinfodesk.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.misinfodesk.platform.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

	static final Map<String, String> DNS = Map.of("hooks.agency.example", "203.0.113.10", "intranet.example",
			"10.1.2.3", "metadata.example", "169.254.169.254");

	final WebhookTargets strict = new WebhookTargets(false, WebhookTargetsTest::resolve);

	final WebhookTargets local = new WebhookTargets(true, WebhookTargetsTest::resolve);

	@Test
	void acceptsAnAbsoluteHttpsUrlOfAPublicHost() {
		assertThat(problems(this.strict, "https://hooks.agency.example/misinfodesk?k=1")).isEmpty();
		assertThat(problems(this.strict, "https://203.0.113.10:8443/hook")).isEmpty();
	}

	@Test
	void requiresAUrl() {
		assertThat(codes(this.strict, null)).containsExactly("required");
		assertThat(codes(this.strict, "  ")).containsExactly("required");
	}

	@Test
	void refusesUrlsLongerThan2048Characters() {
		String longest = "https://hooks.agency.example/" + "a".repeat(2048 - 29);
		assertThat(longest).hasSize(2048);

		assertThat(problems(this.strict, longest)).isEmpty();
		assertThat(problems(this.strict, longest + "a")).containsExactly(FieldProblem.of("url", "too-long", 2048));
	}

	@ParameterizedTest
	@ValueSource(strings = { "hooks.agency.example/x", "/relative/path", "ftp://hooks.agency.example/x",
			"javascript:alert(1)", "mailto:vanthu.syt@hanam.gov.vn", "https://", "https://exa mple.org/",
			"https://user:password@hooks.agency.example/x", "file:///etc/passwd" })
	void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
		assertThat(codes(this.strict, url)).containsExactly("invalid-url");
		assertThat(codes(this.local, url)).containsExactly("invalid-url");
	}

	@Test
	void refusesPlainHttpOutsideTheLocalProfile() {
		assertThat(codes(this.strict, "http://hooks.agency.example/x")).containsExactly("https-required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/x", "https://localhost:8443/x", "https://[::1]/x", "https://10.0.0.8/",
			"https://172.16.5.4/", "https://192.168.1.20/", "https://169.254.169.254/latest/meta-data",
			"https://100.64.0.1/", "https://0.0.0.0/", "https://[fe80::1]/", "https://[fd12:3456::1]/",
			"https://[::ffff:10.0.0.1]/", "https://intranet.example/hook", "https://metadata.example/" })
	void refusesLoopbackPrivateAndLinkLocalTargetsOutsideTheLocalProfile(String url) {
		assertThat(codes(this.strict, url)).containsExactly("private-target");
	}

	@Test
	void refusesAHostThatDoesNotResolve() {
		assertThat(codes(this.strict, "https://nowhere.example/x")).containsExactly("unresolvable-host");
	}

	@Test
	void acceptsPlainHttpAndLoopbackInTheLocalProfile() {
		assertThat(problems(this.local, "http://127.0.0.1:9000/hook")).isEmpty();
		assertThat(problems(this.local, "http://localhost/hook")).isEmpty();
		assertThat(problems(this.local, "HTTPS://intranet.example/hook")).isEmpty();
	}

	private static List<FieldProblem> problems(WebhookTargets targets, String url) {
		return targets.check("url", url).block();
	}

	private static List<String> codes(WebhookTargets targets, String url) {
		return problems(targets, url).stream().map(FieldProblem::code).toList();
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		if (host.equals("localhost")) {
			return new InetAddress[] { InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1") };
		}
		if (DNS.containsKey(host)) {
			return new InetAddress[] { InetAddress.getByName(DNS.get(host)) };
		}
		if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
			return new InetAddress[] { InetAddress.getByName(host) };
		}
		throw new UnknownHostException(host);
	}

}
