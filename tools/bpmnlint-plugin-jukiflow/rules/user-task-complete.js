const { is } = require('bpmnlint-utils');
const { attribute } = require('../lib/camunda');

// A clerk task names who may take it (candidate groups), its form and the clerk's instruction (documentation,
// Tasklist's 説明 tab). Element template: jukiflow.clerkTask.
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    if (!attribute(node, 'candidateGroups')) {
      reporter.report(node.id, 'User task has no candidate groups (camunda:candidateGroups)', [ 'candidateGroups' ]);
    }
    if (!attribute(node, 'formRef') && !attribute(node, 'formKey')) {
      reporter.report(node.id, 'User task has no form (camunda:formRef or camunda:formKey)', [ 'formRef' ]);
    }
    const documented = (node.documentation || []).some(d => (d.text || '').trim());
    if (!documented) {
      reporter.report(node.id, 'User task has no documentation (the clerk\'s instruction)', [ 'documentation' ]);
    }
  }

  return { check };
};
