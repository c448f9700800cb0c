// Why grain-state row keys carry the grain's hash (src/CertGrid.Grains/Storage/SpreadRowKeyGrainStorage.cs).
// Azurite keeps each table in a LokiJS collection indexed on PartitionKey and RowKey and finds an entity with
// findOne({ RowKey, PartitionKey }); LokiJS uses an index for the first condition only. This times that lookup, in
// Azurite's own LokiJS, for rows laid out as Orleans lays them out (one row key per grain type: the baseline) and as
// CertGrid does (row key = state name + 4 hex digits of the grain's hash), at the same sizes in the same run.
//
//   node benchmarks/azurite-row-keys.js [rows ...]      (default 10000 50000 200000; run ./test.sh or ./run.sh once first for node_modules)
const path = require('path');
const Loki = require(path.join(__dirname, '..', 'node_modules', 'lokijs'));

const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
const layouts = {
  'one row key per type (Orleans)': () => 'renewal',
  'state name + grain hash (CertGrid)': i => 'renewal.' + (Math.imul(i, 2654435761) >>> 16).toString(16).padStart(4, '0'),
};

console.log('| Rows of one grain type | Layout | Lookup (findOne by both keys) |');
console.log('|--:|---|--:|');
for (const rows of sizes.length ? sizes : [10000, 50000, 200000]) {
  for (const [name, rowKey] of Object.entries(layouts)) {
    const table = new Loki('bench').addCollection('grainstate', { indices: ['PartitionKey', 'RowKey'] });
    for (let i = 0; i < rows; i++) {
      table.insert({ PartitionKey: `svc_renewal_acme_cred${i}`, RowKey: rowKey(i), Data: 'x' });
    }

    const lookups = 500;
    const started = process.hrtime.bigint();
    for (let j = 0; j < lookups; j++) {
      const i = (j * 7919) % rows;
      if (!table.findOne({ RowKey: rowKey(i), PartitionKey: `svc_renewal_acme_cred${i}` })) throw new Error('row not found');
    }

    const micros = Number(process.hrtime.bigint() - started) / lookups / 1000;
    console.log(`| ${rows.toLocaleString('en-US')} | ${name} | ${micros >= 1000 ? (micros / 1000).toFixed(1) + ' ms' : micros.toFixed(1) + ' µs'} |`);
  }
}
