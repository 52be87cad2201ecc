// jukiflow's own bpmnlint rules (configured in the project's .bpmnlintrc as plugin:jukiflow/recommended).
// The same conventions are checked in Java by ProcessConventionsTest; these rules show them in Camunda Modeler
// and the build while a model is edited.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'user-task-complete': 'error',
        'async-retry-cycle': 'error',
        'japanese-names': 'error',
        'house-ids': 'error'
      }
    }
  }
};
