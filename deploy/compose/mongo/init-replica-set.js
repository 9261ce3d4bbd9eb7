// Initiates replica set rs0 of mongo-1..3 once; on later runs it finds it initiated and only waits
// for a primary, so the services start against a writable store.
try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (e) {
  rs.initiate({
    _id: 'rs0',
    members: [
      { _id: 0, host: 'mongo-1:27017', priority: 2 },
      { _id: 1, host: 'mongo-2:27017', priority: 1 },
      { _id: 2, host: 'mongo-3:27017', priority: 1 },
    ],
  });
  print('replica set rs0 initiated');
}
const deadline = Date.now() + 120000;
while (!db.hello().isWritablePrimary && !db.hello().primary) {
  if (Date.now() > deadline) { throw new Error('no primary after 120 s'); }
  sleep(500);
}
print('primary: ' + db.hello().primary);
