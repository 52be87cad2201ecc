const { isAny } = require('bpmnlint-utils');

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
const ENGLISH_WORD = /[A-Za-z]*[a-z][A-Za-z]*/;

// Clerks read the names in Tasklist and Cockpit: Japanese, without English words (capitals alone, e.g. PDF, are
// an abbreviation). Unnamed elements (a joining gateway) pass.
module.exports = function() {

  function check(node, reporter) {
    if (!isAny(node, [ 'bpmn:Process', 'bpmn:FlowElement' ])) {
      return;
    }
    const name = (node.name || '').trim();
    if (!name) {
      return;
    }
    if (!JAPANESE.test(name)) {
      reporter.report(node.id, 'Name is not Japanese', [ 'name' ]);
    }
    const english = ENGLISH_WORD.exec(name);
    if (english) {
      reporter.report(node.id, 'Name has the English word \'' + english[0] + '\'', [ 'name' ]);
    }
  }

  return { check };
};
