package org.misinfodesk.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.misinfodesk.platform.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

	static final Map<String, String> DNS = Map.of("hooks.agency.example", "203.0.113.10", "intranet.example",
			"10.1.2.3", "metadata.example", "169.254.169.254", "v6.agency.example", "2001:db8::10", "cgnat.example",
			"100.100.1.1", "ula.example", "fd00::5", "router.example", "192.168.0.1");

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

	/** Refused and accepted targets outside the local profile, with the reason, through the resolver alone. */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			https://hooks.agency.example/h,       ''
			https://v6.agency.example/h,          ''
			https://[2001:db8::10]/h,             ''
			https://8.8.8.8/h,                    ''
			https://127.0.0.1/h,                  private-target
			https://127.8.9.10/h,                 private-target
			https://10.255.0.1/h,                 private-target
			https://172.31.255.255/h,             private-target
			https://172.32.0.1/h,                 ''
			https://192.168.1.1/h,                private-target
			https://169.254.169.254/h,            private-target
			https://100.64.0.1/h,                 private-target
			https://100.127.255.254/h,            private-target
			https://100.128.0.1/h,                ''
			https://0.1.2.3/h,                    private-target
			https://[::1]/h,                      private-target
			https://[::]/h,                       private-target
			https://[fe80::abcd]/h,               private-target
			https://[fc00::1]/h,                  private-target
			https://[fdff:ffff::1]/h,             private-target
			https://[::ffff:127.0.0.1]/h,         private-target
			https://[::ffff:192.168.0.1]/h,       private-target
			https://intranet.example/h,           private-target
			https://router.example/h,             private-target
			https://cgnat.example/h,              private-target
			https://ula.example/h,                private-target
			https://metadata.example/h,           private-target
			https://two-faced.example/h,          private-target
			http://hooks.agency.example/h,        https-required
			https://nowhere.example/h,            unresolvable-host
			""")
	void targetTable(String url, String expected) {
		List<String> codes = this.strictWithMixedHost.resolve(url).block().problems().stream().map(FieldProblem::code).toList();

		assertThat(codes).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
	}

	@Test
	void anIpv4MappedIpv6AddressIsJudgedByTheIpv4AddressItCarries() throws Exception {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		mapped[12] = 10;
		mapped[15] = 1;
		InetAddress address = Inet6Address.getByAddress("mapped.example", mapped, -1);
		assertThat(address).isInstanceOf(Inet6Address.class);

		assertThat(WebhookTargets.isPublic(address)).isFalse();
	}

	@Test
	void theSendGoesToTheAddressThatWasCheckedEvenIfTheNameResolvesElsewhereLater() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		WebhookTargets rebinding = new WebhookTargets(false, (host) -> lookups.incrementAndGet() == 1
				? new InetAddress[] { InetAddress.getByName("203.0.113.10") }
				: new InetAddress[] { InetAddress.getByName("127.0.0.1") });

		WebhookTargets.Resolved resolved = rebinding.resolve("https://rebind.example/h").block();

		assertThat(resolved.refused()).isFalse();
		assertThat(resolved.address()).isEqualTo(InetAddress.getByName("203.0.113.10"));
		assertThat(lookups).hasValue(1);
		assertThat(rebinding.resolve("https://rebind.example/h").block().problems()).extracting(FieldProblem::code)
			.containsExactly("private-target");
	}

	@Test
	void inTheLocalProfileTheSendStillResolvesOnceAndPinsTheAddress() throws Exception {
		WebhookTargets.Resolved resolved = this.local.resolve("http://localhost:9000/hook").block();

		assertThat(resolved.address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
	}

	final WebhookTargets strictWithMixedHost = new WebhookTargets(false, (host) -> host.equals("two-faced.example")
			? new InetAddress[] { InetAddress.getByName("203.0.113.10"), InetAddress.getByName("10.0.0.7") }
			: resolve(host));

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
