package org.misinfodesk.report.evidence;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Evidence files in MongoDB, in chunks under the 16 MB document limit (as GridFS does, with chunk
 * ids derived from the file id so that reading needs no secondary index).
 */
@Repository
public class EvidenceFiles {

	static final String COLLECTION = "evidence";

	static final String CHUNKS = "evidence_chunks";

	static final int CHUNK_SIZE = 255 * 1024;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public EvidenceFiles(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public Mono<Evidence> store(String reportId, CleanFile file) {
		String id = UUID.randomUUID().toString();
		byte[] bytes = file.bytes();
		int chunks = (bytes.length + CHUNK_SIZE - 1) / CHUNK_SIZE;
		return Flux.range(0, chunks)
			.concatMap((n) -> this.mongo.insert(new Document("_id", chunkId(id, n)).append("fileId", id)
				.append("n", n)
				.append("data", new Binary(Arrays.copyOfRange(bytes, n * CHUNK_SIZE,
						Math.min(bytes.length, (n + 1) * CHUNK_SIZE)))), CHUNKS))
			.then(this.mongo.insert(new StoredEvidence(id, reportId, file.kind().contentType(), bytes.length,
					file.sha256(), chunks, this.clock.instant().truncatedTo(ChronoUnit.MILLIS)), COLLECTION))
			.map(StoredEvidence::reference);
	}

	public Mono<EvidenceContent> read(String id) {
		return this.mongo.findById(id, StoredEvidence.class, COLLECTION)
			.flatMap((stored) -> Flux.range(0, stored.chunks())
				.concatMap((n) -> this.mongo.findById(chunkId(id, n), Document.class, CHUNKS))
				.collect(ByteArrayOutputStream::new, (out, chunk) -> {
					byte[] data = chunk.get("data", Binary.class).getData();
					out.write(data, 0, data.length);
				})
				.map((out) -> new EvidenceContent(id,
						FileKind.ofContentType(stored.contentType()).orElseThrow(), out.toByteArray())));
	}

	/** Removes files stored for a report that was then not kept (a lost race on its idempotency key). */
	public Mono<Void> delete(Collection<Evidence> files) {
		return Flux.fromIterable(files)
			.concatMap((file) -> this.mongo.remove(Query.query(Criteria.where("_id").is(file.id())), COLLECTION)
				.then(this.mongo.remove(Query.query(Criteria.where("fileId").is(file.id())), CHUNKS)))
			.then();
	}

	private static String chunkId(String fileId, int n) {
		return fileId + ":" + n;
	}

}
