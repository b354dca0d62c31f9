/**
 * Jest's order (slowest and failed first, from its cache), except that the test of the demo's
 * seeding comes first: it seeds the demo from scratch and saves it, and every other file that
 * boots with the demo then starts from that copy instead of seeding it again (bootTemplate in
 * tests/helpers/database.ts).
 */
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = /[\\/]tests[\\/]integration[\\/]demo\.test\.ts$/;

class DemoFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [
      ...sorted.filter((test) => FIRST.test(test.path)),
      ...sorted.filter((test) => !FIRST.test(test.path)),
    ];
  }
}

module.exports = DemoFirst;
