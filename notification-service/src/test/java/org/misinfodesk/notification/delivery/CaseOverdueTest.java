package org.misinfodesk.notification.delivery;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.events.MalformedEventException;
import org.misinfodesk.platform.test.Contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CaseOverdueTest {

	@Test
	void parsesTheContractExample() {
		CaseOverdue overdue = RoutedCases.json.readValue(Contracts.example(CaseOverdue.TYPE), CaseOverdue.class)
			.validated();

		assertThat(overdue.caseId()).isEqualTo("c-6a1f0c2e-4d7b-4b8e-9a3c-1f2d3e4a5b6c");
		assertThat(overdue.routing()).isEqualTo(1);
		assertThat(overdue.agencyId()).isEqualTo("so-y-te");
		assertThat(overdue.deadline()).isEqualTo("ACKNOWLEDGEMENT");
		assertThat(overdue.dueAt()).isEqualTo(Instant.parse("2026-11-28T02:10:00Z"));
		assertThat(overdue.overdueAt()).isEqualTo(Instant.parse("2026-11-28T02:10:30Z"));
		assertThat(overdue.severity()).isEqualTo("HIGH");
	}

	@Test
	void anEventWithoutADeadlineItNamesIsMalformed() {
		String example = Contracts.example(CaseOverdue.TYPE).replace("\"ACKNOWLEDGEMENT\"", "\"SOMETIME\"");

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> RoutedCases.json.readValue(example, CaseOverdue.class).validated());
	}

	@Test
	void remindersOfOneCaseAreOnePerRoutingAgencyDeadlineAndTarget() {
		CaseOverdue overdue = RoutedCases.json.readValue(Contracts.example(CaseOverdue.TYPE), CaseOverdue.class);
		CaseOverdue resolution = new CaseOverdue(overdue.caseId(), 1, "so-y-te", "RESOLUTION", overdue.dueAt(),
				overdue.overdueAt(), "HIGH", "s");
		Instant now = Instant.parse("2026-11-28T02:11:00Z");
		Target email = Target.email("vanthu.syt@hanam.gov.vn");

		Delivery one = Delivery.reminder(overdue, "so-y-te", "n", Channel.EMAIL, email, "{}", "t", now, null);

		assertThat(Delivery.reminder(overdue, "so-y-te", "n", Channel.EMAIL, Target.email("VanThu.SYT@hanam.gov.vn"),
				"{}", "t", now.plusSeconds(5), null).id()).isEqualTo(one.id());
		assertThat(Delivery.reminder(resolution, "so-y-te", "n", Channel.EMAIL, email, "{}", "t", now, null).id())
			.isNotEqualTo(one.id());
		assertThat(one.kind()).isEqualTo(DeliveryKind.REMINDER);
		assertThat(one.id()).isNotEqualTo(Delivery.idOf(overdue.caseId(), 1, Channel.EMAIL, email));
	}

}
