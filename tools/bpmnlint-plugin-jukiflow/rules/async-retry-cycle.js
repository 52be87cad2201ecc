const { is } = require('bpmnlint-utils');
const { extensions, text, attribute, isTrue } = require('../lib/camunda');

const CYCLE = /^R[1-9]\d*\/P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

// R<tries ≥ 1>/<a positive ISO 8601 duration>, the form the engine's retry configuration takes
function isValidCycle(cycle) {
  const duration = cycle.substring(cycle.indexOf('/') + 1);
  return CYCLE.test(cycle) && /[1-9]/.test(duration) && !/T$/.test(duration);
}

const JUKINET = '（住基ネット）';

// An outside call (a mail through ${sendMail}, a message over Juki-net, named "…（住基ネット）") runs async before;
// every async element has one retry cycle extension element (Modeler: Asynchronous continuations → Retry time cycle),
// never the attribute camunda:failedJobRetryTimeCycle, which Camunda 7 ignores.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:FlowNode')) {
      return;
    }
    if (attribute(node, 'failedJobRetryTimeCycle')) {
      reporter.report(node.id, 'Retry cycle written as an attribute, which Camunda 7 ignores: use the extension element');
    }
    const outside = attribute(node, 'delegateExpression') === '${sendMail}' || (node.name || '').includes(JUKINET);
    if (outside && is(node, 'bpmn:Activity') && !isTrue(node, 'asyncBefore')) {
      reporter.report(node.id, 'Outside call (mail, Juki-net) is not asynchronous before', [ 'asyncBefore' ]);
    }
    if (isTrue(node, 'asyncBefore') || isTrue(node, 'asyncAfter') || isTrue(node, 'async')) {
      const cycles = extensions(node, 'failedJobRetryTimeCycle');
      if (cycles.length !== 1) {
        reporter.report(node.id, 'Asynchronous element needs one retry time cycle (e.g. R3/PT1M), has ' + cycles.length);
      } else if (!isValidCycle(text(cycles[0]))) {
        reporter.report(node.id, 'Retry time cycle \'' + text(cycles[0]) + '\' is not R<tries>/<ISO 8601 duration>');
      }
    }
  }

  return { check };
};
