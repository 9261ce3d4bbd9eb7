package org.misinfodesk.report.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.misinfodesk.platform.problem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Decides which attached files a report may keep: at most so many, each within the size limit, of
 * an accepted kind by content, with a readable structure and a sane number of pixels; and removes
 * their metadata.
 */
@Component
public class EvidenceChecks {

	static final String FIELD = "evidence";

	private final EvidenceSettings settings;

	public EvidenceChecks(EvidenceSettings settings) {
		this.settings = settings;
	}

	/** The files that passed, or the problems: the report is refused when there is any. */
	public record Checked(List<CleanFile> files, List<FieldProblem> problems) {
	}

	public Checked check(List<Upload> uploads) {
		List<FieldProblem> problems = new ArrayList<>();
		List<CleanFile> files = new ArrayList<>();
		if (uploads.size() > this.settings.maxFiles()) {
			problems.add(FieldProblem.of(FIELD, "too-many-files", this.settings.maxFiles(), uploads.size()));
			return new Checked(List.of(), problems);
		}
		for (Upload upload : uploads) {
			check(upload, problems).ifPresent(files::add);
		}
		return new Checked(problems.isEmpty() ? files : List.of(), problems);
	}

	private Optional<CleanFile> check(Upload upload, List<FieldProblem> problems) {
		String name = shown(upload.filename());
		if (upload.tooLarge() || upload.bytes().length > this.settings.maxFileSize().toBytes()) {
			problems.add(FieldProblem.of(FIELD, "file-too-large", name, this.settings.maxFileSizeShown()));
			return Optional.empty();
		}
		if (upload.bytes().length == 0) {
			problems.add(FieldProblem.of(FIELD, "file-empty", name));
			return Optional.empty();
		}
		Optional<FileKind> kind = FileKind.sniff(upload.bytes());
		if (kind.isEmpty()) {
			problems.add(FieldProblem.of(FIELD, "file-type-not-accepted", name));
			return Optional.empty();
		}
		MetadataRemoval.Cleaned cleaned;
		try {
			cleaned = MetadataRemoval.clean(kind.get(), upload.bytes());
		}
		catch (UnreadableFileException ex) {
			problems.add(FieldProblem.of(FIELD, "file-unreadable", name));
			return Optional.empty();
		}
		Dimensions dimensions = cleaned.dimensions();
		if (dimensions != null && (dimensions.width() < 1 || dimensions.height() < 1
				|| dimensions.pixels() > this.settings.maxPixels())) {
			problems.add(FieldProblem.of(FIELD, "image-too-large", name));
			return Optional.empty();
		}
		return Optional.of(CleanFile.of(kind.get(), cleaned.bytes()));
	}

	/** A name safe to show back: no path, not too long. */
	private static String shown(String filename) {
		if (filename == null || filename.isBlank()) {
			return "?";
		}
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).strip();
		return name.length() > 80 ? name.substring(0, 80) + "…" : name;
	}

}
