/** Cases stored in MongoDB, each change one conditional document write together with its outbox events. */
package org.misinfodesk.triage.cases.mongo;
