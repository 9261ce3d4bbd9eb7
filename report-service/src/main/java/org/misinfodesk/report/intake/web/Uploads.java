package org.misinfodesk.report.intake.web;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.misinfodesk.report.evidence.EvidenceSettings;
import org.misinfodesk.report.evidence.Upload;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code evidence} parts of a multipart request into memory, keeping at most one byte
 * more than the size limit of each, so that an oversized file is told apart without being held.
 */
@Component
class Uploads {

	static final String PART = "evidence";

	private final EvidenceSettings settings;

	Uploads(EvidenceSettings settings) {
		this.settings = settings;
	}

	/** An empty file input of an HTML form sends a part with no name and no bytes: that is no file. */
	Mono<List<Upload>> read(List<Part> parts) {
		long limit = this.settings.maxFileSize().toBytes();
		return Flux.fromIterable(parts == null ? List.<Part>of() : parts)
			.concatMap((part) -> read(part, limit))
			.filter((upload) -> upload.bytes().length > 0 || (upload.filename() != null && !upload.filename().isEmpty()))
			.collectList();
	}

	private static Mono<Upload> read(Part part, long limit) {
		String filename = (part instanceof FilePart file) ? file.filename() : null;
		return part.content()
			.reduceWith(() -> new Collected(limit), Collected::add)
			.defaultIfEmpty(new Collected(limit))
			.map((collected) -> new Upload(filename, collected.bytes.toByteArray(), collected.tooLarge));
	}

	private static final class Collected {

		private final long limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private boolean tooLarge;

		Collected(long limit) {
			this.limit = limit;
		}

		Collected add(DataBuffer buffer) {
			try {
				int readable = buffer.readableByteCount();
				if (this.tooLarge || this.bytes.size() + (long) readable > this.limit) {
					this.tooLarge = true;
					return this;
				}
				byte[] chunk = new byte[readable];
				buffer.read(chunk);
				this.bytes.write(chunk, 0, chunk.length);
				return this;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

	}

}
