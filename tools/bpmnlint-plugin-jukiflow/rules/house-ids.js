const { is } = require('bpmnlint-utils');

// Ids are sentences with the prefix of their kind (Task_CheckCounter, Flow_CounterOpen): tests, listeners and
// Cockpit refer to them, so Modeler's generated ids (Activity_0x1y2z3) are renamed. A process id is kebab-case.
const PREFIXES = [
  [ 'bpmn:BusinessRuleTask', 'Rule' ],
  [ 'bpmn:Task', 'Task' ],
  [ 'bpmn:CallActivity', 'Task' ],
  [ 'bpmn:EndEvent', 'End' ],
  [ 'bpmn:Event', 'Event' ],
  [ 'bpmn:Gateway', 'Gateway' ],
  [ 'bpmn:SequenceFlow', 'Flow' ],
  [ 'bpmn:Message', 'Message' ],
  [ 'bpmn:Error', 'Error' ]
];
const SENTENCE = '(?:[A-Z][a-z0-9]*)+';

module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:Process')) {
      if (!/^[a-z]+(-[a-z]+)*$/.test(node.id)) {
        reporter.report(node.id, 'Process id is not kebab-case', [ 'id' ]);
      }
      return;
    }
    if (!is(node, 'bpmn:FlowElement') && !is(node, 'bpmn:Message') && !is(node, 'bpmn:Error')) {
      return;
    }
    const entry = PREFIXES.find(([ type ]) => is(node, type));
    if (!entry) {
      reporter.report(node.id, 'No house id prefix for ' + node.$type, [ 'id' ]);
    } else if (!new RegExp('^' + entry[1] + '_' + SENTENCE + '$').test(node.id || '')) {
      reporter.report(node.id, 'Id is not ' + entry[1] + '_ followed by CamelCase words', [ 'id' ]);
    }
  }

  return { check };
};
